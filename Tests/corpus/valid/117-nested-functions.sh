#!/bin/bash
outer() {
  inner() {
    echo "inner $1"
  }
  inner "$@"
  local -
  set -e
}
outer x
unset -f inner
