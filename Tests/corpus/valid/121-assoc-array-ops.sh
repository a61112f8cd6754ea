#!/bin/bash
declare -A color=(
  [red]='#ff0000'
  [green]='#00ff00'
  ["light blue"]='#add8e6'
)
color[black]='#000000'
for k in "${!color[@]}"; do
  printf '%s -> %s\n' "$k" "${color[$k]}"
done
[[ -v color[red] ]] && echo has red
unset 'color[red]'
echo ${#color[@]}
