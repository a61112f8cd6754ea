#!/bin/bash
(( i++ ))
(( x = 5 * (3 + 2) ))
((y=x<<2))
if (( x > 10 && y < 100 )); then echo in range; fi
while (( n-- > 0 )); do :; done
(( count += 1, total *= 2 ))
(( flag = x ? 1 : 0 ))
(( a[3] = 7 ))
(( 0x1F + 010 + 2#1010 + 36#zz ))
((!done))
