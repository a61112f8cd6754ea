#!/bin/bash
s="hello world hello"
echo ${s/hello/bye}
echo ${s//hello/bye}
echo ${s/#hello/start}
echo ${s/%hello/end}
echo ${s//o}
echo ${s/ /_}
echo ${s//[aeiou]/X}
echo "${s//\//\\}"
echo ${s/"quoted pat"/"quoted rep"}
echo ${arr[@]/#/prefix-}
