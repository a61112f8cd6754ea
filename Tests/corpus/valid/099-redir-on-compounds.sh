#!/bin/bash
while read -r l; do echo "$l"; done < in > out
for i in 1 2; do echo $i; done >> log 2>&1
if true; then echo x; fi > /dev/null
case a in a) echo a;; esac 2>/dev/null
{ echo a; echo b; } 3>&1 1>&2 2>&3
( echo sub ) &> sub.log
[[ -f x ]] 2>/dev/null
(( x = 1 )) >/dev/null
until true; do :; done <&-
