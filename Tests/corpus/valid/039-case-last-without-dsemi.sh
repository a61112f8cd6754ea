#!/bin/sh
case $1 in
  a) echo a ;;
  b) echo b
esac
case $1 in a) echo a; esac
case $1 in (a) echo a
esac
case $1 in
  a)
  ;;
  b) ;;
esac
