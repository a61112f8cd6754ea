#!/bin/bash
exec 3>&-
exec 4<&-
exec 2>&-
exec >&-
exec <&-
cmd 3>&1- 
cmd 4<&0-
exec {logfd}>>app.log
echo msg >&"$logfd"
exec {logfd}>&-
exec {in}<&0
