#!/bin/sh
awk -F: '$3 >= 1000 { print $1 }' /etc/passwd
sed -e 's/foo/bar/g' -e "s|$OLD|$NEW|" file
awk 'BEGIN { x = "'"$VAR"'" } { print x, $0 }' input
sed -n '/^start$/,/^end$/{ /^#/d; p; }' file
perl -pe 's/(\w+)/\u$1/g' file
