#!/bin/bash
pass=0 fail=0 skip=0
declare -a failures=()
run_test() {
  local name=$1; shift
  local out rc
  out=$("$@" 2>&1); rc=$?
  case $rc in
    0) (( pass++ )); printf '\e[32mPASS\e[0m %s\n' "$name" ;;
    77) (( skip++ )); printf 'SKIP %s\n' "$name" ;;
    *) (( fail++ )); failures+=("$name")
       printf '\e[31mFAIL\e[0m %s (rc=%d)\n' "$name" "$rc"
       sed 's/^/    | /' <<<"$out" ;;
  esac
}
for t in tests/*.t; do
  [[ -x $t ]] || continue
  run_test "${t##*/}" timeout 30 "$t"
done
echo "----"
echo "pass=$pass fail=$fail skip=$skip"
if (( fail )); then
  printf '  - %s\n' "${failures[@]}"
  exit 1
fi
