#!/bin/bash
verbose=0
output=
while getopts ":hvo:" opt; do
  case $opt in
    h) usage; exit 0 ;;
    v) verbose=$((verbose + 1)) ;;
    o) output=$OPTARG ;;
    :) echo "option -$OPTARG needs an argument" >&2; exit 2 ;;
    \?) echo "bad option -$OPTARG" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
echo "remaining: $*"
