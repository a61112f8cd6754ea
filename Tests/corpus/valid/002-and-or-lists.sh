#!/bin/bash
mkdir -p /tmp/x && cd /tmp/x || exit 1
test -f foo && echo yes || echo no
false || true && echo chained
[ -d /etc ] &&
  echo etc exists ||
  echo no etc
! grep -q root /etc/passwd || echo found root
