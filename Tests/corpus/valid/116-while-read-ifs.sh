#!/bin/bash
while IFS=: read -r user _ uid gid _ home shell; do
  [[ $uid -ge 1000 ]] || continue
  printf '%-12s %5d %s\n' "$user" "$uid" "$home"
done < /etc/passwd
while IFS= read -r -d '' f; do
  echo "$f"
done < <(find . -print0)
