#!/bin/bash
for f in *.txt; do
  echo "$f"
done
for x in a b c; do echo $x; done
for word in "$@"
do
  echo "arg: $word"
done
for i in $(seq 1 5); do :; done
for n in {1..10}; do echo $n; done
for empty in; do echo never; done
for line in
do echo never; done
