#!/bin/bash
s="Hello World"
echo ${s^}
echo ${s^^}
echo ${s,}
echo ${s,,}
echo ${s^^[aeiou]}
echo ${s,,[A-Z]}
echo ${s~}
echo ${s~~}
echo ${arr[@]^^}
