#!/bin/bash
cat <<EOF; echo after heredoc
body
EOF
cat <<EOF | tr a-z A-Z; echo done
lower
EOF
if cat <<EOF; then echo ok; fi
cond body
EOF
