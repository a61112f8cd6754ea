#!/usr/bin/env bash
# Parse-only benchmark: `weir -n`, `bash -n` and `dash -n` on one generated
# 50,000-line shell script.
#
# The script is generated deterministically (fixed seed). It uses POSIX syntax
# plus a few simple [[ ]] tests that dash still parses as ordinary commands,
# so all three shells parse the very same file; that is checked before timing.
#
# Usage: bench/parse.sh [--runs N] [--lines N] [--baseline PATH] [--keep]
#   WEIR=path/to/weir   weir binary (default: .build/release/weir in the repo root)
#   --baseline PATH     another weir binary (an earlier build) timed in the same run
#   --runs N            timed runs per shell (default 10, plus 1 warm-up run)
#   --lines N           size of the generated script (default 50000)
#   --keep              keep the generated script and print its path
# Uses hyperfine when it is installed, else a python3 perf_counter loop.
set -euo pipefail

orig_pwd=$PWD
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

runs=10 lines=50000 keep=0 baseline=
while (( $# )); do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift ;;
    --lines) lines=${2:?--lines needs a number}; shift ;;
    --keep) keep=1 ;;
    --baseline) baseline=${2:?--baseline needs a weir binary}; shift ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "parse.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "parse.sh: --runs must be a positive integer" >&2; exit 2; }
[[ $lines =~ ^[1-9][0-9]*$ ]] || { echo "parse.sh: --lines must be a positive integer" >&2; exit 2; }

# A relative $WEIR path is taken relative to where you ran the script from.
# The default path is relative to the repo root.
if [[ -n ${WEIR:-} ]]; then
  case $WEIR in
    /*) weir=$WEIR ;;
    */*) weir=$orig_pwd/$WEIR ;;
    *) weir=$(command -v -- "$WEIR" || echo "$WEIR") ;;
  esac
else
  weir=$root/.build/release/weir
fi
cd "$root"

if [[ ! -x $weir ]]; then
  echo "parse.sh: weir binary not found or not executable: $weir" >&2
  echo "          build it with 'swift build -c release' or set WEIR=/path/to/weir" >&2
  exit 1
fi
for tool in bash dash python3; do
  command -v "$tool" >/dev/null || { echo "parse.sh: '$tool' is required but not installed" >&2; exit 1; }
done
bash_bin=$(command -v bash) dash_bin=$(command -v dash)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/weir-parse-bench.XXXXXX")
if (( keep )); then trap 'echo "kept: $tmp"' EXIT; else trap 'rm -rf "$tmp"' EXIT; fi
script=$tmp/generated.sh

# ---------------------------------------------------------------- generator
python3 - "$script" "$lines" <<'PY'
import random, sys

path, target = sys.argv[1], int(sys.argv[2])
rng = random.Random(20240601)

WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()
FILES = ["/etc/passwd", "/tmp/data.txt", "$HOME/.profile", "./build/out.log", "${SRC_DIR:-.}/main.c"]
CMDS = ["grep -v '^#'", "sort", "uniq -c", "sort -rn", "head -n 5", "tail -n +2",
        "cut -d: -f1", "tr 'a-z' 'A-Z'", "sed -e 's/[[:space:]]*$//'", "awk '{ print $1 }'", "wc -l"]

def w(): return rng.choice(WORDS)
def v(i): return "%s_%d" % (w(), i)
def pipeline(n=None):
    n = n or rng.randint(2, 4)
    return " | ".join([rng.choice(["cat " + rng.choice(FILES), "printf '%s\\n' " + w() + " " + w()])]
                      + [rng.choice(CMDS) for _ in range(n - 1)])
def param(name):
    return rng.choice(["${%s:-default}", "${%s-unset}", "${%s:=/var/lib/app}", "${%s:+set}",
                       "${%s#*/}", "${%s##*/}", "${%s%%.*}", "${%s%%%%.*}", "${#%s}",
                       "${%s:-\"$(date +%%s)\"}", "${%s:-${OTHER:-x}}", "\"${%s}\""]) % name

def b_function(i):
    f = "fn_%s_%d" % (w(), i)
    return f"""{f}() {{
	name=$1
	shift
	case $name in
		start|begin) echo "starting {f}" ;;
		stop) echo 'stopping'; return 1 ;;
		[0-9]*) count=$((count + $name)) ;;
		*.txt|*.log) {pipeline()} >"$name.out" 2>&1 ;;
		*) printf '%s: unknown %s\\n' "{f}" "$name" >&2 ;;
	esac
	for arg in "$@"; do
		[ -n "$arg" ] && echo "arg: $arg"
	done
	return 0
}}
{f} start {w()} "{w()} {w()}"
"""

def b_if(i):
    x = v(i)
    return f"""{x}={param('HOME')}
if [ -z "${x}" ]; then
	echo "{x} is empty"
elif [ "${x}" = "{w()}" ] || [ ${{#{x}}} -gt 10 ]; then
	echo "matched: ${x}"
elif [[ -n "${x}" && "${x}" != "{w()}" ]]; then
	: "${{{x}:?must be set}}"
else
	{x}=$(echo "${x}" | tr 'a-z' 'A-Z')
fi
"""

