#!/bin/bash
case "$1"
  a) echo a ;;
esac
