#!/bin/sh
(
  cd /tmp
  ls -l
