#!/bin/bash
echo $'tab\there'
echo $'newline\nhere'
echo $'single \' quote'
echo $'backslash \\ and \a \b \e \E \f \r \v'
echo $'octal \101 hex \x41 unicode \u00e9 \U0001F600'
echo $'control \cA'
IFS=$' \t\n'
echo $'double " quote'
