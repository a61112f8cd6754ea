#!/bin/bash
for i in 3 1 2; do echo $i; done | sort | while read n; do echo "n=$n"; done
{ echo b; echo a; } | sort
if true; then echo x; fi | cat
case x in x) echo x;; esac | cat
(echo sub) | (read v; echo "$v")
[[ -n x ]] | cat
cat file |
  # comments between pipeline stages
  grep x
