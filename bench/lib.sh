# Shared by bench/trace.sh, bench/procsubst.sh and bench/bash-ext.sh (sourced).
#
# bench_setup NAME: finds weir ($WEIR, else .build/release/weir in the repo root) and
# makes a scratch directory $tmp, removed at exit, holding a copy of it as $tmp/weir (so a
# rebuild during the run does not change the binary being measured). Sets $weir, $tmp.
bench_setup() {
  local name=$1 root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  weir=${WEIR:-$root/.build/release/weir}
  [[ -x $weir ]] || { echo "$name: no weir at $weir (swift build -c release)" >&2; exit 2; }
  tmp=$(mktemp -d "/tmp/weir-${name%.sh}-bench.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  cp "$weir" "$tmp/weir"
}

# bench_options NAME ARGS…: the options the scripts share. --runs N sets $runs;
# --size SIZE sets $size, for a script that set a default $size first; -h prints the
# script's header comment.
bench_options() {
  local name=$1
  shift
  while (( $# )); do
    case $1 in
      --runs) runs=${2:?--runs needs a number}; shift ;;
      --size)
        [[ -n ${size+set} ]] || { echo "$name: unknown argument: $1" >&2; exit 2; }
        size=${2:?--size needs a size}; shift ;;
      -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
      *) echo "$name: unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
  done
}
