#!/bin/sh
files=`ls -1
echo "$files"
