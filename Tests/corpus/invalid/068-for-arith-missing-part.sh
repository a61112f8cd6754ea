#!/bin/bash
for ((i = 0; i < 10)); do
  echo $i
done
