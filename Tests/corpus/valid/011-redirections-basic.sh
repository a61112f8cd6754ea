#!/bin/sh
echo hello > out.txt
echo more >> out.txt
cat < in.txt
sort < in.txt > sorted.txt
exec 3<> /dev/tcp/localhost/80
cat <&3
exec 3>&-
echo err >&2
echo clobber >| out.txt
