#!/bin/bash
check() {
  [ -f "$1" ] || return 1
  return 0
}
check x || exit $?
rc=$?
exit "$rc"
