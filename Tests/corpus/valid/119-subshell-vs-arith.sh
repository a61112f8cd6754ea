#!/bin/bash
( (echo nested) )
( ( echo spaced ) )
((x = 1))
( (x = 1) ) 2>/dev/null || true
x=$( (echo paren) )
y=$((1 + 2))
z=$( (a=1; echo $a) )
