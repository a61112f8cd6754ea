#!/bin/sh
# pre-commit hook: reject trailing whitespace and large files
against=HEAD
if ! git rev-parse --verify HEAD >/dev/null 2>&1; then
	against=$(git hash-object -t tree /dev/null)
fi
exec 1>&2
max=$((5 * 1024 * 1024))
git diff --cached --name-only --diff-filter=AM -z "$against" |
while IFS= read -r -d '' file; do
	size=$(git cat-file -s ":$file" 2>/dev/null || echo 0)
	if [ "$size" -gt "$max" ]; then
		echo "error: $file is larger than $((max / 1024 / 1024))MB"
		exit 1
	fi
done || exit 1
if git diff --cached --check "$against" --; then
	:
else
	cat <<\EOF
Error: attempt to commit lines with trailing whitespace.
Fix them or use `git commit --no-verify`.
EOF
	exit 1
fi
