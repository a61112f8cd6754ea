#!/bin/bash
arr=(zero one two three)
echo "${#arr[@]}"
echo "${arr[@]:1}"
echo "${!arr[@]}"
unset 'arr[1]'
arr+=(four)
for i in "${!arr[@]}"; do
  echo "$i: ${arr[i]}"
done
copy=("${arr[@]}")
sliced=("${arr[@]:1:2}")
