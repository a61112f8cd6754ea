#!/bin/bash
[[ $a == $b ]]
[[ $a = b* ]]
[[ $a != "literal*" ]]
[[ $a < $b ]]
[[ $a > $b ]]
[[ $x -eq 1 || $x -ne 2 || $x -lt 3 || $x -le 4 || $x -gt 5 || $x -ge 6 ]]
[[ f1 -nt f2 || f1 -ot f2 || f1 -ef f2 ]]
[[ $str == *.@(c|h) ]]
[[ "$a" == "$b" ]] && echo equal
