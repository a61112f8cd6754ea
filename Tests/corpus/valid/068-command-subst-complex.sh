#!/bin/bash
v=$(echo ')' )
v=$(echo "(" )
v=$(echo \) )
v=$(# comment with ) paren
echo after)
v=$(for i in 1 2; do echo $i; done)
v=$(if true; then echo y; fi)
v=$(while false; do :; done)
v=$({ echo grp; })
v=$(f() { echo fn; }; f)
v=$(echo $((1+2)))
v=$(cat <<<'here )')
