#!/bin/bash
parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --prefix=*) PREFIX=${1#*=} ;;
      --prefix) PREFIX=$2; shift ;;
      -j|--jobs) JOBS=$2; shift ;;
      -j*) JOBS=${1#-j} ;;
      --) shift; break ;;
      -*) echo "unknown option: $1" >&2; return 1 ;;
      *) ARGS+=("$1") ;;
    esac
    shift
  done
}
