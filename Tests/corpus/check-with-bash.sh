#!/usr/bin/env bash
# Verify the parse corpus against bash (the oracle).
#
#   valid/          bash -n exits 0, prints nothing, and really parsed the whole
#                   file (see "poison tail" below)
#   invalid/        bash -n exits non-zero
#   valid-extglob/  bash -O extglob -n accepts it like a valid/ file
#                   (plain bash -n rejects these: -n never runs `shopt -s extglob`)
#   invalid-cond/   [[ ]] syntax errors: bash -n prints an error (or nothing),
#                   stops parsing, but exits 0. Verified with the poison tail.
#
# Poison tail: we append a line holding a lone `)` and run bash -n again.
# If bash parsed the whole file, it must reject the `)` (exit 2). If bash
# silently gave up earlier (as it does after a [[ ]] error), it exits 0.
#
# Usage: check-with-bash.sh [-v] [--dash]
#   -v      print every file's result
#   --dash  also report (informational only) which files dash -n accepts
set -u
cd "$(dirname "${BASH_SOURCE[0]}")" || exit 2

BASH_BIN=${BASH_BIN:-bash}
DASH_BIN=${DASH_BIN:-dash}
verbose=0 with_dash=0
for arg; do
  case $arg in
    -v) verbose=1 ;;
    --dash) with_dash=1 ;;
    -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
poisoned=$tmp/poisoned.sh

passed=0 failed=0
declare -a failures=()

# parses_fully OPTS... FILE : whole file parsed (poison tail rejected)
parses_fully() {
  local file=${!#}
  { cat "$file"; printf '\n)\n'; } > "$poisoned"
  ! "$BASH_BIN" "${@:1:$#-1}" -n "$poisoned" 2>/dev/null
}

record() { # record OK|FAIL FILE REASON
  if [[ $1 == OK ]]; then
    (( passed++ ))
    (( verbose )) && printf 'ok    %s\n' "$2"
  else
    (( failed++ ))
    failures+=("$2: $3")
    printf 'FAIL  %s: %s\n' "$2" "$3"
  fi
  return 0
}

check_accept() { # check_accept FILE [bash opts...]
  local f=$1; shift
  local err rc
  err=$("$BASH_BIN" "$@" -n "$f" 2>&1 >/dev/null); rc=$?
  if (( rc != 0 )); then
    record FAIL "$f" "bash -n exited $rc: ${err%%$'\n'*}"
  elif [[ -n $err ]]; then
    record FAIL "$f" "bash -n printed: ${err%%$'\n'*}"
  elif ! parses_fully "$@" "$f"; then
    record FAIL "$f" "bash -n stopped parsing early (silent [[ ]] error?)"
  else
    record OK "$f"
  fi
}

check_reject() { # check_reject FILE
  local f=$1 rc
  "$BASH_BIN" -n "$f" >/dev/null 2>&1; rc=$?
  if (( rc == 0 )); then
    record FAIL "$f" "bash -n accepted it"
  else
    record OK "$f"
  fi
}

check_cond() { # check_cond FILE: bash -n exits 0 but gives up parsing
  local f=$1 rc
  "$BASH_BIN" -n "$f" >/dev/null 2>&1; rc=$?
  if (( rc != 0 )); then
    record FAIL "$f" "bash -n exited $rc (belongs in invalid/)"
  elif parses_fully "$f"; then
    record FAIL "$f" "bash -n parsed the whole file: no [[ ]] error"
  else
    record OK "$f"
  fi
}

shopt -s nullglob
for f in valid/*.sh; do check_accept "$f"; done
for f in valid-extglob/*.sh; do
  check_accept "$f" -O extglob
  if "$BASH_BIN" -n "$f" >/dev/null 2>&1 && parses_fully "$f"; then
    record FAIL "$f" "plain bash -n accepts it (move it to valid/)"
  fi
done
for f in invalid/*.sh; do check_reject "$f"; done
for f in invalid-cond/*.sh; do check_cond "$f"; done

if (( with_dash )); then
  if ! command -v "$DASH_BIN" >/dev/null; then
    echo "dash not found" >&2
  else
    dash_accepts() { "$DASH_BIN" -n "$1" >/dev/null 2>&1; }
    echo
    echo "== dash -n on valid/ (informational)"
    n=0 rejected=()
    for f in valid/*.sh; do
      (( n++ ))
      dash_accepts "$f" || rejected+=("${f#valid/}")
    done
    echo "dash accepts $(( n - ${#rejected[@]} )) of $n valid files"
    for dir in invalid invalid-cond; do
      acc=() rej=()
      for f in "$dir"/*.sh; do
        if dash_accepts "$f"; then acc+=("${f#$dir/}"); else rej+=("${f#$dir/}"); fi
      done
      echo
      echo "== dash -n on $dir/: rejects ${#rej[@]}, accepts ${#acc[@]}"
      echo "dash also rejects:"
      printf '  %s\n' "${rej[@]}"
      echo "dash accepts:"
      (( ${#acc[@]} )) && printf '  %s\n' "${acc[@]}"
    done
  fi
fi

echo
echo "$passed passed, $failed failed"
(( failed == 0 ))
