#!/bin/bash
f1()
{
  echo newline before brace
}
f2 ()
{
  :
}
function f3
(
  echo subshell body on next line
)
f4() [[ -n $1 ]]
f5() (( $1 > 0 ))
