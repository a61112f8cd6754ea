#!/bin/bash
usage() {
  if [ -n "$1" ]; then
    cat >&2 <<-EOF
	error: $1
	EOF
  fi
  cat <<EOF
usage: prog [-h]
EOF
  exit 1
}
