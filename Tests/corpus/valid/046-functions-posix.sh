#!/bin/sh
greet() {
  echo "Hello, $1"
}
noop() { :; }
sub() (
  cd /tmp
  pwd
)
one_liner() { echo one; }
greet world
