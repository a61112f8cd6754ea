#!/bin/bash
case "$1" in
  ) echo empty ;;
esac
