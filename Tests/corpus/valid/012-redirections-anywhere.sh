#!/bin/bash
> empty.txt
< input cat
2>/dev/null ls missing
echo >out a b c
echo a >out b 2>err c
>out echo first
cat <in >out 2>&1
