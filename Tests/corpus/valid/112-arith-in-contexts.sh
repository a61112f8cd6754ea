#!/bin/bash
arr[2*3]=x
echo ${arr[1+1]}
echo ${s:1+1:2*2}
(( arr[i++] = 5 ))
[[ $((a+b)) -gt 3 ]]
case $((x % 2)) in 0) echo even;; 1) echo odd;; esac
for i in $(seq $((n-1))); do :; done
x=$(( (a + b) * (c - d) / 2 ))
y=$(( a > b ? a - b : b - a ))
