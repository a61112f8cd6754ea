#!/bin/bash
file=/path/to/archive.tar.gz
base=${file##*/}
dir=${file%/*}
ext=${base#*.}
name=${base%%.*}
upper=${name^^}
rel=${file#$HOME/}
echo "${base:0:3}...${base: -3}"
echo "${#base} chars"
echo "${file//\//_}"
