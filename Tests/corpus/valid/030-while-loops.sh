#!/bin/bash
i=0
while [ $i -lt 10 ]; do
  i=$((i + 1))
  [ $i -eq 5 ] && continue
  [ $i -eq 8 ] && break
  echo $i
done
while read -r line
do
  echo "$line"
done < file.txt
while :; do sleep 1; done &
while true; do break; done
