#!/bin/bash
for arg; do
  echo "$arg"
done
for arg
do
  echo "$arg"
done
for a; { echo $a; }
f() { for x; do echo "$x"; done; }
