#!/bin/bash
fact() {
  local n=$1
  if (( n <= 1 )); then
    echo 1
  else
    echo $(( n * $(fact $((n - 1))) ))
  fi
}
fib() { (( $1 < 2 )) && echo $1 || echo $(( $(fib $(($1-1))) + $(fib $(($1-2))) )); }
fact 5
