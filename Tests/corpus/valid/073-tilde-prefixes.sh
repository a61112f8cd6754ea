#!/bin/bash
cd ~
ls ~/Documents
echo ~root
echo ~+ ~- ~+/x
PATH=~/bin:$PATH
x=~/foo:~/bar
echo "~not/expanded"
echo a~b
