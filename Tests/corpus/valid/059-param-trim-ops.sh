#!/bin/bash
path=/usr/local/lib/file.tar.gz
echo ${path#*/}
echo ${path##*/}
echo ${path%.*}
echo ${path%%.*}
echo ${path#"/usr"}
echo ${path%"$ext"}
echo "${path##*/}"
echo ${@#-} ${*%x}
echo ${arr[@]%.txt}
