#!/bin/bash
s=abcdefgh
echo ${s:2}
echo ${s:2:3}
echo ${s: -3}
echo ${s:(-3):2}
echo ${s:i:j}
echo ${s:$i+1:${#s}-2}
echo ${s::2}
echo ${@:2}
echo ${arr[@]:1:2}
echo ${s:0:-1}
