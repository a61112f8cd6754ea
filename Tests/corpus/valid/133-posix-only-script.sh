#!/bin/sh
set -e
usage() {
  echo "usage: ${0##*/} [-q] file..." >&2
  exit 2
}
quiet=false
while [ $# -gt 0 ]; do
  case $1 in
    -q) quiet=true ;;
    -*) usage ;;
    *) break ;;
  esac
  shift
done
[ $# -gt 0 ] || usage
for f do
  if [ ! -e "$f" ]; then
    $quiet || echo "missing: $f" >&2
    continue
  fi
  lines=$(wc -l < "$f")
  echo "$f: $lines"
done
