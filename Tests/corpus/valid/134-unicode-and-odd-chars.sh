#!/bin/bash
echo "héllo wörld"
echo 'ünïcödé'
echo 日本語
name_ascii=ok
echo $'\u263A'
echo %percent @at ^caret
echo a,b,c
echo key=value=more
echo 2>&1x
