#!/bin/bash
cat <<EOF && echo after
body
EOF
grep -q x <<EOF || echo "no x"
abc
EOF
func() {
  cat <<-EOF
	in function
	EOF
}