def b_for(i):
    x = v(i)
    items = " ".join(w() for _ in range(rng.randint(2, 6)))
    return f"""total_{i}=0
for {x} in {items} "$@"; do
	case ${x} in
		{w()}) continue ;;
		{w()}) break ;;
	esac
	total_{i}=$((total_{i} + ${{#{x}}} * 2 - 1))
	echo "${x}" | {rng.choice(CMDS)} >/dev/null
done
echo "total: $total_{i}"
"""

def b_while(i):
    return f"""n_{i}=0
while IFS=: read -r user pass uid gid rest; do
	n_{i}=$((n_{i} + 1))
	[ "$uid" -ge 1000 ] 2>/dev/null || continue
	printf '%-10s %5s %s\\n' "$user" "$uid" "${{rest##*:}}"
done <<EOF_{i}
root:x:0:0:root:/root:/bin/sh
{w()}:x:{1000 + i % 500}:100:{w()} user:/home/{w()}:/bin/sh
$(echo generated-{i}):x:1001:100::/nonexistent:/usr/sbin/nologin
EOF_{i}
until [ "$n_{i}" -le 0 ]; do n_{i}=$((n_{i} - 1)); done
"""

def b_params(i):
    p = "path_%d" % i
    return f"""{p}="/usr/local/{w()}/{w()}.tar.gz"
base=${{{p}##*/}}
dir=${{{p}%/*}}
ext=${{{p}#*.}}
stem=${{base%%.*}}
echo "$base" "$dir" "$ext" "$stem" "${{#{p}}}"
: "${{CONFIG_{i}:=/etc/{w()}.conf}}" "${{UNSET_{i}-fallback}}" "${{{p}:+has-path}}"
echo "{param(p)}" '{w()} $not_expanded' "quote \\"inside\\" \\$dollar \\`tick\\`"
"""

def b_arith(i):
    a, b = rng.randint(1, 99), rng.randint(1, 99)
    return f"""a_{i}={a} b_{i}={b}
r_{i}=$(( (a_{i} + b_{i}) * 3 / (b_{i} % 7 + 1) - (a_{i} << 2) ))
r_{i}=$(( r_{i} > 100 ? r_{i} - 100 : r_{i} + 100 ))
r_{i}=$(( (r_{i} & 0xff) | (a_{i} ^ b_{i}) ))
[ $(( a_{i} >= b_{i} && b_{i} != 0 )) -eq 1 ] && echo "$((a_{i} / b_{i}))"
r_{i}=$((r_{i} + 010 - 0x1F))
"""

def b_subst(i):
    return f"""now_{i}=$(date +%s)
lines_{i}=$(wc -l < {rng.choice(FILES)} 2>/dev/null || echo 0)
nested_{i}="$(echo "outer $(echo "inner $(echo {w()})")")"
old_{i}=`echo {w()} | tr a-z A-Z`
msg_{i}=$(printf '%s-%s' "{w()}" "$(basename "$0")")
result_{i}=$(case $msg_{i} in *-*) echo dash ;; *) echo none ;; esac)
"""

def b_pipes(i):
    return f"""{pipeline()} > /tmp/out_{i}.txt
{pipeline()} 2>/dev/null | {rng.choice(CMDS)} || echo "pipeline {i} failed" >&2
{{ echo header; {pipeline(2)}; }} >> /tmp/combined_{i}.log
( cd /tmp && ls -1 | {rng.choice(CMDS)} ) &
test -d /tmp/dir_{i} || mkdir -p /tmp/dir_{i} && echo created
! grep -q {w()} {rng.choice(FILES)} && echo "not found"
wait
"""

def b_heredoc(i):
    return f"""cat <<'RAW_{i}' | sed 's/^/  /'
literal $HOME and `date` and $(whoami) stay as written
  indented line {i}
RAW_{i}
if [ -t 1 ]; then
	cat <<-TABBED
	Report {i} for $USER on $(hostname 2>/dev/null)
		value: ${{HOME:-none}} $((i_{i} + 1))
	TABBED
fi
"""

def b_case(i):
    return f"""case "${{1:-}}" in
	-h|--help)
		echo "usage: $0 [-v] [-o file]"
		;;
	-v|--verbose) verbose_{i}=1 ;;
	-o) output_{i}=${{2:?missing output}}; shift ;;
	--{w()}=*) value_{i}=${{1#*=}} ;;
	[!-]*) echo "positional: $1" ;;
	'') : ;;
	*) echo "unknown option: $1" >&2 ;;
esac
"""

def b_quoting(i):
    return f"""echo 'single quoted {w()} $x' "double $HOME" \\$escaped it\\'s
printf '%s\\n' "tab:	end" 'back\\slash' "a 'b' c" 'a "b" c'
var_{i}="multi
line value {i}"
set -- "$var_{i}" '{w()}' {w()}\\ {w()}
export VAR_{i}="${{var_{i}}}" LANG=C
"""

