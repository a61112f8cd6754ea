#!/bin/bash
IFS=: read -r user pass uid gid rest < /etc/passwd
FOO=bar BAZ=qux command env
x=1 y=2
local_var=value export local_var
VAR=value eval 'echo $VAR'
a=1; b=2; c=3
