#!/bin/bash
find . -type f -name '*.log' -mtime +7 -print0 |
  xargs -0 -r ls -l |
  awk '{ total += $5 } END { print total }' |
  {
    read -r bytes
    echo "total: ${bytes:-0}"
  }
grep -rn TODO src/ \
  --include='*.c' \
  --include='*.h' \
  | sort -t: -k1,1 -k2,2n \
  > todo.txt
