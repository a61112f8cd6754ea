#!/bin/bash
shopt -s extglob
files=( !(*.o|*.a) )
for f in *.@(c|h); do echo "$f"; done
echo "${path//+(\/)//}"
echo ${name%%*([[:space:]])}
