#!/bin/sh
exec 3>out3 4>out4
echo to3 1>&3
echo to4 >&4
exec 3>&- 4>&-
cat 0</etc/hostname
cat 9<> rw.txt
echo x 10>/dev/null
