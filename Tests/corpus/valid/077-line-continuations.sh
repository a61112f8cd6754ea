#!/bin/bash
echo one \
  two \
  three
ls -l \
  /etc \
  | head
if [ -f x ] && \
   [ -f y ]; then echo both; fi
long_var="abc\
def"
ec\
ho split word
