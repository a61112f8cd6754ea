#!/bin/bash
case "$1"

in

  a)
  echo a
  ;;
esac
case $x
in x) echo x;;
esac
