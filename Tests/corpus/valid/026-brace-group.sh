#!/bin/bash
{ echo one; echo two; } > both.txt
{
  echo multi
  echo line
} 2>&1 | tee log
{ true; } && { echo yes; } || { echo no; }
test -f x || { echo "missing x" >&2; exit 1; }
