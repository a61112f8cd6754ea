#!/bin/sh
[ $# -eq 0 ] && { echo "usage" >&2; exit 1; }
[ -d "$dir" ] || mkdir -p "$dir"
[ "x$var" = "xvalue" ]
if [ -r "$cfg" ] && [ -s "$cfg" ]; then
  . "$cfg"
fi
