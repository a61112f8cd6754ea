#!/bin/bash
case $1 in
  help)
    cat <<EOF
Usage: $0 [command]
  help    show this
EOF
    ;;
  version) cat <<'V'
1.0
V
  ;;
esac
