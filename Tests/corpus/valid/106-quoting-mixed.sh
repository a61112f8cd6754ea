#!/bin/bash
echo "a 'single' inside double"
echo 'a "double" inside single'
echo "$HOME"'/literal $x'"/$USER"
echo "${var:-'default with quotes'}"
echo "${var:-"nested double"}"
echo "$(echo 'single in subst in double')"
echo "x"y'z'$'\t'"$a"
echo ""''""
grep -E "^[^#]" 'file name.txt'
