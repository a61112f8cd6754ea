#!/bin/bash
a=start
a+=more
a+=" and more"
arr=(one two)
arr+=(three four)
declare -i n=5
n+=3
PATH+=:/usr/local/sbin
