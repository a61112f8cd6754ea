#!/bin/bash
text=$(cat <<EOF
line one
line two with $HOME
EOF
)
echo "$text"
other=$(cat <<'X'
raw $stuff
X
)
