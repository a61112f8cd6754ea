#!/bin/sh
case "$1" in
  |start) echo start ;;
esac
