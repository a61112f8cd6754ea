#!/bin/sh
export PATH="/usr/local/bin:$PATH"
export EDITOR=vim VISUAL=vim
export -n OLD
readonly LIMIT=10
unset -v tmp
unset -f myfunc
export LANG LC_ALL
