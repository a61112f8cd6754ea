#!/bin/bash
read -r -p "Name: " name
read -ra parts <<< "a b c"
read -d '' -r block <<'EOF'
multi
line
EOF
mapfile -t lines < file.txt
readarray -t -n 10 first < <(seq 100)
IFS=, read -r a b c <<< "1,2,3"
printf -v out '%05d' 42
