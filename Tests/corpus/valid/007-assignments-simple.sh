#!/bin/bash
a=x
b="hello world"
c='single' d=$a e=${b}suffix
PATH=$PATH:/opt/bin
empty=
LANG=C sort file.txt
x=1 y=2 env
count=$((count + 1))
