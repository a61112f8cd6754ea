#!/bin/sh
:
: ${VAR:=default}
: "comment-like argument"
: > truncate.txt
true; false
while :; do break; done
