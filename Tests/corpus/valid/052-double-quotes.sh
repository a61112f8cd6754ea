#!/bin/bash
echo "hello $USER"
echo "braced ${HOME}/dir"
echo "escaped \" quote and \$dollar and \\ backslash and \` tick"
echo "cmd: $(date +%Y)"
echo "arith: $((1+2))"
echo "nested \"$(echo "inner $(echo "deep")")\""
echo "multi
line"
echo "tab\there stays literal"
echo "$@" "$*" "${arr[@]}"
