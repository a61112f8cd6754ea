#!/bin/sh
echo x
else
  echo y
