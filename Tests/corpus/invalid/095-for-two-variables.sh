#!/bin/bash
for key value in a 1 b 2; do
  echo "$key=$value"
done
