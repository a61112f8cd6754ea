#!/bin/bash
case "$opt" in
  -v) verbose=1 ;&
  -d) debug=1 ;;
  -q) quiet=1 ;;&
  -q*) echo "q prefix" ;;
  *) ;;
esac
case $x in a) echo a;& b) echo b;;& c) echo c;; esac
