#!/bin/bash
_mytool_complete() {
  local cur prev words cword
  COMPREPLY=()
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  local commands="build test clean install help"
  local opts="--verbose --quiet --config= --jobs="
  case $prev in
    --config)
      COMPREPLY=( $(compgen -f -X '!*.conf' -- "$cur") )
      return 0 ;;
    --jobs|-j)
      COMPREPLY=( $(compgen -W "$(seq 1 $(nproc))" -- "$cur") )
      return 0 ;;
  esac
  if [[ $cur == --*=* ]]; then
    local opt=${cur%%=*} val=${cur#*=}
    COMPREPLY=( $(compgen -P "$opt=" -f -- "$val") )
    return 0
  elif [[ $cur == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
    [[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace
    return 0
  fi
  local i cmd=
  for (( i = 1; i < COMP_CWORD; i++ )); do
    [[ ${COMP_WORDS[i]} != -* ]] && { cmd=${COMP_WORDS[i]}; break; }
  done
  if [[ -z $cmd ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur")
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
} &&
complete -F _mytool_complete mytool
