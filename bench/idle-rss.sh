#!/usr/bin/env bash
# Memory and start-up of idle interactive shells, weir against bash (and dash, which
# cannot load bash_completion, plain only), in one run. Each shell runs on a
# pseudo-terminal, so it does its interactive setup (readline, history, job control).
#
# For each shell and each set-up ("plain": no startup file; "completion": a startup file
# that sources Debian's /usr/share/bash-completion/bash_completion), ten shells are
# started at once and left at the prompt. Reported:
#   prompt ms  median time from fork to the first prompt (the startup file included)
#   Pss        mean proportional set size per shell (/proc/PID/smaps_rollup): shared
#              pages count once across the ten, as the machine pays for them
#   Private    mean private (clean + dirty) memory per shell
#   VmHWM      mean peak resident set
# Usage: bench/idle-rss.sh [--shells N] [--setups plain,completion] [--base PATH] [--tsv]
#   WEIR=path/to/weir   weir binary (default: .build/release/weir in the repo root)
#   --shells N          shells of each kind at once (default 10)
#   --setups LIST       which set-ups to measure (default: plain,completion)
#   --base PATH         also an earlier weir build, shown as "base" (measured like weir)
#   --tsv               machine-readable output, for bench/exec.sh: a header line, then
#                       one tab-separated line per shell and set-up (shell, set-up,
#                       prompt_ms, pss_kib, private_kib, vmhwm_kib); no ratios
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
weir=${WEIR:-$here/../.build/release/weir}
count=10 setups=plain,completion tsv=0 base=''
while (( $# )); do
  case $1 in
    --shells) count=${2:?--shells needs a number}; shift ;;
    --setups) setups=${2:?--setups needs plain, completion or both}; shift ;;
    --base) base=${2:?--base needs a weir binary}; shift ;;
    --tsv) tsv=1 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "idle-rss.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ -x $weir ]] || { echo "idle-rss.sh: no weir binary at $weir (swift build -c release)" >&2; exit 1; }
[[ -z $base || -x $base ]] || { echo "idle-rss.sh: baseline weir not executable: $base" >&2; exit 1; }
[[ $count =~ ^[1-9][0-9]*$ ]] || { echo "idle-rss.sh: --shells must be a positive integer" >&2; exit 2; }
[[ ,plain,completion, == *,"$setups",* || $setups == completion,plain ]] ||
  { echo "idle-rss.sh: --setups must be plain, completion or plain,completion" >&2; exit 2; }
python3 - "$weir" "$count" "$setups" "$base" "$tsv" <<'PY'
import os, pty, sys, time, select, tempfile, shutil, statistics

weir, count, setups, base, tsv = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(","), sys.argv[4], sys.argv[5] == "1"
completion = "/usr/share/bash-completion/bash_completion"
PROMPT = b"READY$ "

def start(argv, home):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TERM": "xterm",
           "PS1": PROMPT.decode(), "HISTFILE": home + "/hist", "LANG": "C.UTF-8"}
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    return pid, fd, t0

def wait_prompt(fd, t0):
    out = b""
    deadline = time.monotonic() + 20
    while PROMPT not in out and time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
    if PROMPT not in out:
        raise SystemExit(f"no prompt; output: {out[-400:]!r}")
    return (time.monotonic() - t0) * 1000

def rollup(pid):
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            k, _, v = line.partition(":")
            if v.strip().endswith("kB"):
                fields[k] = int(v.split()[0])
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                fields["VmHWM"] = int(line.split()[1])
    return fields

def measure(argv, rc_text):
    homes, shells, times = [], [], []
    for _ in range(count):
        home = tempfile.mkdtemp(prefix="weir-rss-")
        homes.append(home)
        rc = os.path.join(home, "rc")
        with open(rc, "w") as f:
            f.write(rc_text)
        a = [x.replace("{rc}", rc) for x in argv]
        shells.append(start(a, home))
    # The ten start at once; each one's prompt is timed from its own fork.
    for pid, fd, t0 in shells:
        times.append(wait_prompt(fd, t0))
    time.sleep(0.5)  # settled at the prompt
    stats = [rollup(pid) for pid, _, _ in shells]
    for pid, fd, _ in shells:
        try:
            os.write(fd, b"exit\n")
        except OSError:
            pass
    time.sleep(0.3)
    for pid, fd, _ in shells:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    for h in homes:
        shutil.rmtree(h, ignore_errors=True)
    mean = lambda k: statistics.mean(s.get(k, 0) for s in stats)
    private = statistics.mean(s.get("Private_Clean", 0) + s.get("Private_Dirty", 0) for s in stats)
    return statistics.median(times), mean("Pss"), private, mean("VmHWM")

# The prompt is set again in the startup file: Debian's bash reads /etc/bash.bashrc
# even with --rcfile.
plain_rc = f"PS1='{PROMPT.decode()}'\n"
comp_rc = plain_rc + f". {completion}\n"
weirs = [("weir", weir)] + ([("base", base)] if base else [])
rows = []
if "plain" in setups:
    rows += [(name, "plain", [path, "--rcfile", "{rc}", "-i"], plain_rc) for name, path in weirs]
    rows += [
        ("bash", "plain", ["bash", "--noprofile", "--rcfile", "{rc}", "-i"], plain_rc),
        ("dash", "plain", ["dash", "-i"], ""),
    ]
if "completion" in setups:
    if os.path.exists(completion):
        rows += [(name, "completion", [path, "--rcfile", "{rc}", "-i"], comp_rc) for name, path in weirs]
        rows += [("bash", "completion", ["bash", "--noprofile", "--rcfile", "{rc}", "-i"], comp_rc)]
    else:
        print(f"({completion} missing: apt-get install bash-completion)", file=sys.stderr if tsv else sys.stdout)
if tsv:
    print("shell\tsetup\tprompt_ms\tpss_kib\tprivate_kib\tvmhwm_kib")
else:
    print(f"{count} idle interactive shells of each kind at once")
    print(f"{'shell':6} {'set-up':11} {'prompt ms':>10} {'Pss KiB':>9} {'Private KiB':>12} {'VmHWM KiB':>10}")
results = {}
for name, setup, argv, rc in rows:
    r = measure(argv, rc)
    results[(name, setup)] = r
    if tsv:
        print(f"{name}\t{setup}\t{r[0]:.1f}\t{r[1]:.0f}\t{r[2]:.0f}\t{r[3]:.0f}", flush=True)
    else:
        print(f"{name:6} {setup:11} {r[0]:10.1f} {r[1]:9.0f} {r[2]:12.0f} {r[3]:10.0f}", flush=True)
if not tsv:
    for setup in ("plain", "completion"):
        for other in ("bash", "base"):
            if ("weir", setup) in results and (other, setup) in results:
                w, b = results[("weir", setup)], results[(other, setup)]
                print(f"weir/{other} {setup}: prompt {w[0]/b[0]:.2f}x, Pss {w[1]/b[1]:.2f}x, private {w[2]/b[2]:.2f}x")
PY
