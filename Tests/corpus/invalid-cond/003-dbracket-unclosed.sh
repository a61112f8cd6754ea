#!/bin/bash
if [[ -n $x ; then
  echo set
fi
