#!/bin/bash
a="$(echo "$(echo "$(echo 'deep')")")"
b="outer $(echo "mid $(echo "inner ${x:-"d"}")")"
c=$(echo "$(echo ')')")
d="$(printf '%s' "${arr[@]}")"
e="${x:-$(echo "${y:-$(echo z)}")}"
echo "$a$b$c$d$e"
