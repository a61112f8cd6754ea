#!/bin/bash
s='it'"'"'s $x'
echo ${s@Q}
echo ${s@E}
echo ${PS1@P}
echo ${s@A}
echo ${arr[@]@Q}
echo ${s@U} ${s@u} ${s@L}
echo ${arr@a}
echo ${s@K}
