#!/bin/bash
cat <<"EOF"
double quoted delim $x
EOF
cat <<\EOF
backslash delim $x
EOF
cat <<E"O"F
partial quote $x
EOF
cat <<'E O F'
space in delim
E O F
