#!/bin/bash
cat <<EOF
Backslash dollar \$HOME stays
Backslash backtick \`cmd\`
Backslash newline \
continues here
Arithmetic $((1 + 2))
Param ${HOME:-none}
EOF
