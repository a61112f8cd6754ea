#!/bin/sh
case $x in
  foo echo foo ;;
esac
