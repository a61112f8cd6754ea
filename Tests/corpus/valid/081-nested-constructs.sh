#!/bin/bash
for d in /etc /usr; do
  if [ -d "$d" ]; then
    while read -r f; do
      case $f in
        *.conf)
          if [[ -r $f ]]; then
            { echo "$f"; } >> list
          fi
          ;;
      esac
    done < <(find "$d" -maxdepth 1)
  fi
done
