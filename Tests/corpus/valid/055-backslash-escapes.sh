#!/bin/sh
echo hello\ world
echo \$HOME
echo \"quoted\"
echo a\\b
echo \'single\'
echo \*
echo \; \& \| \< \> \( \)
echo tab\	char
