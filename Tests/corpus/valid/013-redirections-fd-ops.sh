#!/bin/bash
exec 4<&0
exec 0<file.txt
read line
exec 0<&4 4<&-
exec 5>&1
exec 1>log.txt
echo logged
exec 1>&5 5>&-
exec 6<&0-
exec 7>&1-
cmd 3>&2-
exec {fd}>/tmp/fdfile
echo hi >&$fd
exec {fd}>&-
exec {rfd}<input.txt
