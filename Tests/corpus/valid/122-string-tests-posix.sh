#!/bin/sh
if [ -z "$1" ]; then echo empty; fi
if [ "$a" = "$b" ] || [ "$a" != "$c" ]; then :; fi
[ "$n" -gt 0 ] && [ "$n" -lt 10 ]
[ ! -e "$f" ]
test -n "$x" -a -n "$y"
[ \( -f a \) -o \( -f b \) ]
