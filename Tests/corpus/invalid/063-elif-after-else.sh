#!/bin/bash
if [ "$a" ]; then
  echo a
else
  echo not a
elif [ "$b" ]; then
  echo b
fi
