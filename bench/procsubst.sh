#!/usr/bin/env bash
# Process substitution benchmark (issue 6): one file read once and fanned out to two
# consumers through output substitutions,
#   tee >(wc -c > bytes) >(sha256sum > sum) < BIGFILE > /dev/null; wait
# run by weir and bash in one go, interleaved, and by weir under `trace` (every FIFO
# relayed and counted). `wait` waits for the last substitution (sha256sum, the slower
# consumer) in both shells. Every run's outputs are checked. Prints the median wall time
# and the ratios weir/bash. Goal: weir no slower than bash.
#
# Usage: bench/procsubst.sh [--runs N] [--size SIZE]
#   WEIR=path/to/weir   weir binary (default: .build/release/weir in the repo root)
#   --runs N            timed runs per shell (default 5), median shown
#   --size SIZE         size of the file, as head -c takes it (default 512M)
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs=5 size=512M
bench_options procsubst.sh "$@"

bench_setup procsubst.sh
head -c "$size" /dev/urandom > "$tmp/big"

python3 - "$tmp" "$runs" <<'PY'
import os, statistics, subprocess, sys, time
tmp, runs = sys.argv[1], int(sys.argv[2])
big = os.path.join(tmp, "big")
script = "tee >(wc -c > bytes) >(sha256sum > sum) < big > /dev/null; wait"
variants = [("weir", [os.path.join(tmp, "weir"), "-c", script]),
            ("bash", ["bash", "-c", script]),
            ("weir traced", [os.path.join(tmp, "weir"), "-c", "trace -o report.txt " + script])]
size = os.path.getsize(big)
want_sum = subprocess.run(["sha256sum"], stdin=open(big, "rb"), capture_output=True, check=True).stdout.split()[0]
def run(argv):
    for f in ("bytes", "sum"):
        p = os.path.join(tmp, f)
        if os.path.exists(p): os.unlink(p)
    t = time.perf_counter()
    subprocess.run(argv, cwd=tmp, check=True, stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    got_bytes = open(os.path.join(tmp, "bytes")).read().strip()
    got_sum = open(os.path.join(tmp, "sum")).read().split()[0].encode()
    if got_bytes != str(size) or got_sum != want_sum:
        sys.exit(f"procsubst.sh: {argv[0]} produced {got_bytes!r} {got_sum!r}")
    return wall
times = {name: [] for name, _ in variants}
for name, argv in variants: run(argv)          # check and warm the page cache
for r in range(runs):
    for name, argv in variants:
        times[name].append(run(argv))
med = {n: statistics.median(v) for n, v in times.items()}
print(f"\n{script}   ({size / 2**20:.0f} MiB, {runs} runs, median; outputs checked every run)\n")
print(f"{'shell':<12} {'wall s':>8} {'vs bash':>9}")
for name, _ in variants:
    print(f"{name:<12} {med[name]:>8.3f} {med[name] / med['bash']:>8.3f}x")
PY
