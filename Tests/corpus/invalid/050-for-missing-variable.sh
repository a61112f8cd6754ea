#!/bin/sh
for in a b; do
  echo x
done
