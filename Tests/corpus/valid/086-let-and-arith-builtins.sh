#!/bin/bash
let i=1
let "j = i + 2" k=j*3
let x++ y--
let 'z = (x > y) ? x : y'
i=$((i<<1))
echo $(( i >= 2 ? i : -i ))
