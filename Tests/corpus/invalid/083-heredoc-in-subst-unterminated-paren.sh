#!/bin/bash
out=$(cat <<EOF
text
EOF
echo "$out"
