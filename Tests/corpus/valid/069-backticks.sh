#!/bin/sh
now=`date`
count=`ls | wc -l`
nested=`echo \`echo inner\``
quoted="`echo "in quotes"`"
esc=`echo \$HOME`
bs=`echo a\\\\b`
echo `echo one` `echo two`
x=`echo 'single ) quote'`
