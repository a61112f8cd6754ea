#!/bin/bash
log() {
  echo "$(date) $*"
} >> /var/log/app.log
errmsg() {
  echo "$*"
} >&2
readcfg() {
  while read -r k v; do echo "$k=$v"; done
} < config.txt 2>/dev/null
f() ( echo sub ) > out.txt
