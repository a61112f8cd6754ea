#!/bin/bash
shopt -s extglob
ls @(a|b).txt
ls !(*.bak)
ls *(x)y
ls +(ab)c
ls ?(opt)file
rm -f !(keep|*.conf)
case $f in @(foo|bar)) echo ok;; +([0-9])) echo num;; esac
[[ $f == !(x*) ]]
