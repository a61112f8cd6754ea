#!/bin/bash
cat <<EOF | grep foo | sort
foo 1
bar 2
foo 3
EOF
while read -r a b; do
  echo "$a=$b"
done <<EOF
k1 v1
k2 v2
EOF
