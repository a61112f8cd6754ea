#!/bin/sh
n=0
until [ $n -ge 3 ]; do
  n=$((n+1))
done
until false
do
  break
done
until test -f /tmp/ready; do sleep 0.5; done
