#!/bin/bash
arr=(a b c)
echo ${arr[0]} ${arr[1]} ${arr[-1]}
echo ${arr[i]} ${arr[i+1]} ${arr[$i]} ${arr[$((i*2))]}
echo ${arr[@]} ${arr[*]}
echo "${arr[@]}" "${arr[*]}"
declare -A m=([k]=v)
echo ${m[k]} ${m["key with space"]} ${m[$key]}
echo ${arr}
echo ${arr[@]:-none}
