#!/bin/sh
cat <<EOF
Hello $USER
Your home is $HOME
Today is $(date)
EOF
cat << 'END'
No $expansion here
Literal `backticks` too
END
