#!/bin/sh
while do
  echo loop
done
