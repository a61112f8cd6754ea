#!/bin/bash
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
trap "echo interrupted; exit 130" INT TERM
trap - HUP
trap '' PIPE
eval "x=\$y"
eval 'for i in 1 2; do echo $i; done'
cleanup() { rm -f "$tmp"; }
trap cleanup EXIT
