#!/usr/bin/env bash
# Writes Sources/weir/startup-order.txt: the functions weir runs, and the writable data it
# touches, as it starts and runs a small everyday script, one symbol per line, for the
# linker's --symbol-ordering-file.
#
# Why: start-up touches a few hundred functions spread over a 20 MB binary, and every
# 4 KiB page touched is a page fault and resident memory (the kernel maps up to 64 KiB
# around each fault). Laid out side by side, they fill a few pages instead: fewer
# faults at start-up and a smaller peak RSS for `weir -c :` (bench/exec.sh, the memory
# rows). The engine is compiled with -function-sections so that each function can be
# placed; a list that has gone stale only places fewer of them.
#
# Needs valgrind (callgrind lists every function executed, lackey every memory access).
# Run it on a release build:
#   swift build -c release && bench/startup-order.sh && swift build -c release
# Usage: bench/startup-order.sh [WEIR]   (default .build/release/weir)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
weir=${1:-$root/.build/release/weir}
command -v valgrind >/dev/null || { echo "startup-order.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
[[ -x $weir ]] || { echo "startup-order.sh: no weir at $weir" >&2; exit 2; }
tmp=$(mktemp -d /tmp/weir-order.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# valgrind gives up on the debug information of a Swift static binary: read a copy
# without it (the symbol table stays).
cp -- "$weir" "$tmp/weir" && strip -g "$tmp/weir"
cat > "$tmp/everyday.sh" <<'SH'
f() { local x=${1%.*}; echo "$x"; }
i=0
while [ "$i" -lt 3 ]; do i=$((i + 1)); f "file$i.txt"; done
case $i in 3) v=$(echo three) ;; *) v=other ;; esac
echo "$v" | cat > /dev/null
for w in a b c; do printf '%s\n' "$w"; done > /dev/null
[ -n "$HOME" ] && test -d / && x=${HOME:-none}
sleep 0
:
SH
# What `weir -c true` and `weir -c :` run, then what the script adds: the functions each
# calls (callgrind) and the memory each touches (lackey). startup-order.py puts them in
# order and leaves the standard library's big sections for last.
run() {
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$tmp/cg.$1" "${@:2}" \
    >/dev/null 2>"$tmp/valgrind.$1" || { cat "$tmp/valgrind.$1" >&2; exit 1; }
  valgrind --tool=lackey --trace-mem=yes --log-file="$tmp/mem.$1" "${@:2}" \
    >/dev/null 2>&1 || { echo "startup-order.sh: lackey failed on $*" >&2; exit 1; }
}
run true "$tmp/weir" -c true
run start "$tmp/weir" -c :
run script "$tmp/weir" "$tmp/everyday.sh"
stdlib=$(swiftc -print-target-info | python3 -c 'import json, sys; print(json.load(sys.stdin)["paths"]["runtimeResourcePath"])')
stdlib=${stdlib%/swift}/swift_static/linux/libswiftCore.a
[[ -f $stdlib ]] || { echo "startup-order.sh: no $stdlib (a static Swift standard library)" >&2; exit 2; }
python3 "$here/startup-order.py" "$tmp/weir" "$stdlib" \
  --calls "$tmp"/cg.true "$tmp"/cg.start "$tmp"/cg.script \
  --memory "$tmp"/mem.true "$tmp"/mem.start "$tmp"/mem.script > "$root/Sources/weir/startup-order.txt"
echo "startup-order.sh: $(wc -l < "$root/Sources/weir/startup-order.txt") symbols in Sources/weir/startup-order.txt"
