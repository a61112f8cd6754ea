#!/bin/bash
out=$(cat <<EOF
$(cat <<INNER
inner text
INNER
)
EOF
)
echo "$out"
