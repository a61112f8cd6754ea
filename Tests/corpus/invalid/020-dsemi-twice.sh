#!/bin/bash
case $1 in
  a) echo a ;; ;;
esac
