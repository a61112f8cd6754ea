#!/bin/sh
ls *.txt
ls file?.log
ls [abc]*.c
ls [!0-9]*
ls [[:alpha:]]*
rm -f /tmp/*.tmp
echo **/*.sh
echo .*
echo dir/*/file
