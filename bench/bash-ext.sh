#!/usr/bin/env bash
# bash-extension benchmark (issue 7): weir and bash run the same three scripts in one
# go, interleaved, and a table shows median times and the ratio weir/bash.
#   array   build a 100,000-element array with a+=(…), then sum it
#   match   100,000 [[ $x == *.txt ]] tests
#   assoc   an associative-array word count over 100,000 words
# Each script prints a checksum; both shells must print the same before timing.
# Goal: weir no slower than bash.
#
# Usage: bench/bash-ext.sh [--runs N]
#   WEIR=path/to/weir   weir binary (default: .build/release/weir in the repo root)
#   --runs N            timed runs per shell and script (default 5), median shown
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs=5
bench_options bash-ext.sh "$@"

bench_setup bash-ext.sh

cat > "$tmp/array.sh" <<'SH'
a=()
for ((i = 0; i < 100000; i++)); do a+=($i); done
s=0
for x in "${a[@]}"; do s=$((s + x)); done
echo "$s ${#a[@]}"
SH
cat > "$tmp/match.sh" <<'SH'
n=0
for ((i = 0; i < 100000; i++)); do
  x=file$i.txt
  if (( i % 3 == 0 )); then x=file$i.log; fi
  [[ $x == *.txt ]] && n=$((n + 1))
done
echo $n
SH
cat > "$tmp/assoc.sh" <<'SH'
declare -A count
words=(alpha beta gamma delta epsilon zeta eta theta iota kappa)
for ((i = 0; i < 100000; i++)); do
  w=${words[i % 10]}$((i % 7))
  count[$w]=$(( ${count[$w]:-0} + 1 ))
done
echo "${#count[@]} ${count[alpha0]}"
SH

python3 - "$tmp" "$runs" <<'PY'
import os, statistics, subprocess, sys, time
tmp, runs = sys.argv[1], int(sys.argv[2])
shells = [("weir", os.path.join(tmp, "weir")), ("bash", "bash")]
work = {"array": "100,000 a+=(i), then sum", "match": "100,000 [[ $x == *.txt ]]", "assoc": "word count, 100,000 words, declare -A"}
print(f"{'script':<8} {'weir ms':>9} {'bash ms':>9} {'weir/bash':>10}   work")
for name, what in work.items():
    script = os.path.join(tmp, name + ".sh")
    outs = {s: subprocess.run([p, script], capture_output=True, check=True).stdout for s, p in shells}
    if outs["weir"] != outs["bash"]:
        sys.exit(f"bash-ext.sh: {name}: weir printed {outs['weir']!r}, bash {outs['bash']!r}")
    times = {s: [] for s, _ in shells}
    for _ in range(runs):
        for s, p in shells:
            t = time.perf_counter()
            subprocess.run([p, script], stdout=subprocess.DEVNULL, check=True)
            times[s].append(time.perf_counter() - t)
    w, b = statistics.median(times["weir"]) * 1000, statistics.median(times["bash"]) * 1000
    print(f"{name:<8} {w:>9.1f} {b:>9.1f} {w / b:>9.2f}x   {what}")
PY
