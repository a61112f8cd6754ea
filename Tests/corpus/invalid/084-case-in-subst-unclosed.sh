#!/bin/bash
v=$(case $1 in a) echo a;; esac
echo "$v"
