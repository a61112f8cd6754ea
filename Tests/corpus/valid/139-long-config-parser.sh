#!/bin/bash
declare -A CONF
section=
lineno=0
while IFS= read -r line || [[ -n $line ]]; do
  (( lineno++ ))
  line=${line%%#*}
  line=${line#"${line%%[![:space:]]*}"}
  line=${line%"${line##*[![:space:]]}"}
  [[ -z $line ]] && continue
  if [[ $line =~ ^\[([A-Za-z0-9_.-]+)\]$ ]]; then
    section=${BASH_REMATCH[1]}
  elif [[ $line == *=* ]]; then
    key=${line%%=*} value=${line#*=}
    key=${key%"${key##*[![:space:]]}"}
    value=${value#"${value%%[![:space:]]*}"}
    case $value in
      \"*\") value=${value:1:${#value}-2} ;;
      \'*\') value=${value:1:-1} ;;
    esac
    CONF[${section:+$section.}$key]=$value
  else
    printf 'line %d: cannot parse: %q\n' "$lineno" "$line" >&2
  fi
done < "${1:-/etc/app.ini}"
for k in "${!CONF[@]}"; do printf '%s=%s\n' "$k" "${CONF[$k]}"; done | sort
