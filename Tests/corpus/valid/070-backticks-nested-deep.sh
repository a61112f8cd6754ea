#!/bin/bash
a=`echo \`echo \\\`echo deepest\\\`\``
b="`echo \"escaped dq\"`"
c=`echo $(echo mixed)`
d=$(echo `echo mixed2`)
e=`case x in x) echo caseinbt;; esac`
