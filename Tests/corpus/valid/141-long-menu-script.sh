#!/bin/bash
PS3=$'\nChoose an action: '
options=("List files" "Disk usage" "Show date" "Quit")
while true; do
  select choice in "${options[@]}"; do
    case $REPLY in
      1) ls -la; break ;;
      2) df -h | awk 'NR==1 || /^\/dev/'; break ;;
      3) date '+%A %d %B %Y'; break ;;
      4|q|Q) echo bye; exit 0 ;;
      *) echo "invalid: $REPLY"; break ;;
    esac
  done
  read -rp "Press enter to continue..." _
done
