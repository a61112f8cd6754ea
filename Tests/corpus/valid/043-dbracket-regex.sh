#!/bin/bash
if [[ $ver =~ ^([0-9]+)\.([0-9]+)$ ]]; then
  major=${BASH_REMATCH[1]}
fi
[[ $line =~ ^#.*$ ]] && echo comment
[[ $x =~ [[:space:]]+ ]]
[[ $x =~ (a|b)+ ]]
re='^[a-z]+$'
[[ $x =~ $re ]]
[[ $x =~ "literal.dot" ]]
[[ $x =~ ^\$[a-z]\{2\}$ ]]
[[ $x =~ a\ b ]]
[[ $x =~ ^(foo|bar)( baz)?$ ]]
