#!/bin/bash
echo "${x#"$prefix"}"
echo "${x/"$pat"/"$rep"}"
echo "${x:-'}'}"
echo ${x:-"a}b"}
echo "${x:-\}}"
echo ${x//\"/\\\"}
echo "${arr[@]/#/--}"
echo "${x:+"$x "}rest"
