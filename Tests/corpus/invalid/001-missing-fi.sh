#!/bin/sh
if [ -f /etc/passwd ]; then
  echo exists
else
  echo missing
