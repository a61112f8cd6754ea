#!/bin/sh
(cd /tmp && ls)
( echo a; echo b ) | sort
(
  set -e
  false
  echo unreachable
)
x=$( (echo nested subshell) )
((echo not arith) )
