#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for N executions.
#
#   fuzz/run.sh [-n RUNS] [--asan] [--no-build] [--restarts K] [--timeout S] [TARGET...]
#
# TARGET: parser expand arith pattern glob printf read (all when none is given).
# -n RUNS      executions per target (default 1000000)
# --asan       build and run with AddressSanitizer too (slower; own scratch path)
# --no-build   use the binaries already built
# --restarts K after a crash, go on (from the same corpus) at most K times (default 5)
# --timeout S  libFuzzer's -timeout per input, in seconds (default 10)
#
# Where things go (all outside the repository):
#   /work/fuzz-build[-asan]        the build (swift build --scratch-path)
#   /work/fuzz-work/corpus/T       the working corpus of target T (grows; not committed)
#   /work/fuzz-work/seeds-conformance/T  seeds from the conformance files (not committed)
#   /work/fuzz-work/logs/T.log     libFuzzer's output
#   /work/fuzz-artifacts/T/        crash-*, timeout-*, oom-* reproducers
# The seed corpus kept in the repository is fuzz/corpus/T (from Tests/; see seed.py).
# Everything runs under `nice -n 10`; the build uses one job and waits while another
# `swift build` runs on the machine.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=1000000
asan=0
build=1
restarts=5
timeout=10
targets=()
while [ $# -gt 0 ]; do
    case $1 in
        -n) runs=$2; shift 2 ;;
        --asan) asan=1; shift ;;
        --no-build) build=0; shift ;;
        --restarts) restarts=$2; shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -eq 0 ] && targets=(parser expand arith pattern glob printf read)

work=/work/fuzz-work
artifacts=/work/fuzz-artifacts
scratch=/work/fuzz-build
flags=(-Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library)
if [ $asan = 1 ]; then
    scratch=/work/fuzz-build-asan
    flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
fi

module() {
    case $1 in
        parser) echo FuzzParser ;; expand) echo FuzzExpand ;; arith) echo FuzzArith ;;
        pattern) echo FuzzPattern ;; glob) echo FuzzGlob ;; printf) echo FuzzPrintf ;;
        read) echo FuzzRead ;; *) echo "run.sh: no target $1" >&2; exit 2 ;;
    esac
}
max_len() {
    case $1 in
        parser) echo 4096 ;; expand) echo 1024 ;; glob) echo 256 ;; *) echo 512 ;;
    esac
}
dict() {
    case $1 in
        parser|expand) echo "$here/dict/shell.dict" ;; arith) echo "$here/dict/arith.dict" ;;
        pattern|glob) echo "$here/dict/pattern.dict" ;; printf) echo "$here/dict/printf.dict" ;;
        *) echo "" ;;
    esac
}

# Another build (the project's, in the repository) running? Wait for it: two cores.
wait_for_builds() {
    while pgrep -f 'swift-build' >/dev/null; do
        echo "run.sh: a swift build is running; waiting" >&2
        sleep 20
    done
}

if [ $build = 1 ]; then
    wait_for_builds
    echo "== building in $scratch" >&2
    (cd "$here" && nice -n 10 swift build -c release --scratch-path "$scratch" -j 1 "${flags[@]}") || exit 1
fi
bin=$scratch/release

# Seeds from the conformance files: extracted here, never copied into the repository.
conformance=/work/shared/conformance/oils-spec/spec
if [ -d "$conformance" ] && [ ! -d "$work/seeds-conformance" ]; then
    python3 "$here/seed.py" --out "$work/seeds-conformance" --limit 1500 "$conformance" >&2
fi

# Swift's own backtracer would take SIGILL (a trap) first and die, and libFuzzer would then
# write no reproducer: leave the signal to libFuzzer.
export SWIFT_BACKTRACE=enable=no

summary=()
total_crashes=0
for t in "${targets[@]}"; do
    m=$(module "$t") || exit 2
    mkdir -p "$work/corpus/$t" "$work/logs" "$artifacts/$t"
    log=$work/logs/$t.log
    : > "$log"
    corpora=("$work/corpus/$t" "$here/corpus/$t")
    [ -d "$work/seeds-conformance/$t" ] && corpora+=("$work/seeds-conformance/$t")
    d=$(dict "$t")
    extra=()
    [ -n "$d" ] && extra+=(-dict="$d")
    done_runs=0
    crashes=0
    attempt=0
    signatures=""
    while [ $done_runs -lt $runs ]; do
        left=$((runs - done_runs))
        echo "== $t: $left runs (attempt $attempt)" >&2
        part=$work/logs/$t.part
        # Crash artifacts land in $artifacts/$t; -timeout is per input (seconds).
        nice -n 10 "$bin/$m" -runs=$left -max_len="$(max_len "$t")" -timeout="$timeout" -rss_limit_mb=2048 \
            -artifact_prefix="$artifacts/$t/" -print_final_stats=1 "${extra[@]}" "${corpora[@]}" \
            > "$part" 2>&1
        status=$?
        cat "$part" >> "$log"
        # Executions: the final stats line, else the last progress line.
        n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$part" | tail -1)
        [ -z "$n" ] && n=$(grep -o '^#[0-9]*' "$part" | tail -1 | tr -d '#')
        [ -z "$n" ] && n=0
        done_runs=$((done_runs + n))
        if [ $status -eq 0 ]; then
            break
        fi
        crashes=$((crashes + 1))
        artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$part" | tail -1)
        kind=$(grep -m1 -o 'ERROR: libFuzzer: [a-z -]*\|weir-fuzz invariant failed: [^\n]*\|Fatal error: [^\n]*' "$part" | head -1)
        frame=$(grep -m1 -E '#[0-9]+ .* in .*(Weir|weir)' "$part" | sed 's/.* in //' | cut -c1-160)
        echo "   crash: ${kind:-exit $status} at ${frame:-?} -> ${artifact:-no artifact}" >&2
        signatures+="    ${kind:-exit $status} | ${frame:-?} | ${artifact:-}"$'\n'
        attempt=$((attempt + 1))
        if [ $attempt -gt "$restarts" ]; then
            echo "   $t: stopping after $attempt crashes" >&2
            break
        fi
        # An input that made no progress at all would loop: stop.
        [ "$n" -eq 0 ] && break
    done
    total_crashes=$((total_crashes + crashes))
    summary+=("$(printf '%-8s %10d executions %3d crashes' "$t" "$done_runs" "$crashes")")
    [ -n "$signatures" ] && summary+=("${signatures%$'\n'}")
done

echo
echo "== summary (artifacts in $artifacts, logs in $work/logs)"
printf '%s\n' "${summary[@]}"
[ $total_crashes -eq 0 ]
