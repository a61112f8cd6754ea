#!/bin/bash
declare -a list=(1 2 3)
declare -A assoc=([one]=1 [two]=2)
declare -r CONST=42
declare -x EXPORTED="value"
declare -i num=10+5
local_demo() {
  local a b=2 c=(x y)
  local -n ref=$1
  readonly r=1
  export E1=1 E2
  typeset t=3
}
declare -f local_demo
declare -p list
