#!/bin/sh
echo 'hello world'
echo 'it'\''s'
echo 'no $expansion `here` \n'
echo ''
echo 'multi
line
string'
echo 'a'"b"'c'
