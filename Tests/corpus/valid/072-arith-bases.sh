#!/bin/bash
echo $((0x1F)) $((0XfF)) $((017)) $((2#1011)) $((8#777)) $((16#dead)) $((36#Zz)) $((64#@_))
echo $(( 10#0099 ))
echo $((arr[1] + arr[i]))
echo $(($x + ${y} + z))
echo $(( $(echo 3) * 2 ))
echo $[1 + 2]
echo "$((1+1))"
n=$(( ${#str} - 1 ))
