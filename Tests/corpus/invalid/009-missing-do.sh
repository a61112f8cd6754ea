#!/bin/bash
for f in a b c
  echo "$f"
done
