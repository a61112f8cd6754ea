#!/bin/bash
if [ "$x" = 1 ]
  echo one
fi
