#!/bin/bash
cat <<EOF
EOF is not the end when indented:
  EOF
nor with trailing text: EOF
EOFX
$(echo "command substitution ) with paren")
'unbalanced single quote
"unbalanced double
EOF
echo after
