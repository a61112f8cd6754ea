#!/bin/bash
shopt -s extglob
clean() {
  local f
  for f in !(*.c|*.h); do
    rm -- "$f"
  done
  echo @(x|y)*
}
trim() {
  local s=${1##+([[:space:]])}
  echo "${s%%+([[:space:]])}"
}