BLOCKS = [b_function, b_if, b_for, b_while, b_params, b_arith, b_subst, b_pipes,
          b_heredoc, b_case, b_quoting]

out = ["#!/bin/sh", "# generated by bench/parse.sh -- do not edit", "set -u", "count=0"]
i = 0
while True:
    i += 1
    block = rng.choice(BLOCKS)(i).rstrip("\n").split("\n") + [""]
    if len(out) + len(block) > target:
        break
    out += block
while len(out) < target:
    out.append(": filler %d" % len(out) if len(out) % 2 else "")
with open(path, "w") as f:
    f.write("\n".join(out[:target]) + "\n")
PY

nlines=$(wc -l < "$script")
echo "generated $script: $nlines lines, $(wc -c < "$script") bytes"

# ---------------------------------------------------------------- sanity
check_accepts() { # name binary
  local err rc=0
  err=$("$2" -n "$script" 2>&1) || rc=$?
  if (( rc != 0 )) || [[ -n $err ]]; then
    echo "parse.sh: '$2 -n' did not cleanly accept the generated script (exit $rc)" >&2
    [[ -n $err ]] && printf '%s\n' "$err" | head -5 >&2
    echo "          (the script was kept: $script)" >&2
    trap - EXIT
    exit 1
  fi
}
check_accepts bash "$bash_bin"
check_accepts dash "$dash_bin"
check_accepts weir "$weir"
# bash -n exits 0 after some [[ ]] errors and then stops reading. Check that it
# read the whole file: with a stray `)` appended, it must fail.
{ cat "$script"; echo ')'; } > "$tmp/poisoned.sh"
if "$bash_bin" -n "$tmp/poisoned.sh" 2>/dev/null; then
  echo "parse.sh: bash did not parse the whole generated script" >&2; exit 1
fi

# ---------------------------------------------------------------- timing
names=(weir bash dash)
cmds=("$weir" "$bash_bin" "$dash_bin")
if [[ -n $baseline ]]; then
  [[ $baseline == /* ]] || baseline=$orig_pwd/$baseline
  check_accepts base "$baseline"
  names+=(base)
  cmds+=("$baseline")
fi
results=$tmp/results.tsv   # name <tab> median_ms <tab> min_ms

if command -v hyperfine >/dev/null; then
  echo "timing with hyperfine ($runs runs each, 1 warm-up)"
  hf_args=()
  for k in "${!names[@]}"; do
    hf_args+=(--command-name "${names[k]}" "$(printf '%q -n %q' "${cmds[k]}" "$script")")
  done
  hyperfine -N --warmup 1 --runs "$runs" --style none \
    --export-json "$tmp/hf.json" "${hf_args[@]}" >/dev/null
  python3 - "$tmp/hf.json" "${names[@]}" > "$results" <<'PY'
import json, sys
# results come back in the order the commands were given
for name, r in zip(sys.argv[2:], json.load(open(sys.argv[1]))["results"]):
    print("%s\t%.3f\t%.3f" % (name, r["median"] * 1000, r["min"] * 1000))
PY
else
  echo "timing with python3 perf_counter ($runs runs each, 1 warm-up; hyperfine not installed)"
  python3 - "$runs" "$script" "${names[@]}" -- "${cmds[@]}" > "$results" <<'PY'
import statistics, subprocess, sys, time
runs, script = int(sys.argv[1]), sys.argv[2]
rest = sys.argv[3:]
sep = rest.index("--")
names, cmds = rest[:sep], rest[sep + 1:]
for name, cmd in zip(names, cmds):
    argv = [cmd, "-n", script]
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - t0) * 1000)
        if p.returncode != 0:
            sys.exit("%s exited %d" % (name, p.returncode))
    print("%s\t%.3f\t%.3f" % (name, statistics.median(times), min(times)))
PY
fi

# ---------------------------------------------------------------- report
echo
echo "parse $nlines lines, $runs runs each   (weir = $weir)"
awk -F'\t' '
  { name[NR] = $1; med[$1] = $2; mn[$1] = $3 }
  END {
    printf "%-6s %12s %12s\n", "shell", "median ms", "min ms"
    printf "%-6s %12s %12s\n", "-----", "---------", "------"
    for (i = 1; i <= NR; i++) printf "%-6s %12.2f %12.2f\n", name[i], med[name[i]], mn[name[i]]
    print ""
    printf "weir/bash: %.2fx (median)  %.2fx (min)\n", med["weir"] / med["bash"], mn["weir"] / mn["bash"]
    printf "weir/dash: %.2fx (median)  %.2fx (min)\n", med["weir"] / med["dash"], mn["weir"] / mn["dash"]
    if ("base" in med) printf "weir/base: %.2fx (median)  %.2fx (min)\n", med["weir"] / med["base"], mn["weir"] / mn["base"]
  }' "$results"
