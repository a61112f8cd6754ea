#!/bin/bash
result=$(case $1 in
  a) echo alpha ;;
  b|c) echo beta ;;
  *) echo other ;;
esac)
x=$(case y in y) echo yes;; esac)
z="$(case $v in (p) echo paren;; esac)"
w=$(case a in a) echo ")" ;; esac)
