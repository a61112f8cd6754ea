#!/bin/sh
while [ -f lock ]
  sleep 1
done
