#!/usr/bin/env bash
# Execution benchmark: weir, dash and bash run the same small generated scripts
# in one go, and a table shows the median time of each shell and the ratios
# weir/dash and weir/bash.
#
# Workloads (each is a script file run as `SHELL script`, except startup, idle and
# configure):
#   startup   SHELL -c true, 200 spawns per measurement; time shown per spawn
#   idle      not timed: ten idle interactive shells of each kind at once, on
#             pseudo-terminals at the prompt, plain and with Debian's bash_completion
#             sourced; their mean Pss, private memory, VmHWM and median time to the
#             first prompt, measured by bench/idle-rss.sh --tsv, shown next to the
#             memory at rest (below).
#   loop      i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done
#   func      100,000 calls of  f() { y=${1%.*}; }  with archive.tar.gz
#   extern    2,000 runs of /bin/true (a path, so never the builtin)
#   pipeline  1,000 pipelines  /bin/echo hi | /bin/cat | /bin/cat >/dev/null
#   subst     20,000 x=$(echo hi)
#   funsub    20,000 x=${ echo hi; } (bash 5.3's form; dash, bash 5.2 and a --baseline
#             weir, which have none, run x=$(echo hi) instead)
#   heredoc   while read -r line over a 10,000-line here-doc in the script
#   configure an autoconf configure script of some 160 checks (headers, functions,
#             sizes, types, programs; the table gives the count, from config.log) that
#             writes a config.h and a substituted config.mk. autoconf and autoheader
#             make it at run time from bench/configure/configure.ac. Each shell runs
#             `SHELL configure --quiet` with CONFIG_SHELL=SHELL (so configure's own
#             re-exec, and config.status, use that same shell), in its own build
#             directory, emptied before every run. Needs autoconf and a C compiler
#             (gcc or cc); without them the row is shown as SKIPPED, and why.
# A default run takes about 5 minutes on 2 cores (the configure row some 2 of them);
# --scale shrinks or grows the generated scripts (not configure or idle).
#
# Every script ends by printing a small checksum (final counter and value).
# Before timing, each shell runs each script once (which also warms it up);
# its stdout must equal the expected text, its stderr must be empty and its
# exit status 0. For configure, its stdout and stderr must be empty, config.status
# must start with `#! SHELL` (the shell under test wrote it), and the config.h and
# config.mk each shell produced must equal dash's (bash's, if dash failed). A workload
# where any shell fails that check is reported as MISMATCH, with details, and not timed.
#
# Usage: bench/exec.sh [--runs N] [--only NAME[,NAME]] [--scale F]
#                      [--timeout SEC] [--baseline PATH] [--keep] [--list]
#   WEIR=path/to/weir   weir binary (default: .build/release/weir in the repo root)
#   --baseline PATH     another weir binary (an earlier build) timed in the same run,
#                       interleaved with the others; the table adds weir/base
#   --runs N            timed runs per shell and workload (default 5); median shown
#   --only NAMES        comma-separated workloads to run (default: all)
#   --scale F           multiply every iteration count by F (default 1)
#   --timeout SEC       give up on one run after SEC seconds (default 120)
#   --keep              keep the generated scripts and print their directory
#   --list              list the workloads and exit
# With the startup workload, also the memory of each shell at rest after start-up
# (VmHWM, Rss, Pss, Private_Dirty from /proc while `-c 'sleep 0.4; :'` waits); with
# the idle workload, next to it, the idle interactive shells' memory (see above).
# Uses hyperfine (-N) for timing when it is installed, else a python3
# perf_counter loop that runs the shells in turn. Peak RSS comes from GNU time
# (/usr/bin/time, if installed) on the checking run.
# weir is copied into the temp dir first, so a rebuild during the run does not
# change or remove the binary being measured.
set -euo pipefail

orig_pwd=$PWD
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
all_workloads=startup,idle,loop,func,extern,pipeline,subst,funsub,heredoc,configure

runs=5 only=$all_workloads scale=1 timeout=120 keep=0 baseline=
while (( $# )); do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift ;;
    --only) only=${2:?--only needs a list of workloads}; shift ;;
    --scale) scale=${2:?--scale needs a number}; shift ;;
    --timeout) timeout=${2:?--timeout needs a number of seconds}; shift ;;
    --baseline) baseline=${2:?--baseline needs a weir binary}; shift ;;
    --keep) keep=1 ;;
    --list) tr , '\n' <<<"$all_workloads"; exit 0 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "exec.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "exec.sh: --runs must be a positive integer" >&2; exit 2; }
[[ $timeout =~ ^[1-9][0-9]*$ ]] || { echo "exec.sh: --timeout must be a positive integer" >&2; exit 2; }
if [[ ! $scale =~ ^([0-9]+\.?[0-9]*|\.[0-9]+)$ || $scale =~ ^[0.]+$ ]]; then
  echo "exec.sh: --scale must be a positive number" >&2; exit 2
fi
IFS=, read -r -a selected <<<"$only"
(( ${#selected[@]} )) || { echo "exec.sh: --only needs at least one workload" >&2; exit 2; }
for w in "${selected[@]}"; do
  [[ ,$all_workloads, == *,"$w",* ]] ||
    { echo "exec.sh: unknown workload '$w' (known: $all_workloads)" >&2; exit 2; }
done

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

if [[ ! -f $weir || ! -x $weir ]]; then
  echo "exec.sh: weir binary not found or not executable: $weir" >&2
  echo "         build it with 'swift build -c release' or set WEIR=/path/to/weir" >&2
  exit 1
fi
for tool in bash dash python3; do
  command -v "$tool" >/dev/null || { echo "exec.sh: '$tool' is required but not installed" >&2; exit 1; }
done
for ext in /bin/true /bin/echo /bin/cat; do
  [[ -x $ext ]] || { echo "exec.sh: $ext is needed by the workloads but missing" >&2; exit 1; }
done
bash_bin=$(command -v bash) dash_bin=$(command -v dash)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/weir-exec-bench.XXXXXX")
if (( keep )); then trap 'echo "kept: $tmp"' EXIT; else trap 'rm -rf "$tmp"' EXIT; fi

# Note when the binary is older than the sources, then freeze it for this run.
built=$(date -u -r "$weir" '+%Y-%m-%d %H:%M UTC')
stale=""
if [[ -z ${WEIR:-} && -d $root/Sources ]] &&
   [[ -n $(find "$root/Sources" "$root/Package.swift" -newer "$weir" -print -quit 2>/dev/null) ]]; then
  stale="sources changed after this binary was built: it may be stale"
fi
mkdir "$tmp/bin"
cp -p -- "$weir" "$tmp/bin/weir"
if [[ -n $baseline ]]; then
  [[ $baseline == /* ]] || baseline=$orig_pwd/$baseline
  [[ -x $baseline ]] || { echo "exec.sh: baseline weir not executable: $baseline" >&2; exit 1; }
  cp -p -- "$baseline" "$tmp/bin/weir-base"
fi

# The configure workload: configure and config.h.in are generated now, into the temp
# dir, from bench/configure. Without the tools it is skipped, and the table says why.
configure_skip='' autoconf_version=''
if [[ ,$only, == *,configure,* ]]; then
  missing=()
  command -v autoconf >/dev/null && command -v autoheader >/dev/null ||
    missing+=("autoconf and autoheader (apt-get install autoconf)")
  command -v gcc >/dev/null || command -v cc >/dev/null ||
    missing+=("a C compiler, gcc or cc (apt-get install gcc)")
  env -C / true 2>/dev/null || missing+=("env -C (GNU coreutils 8.28 or later)")
  if (( ${#missing[@]} )); then
    configure_skip="not installed: $(printf '%s; ' "${missing[@]}")"
    configure_skip=${configure_skip%; }
    echo "exec.sh: skipping the configure workload, $configure_skip" >&2
  else
    mkdir "$tmp/configure"
    cp -- "$here/configure/configure.ac" "$here/configure/config.mk.in" "$tmp/configure/"
    if ! (cd "$tmp/configure" && autoconf && autoheader) >"$tmp/autoconf.log" 2>&1; then
      echo "exec.sh: autoconf failed on bench/configure/configure.ac:" >&2
      cat "$tmp/autoconf.log" >&2
      exit 1
    fi
    autoconf_version=$(autoconf --version | sed -n '1s/^.* //p')
  fi
fi

timer=python
command -v hyperfine >/dev/null && timer=hyperfine

python3 - "$tmp" "$runs" "$scale" "$timeout" "$timer" "${selected[*]}" \
  "$weir" "$built" "$stale" "$baseline" "$here" "$configure_skip" "$autoconf_version" \
  -- "$tmp/bin/weir" "$dash_bin" "$bash_bin" <<'PY'
import difflib, json, os, shlex, shutil, signal, statistics, subprocess, sys, time

(tmp, runs, scale, timeout, timer, selected, weir_shown, built, stale, baseline, here,
 configure_skip, autoconf_version) = sys.argv[1:14]
runs, scale, timeout = int(runs), float(scale), int(timeout)
selected = selected.split()
NAMES = ["weir", "dash", "bash"]
BINS = dict(zip(NAMES, sys.argv[15:18]))
if baseline:
    NAMES.insert(1, "base")
    BINS["base"] = os.path.join(tmp, "bin", "weir-base")

def n(count):
    return max(1, int(round(count * scale)))

# ------------------------------------------------------------- workloads
# Each: name, description, script text (None for startup and configure), expected
# stdout, spawns per measurement. (idle is not one of them: it is measured at the end.)
FNAME = "archive.tar.gz"
LINE = "line %d: the quick brown fox jumps over the lazy dog"

def loop(count, body, after=""):
    return ("i=0\nwhile [ $i -lt %d ]; do\n\t%s\n\ti=$((i+1))\ndone\n%s" % (count, body, after))

# Scripts for the shells other than weir where a workload uses what only weir has.
OTHER_SCRIPTS = {}

def workloads():
    w = []
    reps = n(200)
    w.append(("startup", "SHELL -c true (time per spawn, %d spawns each)" % reps, None, "", reps))
    c = n(200000)
    w.append(("loop", "%d iterations of while [ ] / $((i+1))" % c,
              "i=0; while [ $i -lt %d ]; do i=$((i+1)); done\necho $i\n" % c, "%d\n" % c, 1))
    c = n(100000)
    w.append(("func", "%d calls of f() { y=${1%%.*}; }" % c,
              "f() { y=${1%.*}; }\n" + loop(c, "f " + FNAME, 'echo "$i $y"\n'),
              "%d %s\n" % (c, FNAME.rsplit(".", 1)[0]), 1))
    c = n(2000)
    w.append(("extern", "%d runs of /bin/true" % c,
              loop(c, "/bin/true", "echo $i\n"), "%d\n" % c, 1))
    c = n(1000)
    w.append(("pipeline", "%d x /bin/echo hi | /bin/cat | /bin/cat" % c,
              loop(c, "/bin/echo hi | /bin/cat | /bin/cat >/dev/null",
                   "/bin/echo hi | /bin/cat | /bin/cat\necho $i\n"), "hi\n%d\n" % c, 1))
    c = n(20000)
    w.append(("subst", "%d x=$(echo hi)" % c,
              loop(c, "x=$(echo hi)", 'echo "$i $x"\n'), "%d hi\n" % c, 1))
    c = n(20000)
    w.append(("funsub", "%d x=${ echo hi; } (others: $(echo hi))" % c,
              loop(c, "x=${ echo hi; }", 'echo "$i $x"\n'), "%d hi\n" % c, 1))
    OTHER_SCRIPTS["funsub"] = loop(c, "x=$(echo hi)", 'echo "$i $x"\n')
    c = n(10000)
    doc = "".join(LINE % k + "\n" for k in range(1, c + 1))
    w.append(("heredoc", "while read -r over a %d-line here-doc" % c,
              "last=\nwhile read -r line; do last=$line; done <<EOF\n%sEOF\necho \"$last\"\n" % doc,
              LINE % c + "\n", 1))
    w.append(("configure", "SHELL configure --quiet, CONFIG_SHELL=SHELL (autoconf %s)" %
              (autoconf_version or "missing"), None, "", 1))
    return [x for x in w if x[0] in selected]

# ------------------------------------------------------------- configure
# configure and config.h.in were made by autoconf and autoheader in tmp/configure; each
# shell runs it in its own build directory there, through env -C (a chdir, as hyperfine
# -N runs no shell), with CONFIG_SHELL naming that shell.
CONFIGURE = os.path.join(tmp, "configure", "configure")
CONFIGURE_OUTPUTS = ("config.h", "config.mk", "config.status", "config.log")
ENV_BIN = shutil.which("env") or "/usr/bin/env"

def build_dir(shell):
    return os.path.join(tmp, "configure", "build-" + shell)

def empty_build_dir(shell):
    """What each run starts from: the build directory without the last run's outputs.
    (configure removes its own conftest and confdefs files when it ends.)"""
    d = build_dir(shell)
    os.makedirs(d, exist_ok=True)
    for f in CONFIGURE_OUTPUTS:
        try:
            os.unlink(os.path.join(d, f))
        except FileNotFoundError:
            pass

def configure_problems(shell, ref):
    """After a clean checking run: config.status must be the shell's own, and config.h and
    config.mk must equal those of the reference shell ref (None: no comparison)."""
    d = build_dir(shell)
    try:
        with open(os.path.join(d, "config.status")) as f:
            first = f.readline().rstrip("\n")
    except OSError:
        return "no config.status"
    if first != "#! " + BINS[shell]:
        return "config.status starts %s, not '#! %s': another shell wrote it" % (short(first), BINS[shell])
    if ref is None or ref == shell:
        return None
    problems = []
    for f in ("config.h", "config.mk"):
        try:
            mine = open(os.path.join(d, f)).read().splitlines()
            theirs = open(os.path.join(build_dir(ref), f)).read().splitlines()
        except OSError as e:
            problems.append("%s: %s" % (f, e))
            continue
        if mine != theirs:
            diff = [l for l in difflib.unified_diff(theirs, mine, lineterm="", n=0)
                    if l[:1] in "+-" and not l.startswith(("+++", "---"))]
            problems.append("%s differs from %s's in %d lines: %s" % (
                f, ref, len(diff), short("\n".join(diff[:6]), 300)))
    return "; ".join(problems) or None

def configure_checks(shell):
    """The number of checks configure ran ("checking ..." lines in config.log) and CC."""
    d = build_dir(shell)
    checks, cc = 0, "?"
    try:
        checks = sum(1 for l in open(os.path.join(d, "config.log"))
                     if l.startswith("configure:") and ": checking " in l)
        for l in open(os.path.join(d, "config.mk")):
            if l.startswith("CC = "):
                cc = l[5:].strip()
    except OSError:
        pass
    return checks, cc

# ------------------------------------------------------------- running
ENV = {k: v for k, v in os.environ.items() if k not in ("BASH_ENV", "ENV", "CDPATH")}
ENV["LC_ALL"] = "C"
DEVNULL = os.open(os.devnull, os.O_RDWR)

class Timeout(Exception):
    pass

def _alarm(signum, frame):
    raise Timeout()

signal.signal(signal.SIGALRM, _alarm)

# Peak RSS comes from GNU time on the checking run. (wait4() from here would
# also count this python process: posix_spawn shares its memory until exec.)
def gnu_time():
    path = "/usr/bin/time"
    if not os.access(path, os.X_OK):
        return None
    r = subprocess.run([path, "-f", "%M", "-o", os.devnull, "true"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path if r.returncode == 0 else None

GNU_TIME = gnu_time()

def spawn(argv, out=DEVNULL, err=DEVNULL):
    return os.posix_spawn(argv[0], argv, ENV, setpgroup=0, file_actions=[
        (os.POSIX_SPAWN_DUP2, DEVNULL, 0), (os.POSIX_SPAWN_DUP2, out, 1),
        (os.POSIX_SPAWN_DUP2, err, 2)])

# CPU seconds (user + system) of the children reaped by reap(): on a shared machine the
# CPU a shell uses varies much less than its wall time.
CPU = [0.0]

def reap(pid):
    """Wait for pid and return its exit code, killing its process group after the timeout."""
    try:
        _, status, usage = os.wait4(pid, 0)
    except Timeout:
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        raise
    CPU[0] += usage.ru_utime + usage.ru_stime
    return os.waitstatus_to_exitcode(status)

def argv_for(shell, wl):
    name, _, script, _, _ = wl
    if name == "configure":
        return [ENV_BIN, "-C", build_dir(shell), "CONFIG_SHELL=" + BINS[shell],
                BINS[shell], CONFIGURE, "--quiet"]
    if script is None:
        return [BINS[shell], "-c", "true"]
    if shell != "weir" and name in OTHER_SCRIPTS:
        return [BINS[shell], os.path.join(tmp, name + ".other.sh")]
    return [BINS[shell], os.path.join(tmp, name + ".sh")]

def check(shell, wl):
    """Run once capturing output. Returns (problem or None, peak RSS KiB)."""
    expected = wl[3]
    rssfile = os.path.join(tmp, "rss")
    if wl[0] == "configure":
        shutil.rmtree(build_dir(shell), ignore_errors=True)
        empty_build_dir(shell)
    argv = argv_for(shell, wl)
    if GNU_TIME:
        argv = [GNU_TIME, "-f", "%M", "-o", rssfile] + argv
        if os.path.exists(rssfile):
            os.unlink(rssfile)
    with open(os.path.join(tmp, "out"), "w+b") as fo, open(os.path.join(tmp, "err"), "w+b") as fe:
        signal.alarm(timeout)
        try:
            code = reap(spawn(argv, fo.fileno(), fe.fileno()))
        except Timeout:
            return "timed out after %d s" % timeout, None
        finally:
            signal.alarm(0)
        fo.seek(0); fe.seek(0)
        out, err = fo.read().decode(errors="replace"), fe.read().decode(errors="replace")
    problems = []
    if code != 0:
        problems.append("exit status %d" % code)
    if out != expected:
        problems.append("stdout %s, expected %s" % (short(out), short(expected)))
    if err:
        problems.append("stderr %s" % short(err))
    rss = None
    if GNU_TIME:
        try:
            rss = int(open(rssfile).read().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
    return ("; ".join(problems) or None), rss

def short(text, limit=160):
    r = repr(text)
    return r if len(r) <= limit else r[:limit] + "... (%d chars)" % len(text)

def time_python(wl):
    """Interleave the shells run by run; returns {shell: [ms, ...]}."""
    reps = wl[4]
    times = {s: [] for s in NAMES}
    for _ in range(runs):
        for s in NAMES:
            argv = argv_for(s, wl)
            if wl[0] == "configure":
                empty_build_dir(s)
            signal.alarm(timeout * reps if reps > 1 else timeout)
            try:
                cpu0 = CPU[0]
                t0 = time.perf_counter()
                for _ in range(reps):
                    code = reap(spawn(argv))
                    if code != 0:
                        sys.exit("exec.sh: %s exited %d during timing of %s" % (s, code, wl[0]))
                t1 = time.perf_counter()
            except Timeout:
                sys.exit("exec.sh: %s timed out during timing of %s" % (s, wl[0]))
            finally:
                signal.alarm(0)
            times[s].append((t1 - t0) * 1000 / reps)
            CPU_TIMES.setdefault(wl[0], {}).setdefault(s, []).append((CPU[0] - cpu0) * 1000 / reps)
    return times

# {workload: {shell: [CPU ms per run]}}, filled by time_python (the waited-for children's
# rusage, so a process substitution or pipeline stage counts too).
CPU_TIMES = {}

def time_hyperfine(wl):
    reps = wl[4]
    out = os.path.join(tmp, "hf.json")
    cmd = ["hyperfine", "-N", "--style", "none", "--export-json", out,
           "--runs", str(runs * reps), "--warmup", str(min(reps, 10) if reps > 1 else 0)]
    if wl[0] == "configure":
        # Before every run, each build directory loses the last run's outputs.
        cmd += ["--prepare", " ".join(shlex.quote(a) for a in ["rm", "-f"] + [
            os.path.join(build_dir(s), f) for s in NAMES for f in CONFIGURE_OUTPUTS])]
    for s in NAMES:
        cmd += ["--command-name", s, " ".join(shlex.quote(a) for a in argv_for(s, wl))]
    r = subprocess.run(cmd, env=ENV, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit("exec.sh: hyperfine failed on %s:\n%s" % (wl[0], r.stderr.strip()))
    res = json.load(open(out))["results"]
    return {s: [t * 1000 for t in x["times"]] for s, x in zip(NAMES, res)}

# ------------------------------------------------------------- main
wls = workloads()
for name, _, script, _, _ in wls:
    if script is not None:
        with open(os.path.join(tmp, name + ".sh"), "w") as f:
            f.write("# generated by bench/exec.sh (%s)\n" % name + script)
        if name in OTHER_SCRIPTS:
            with open(os.path.join(tmp, name + ".other.sh"), "w") as f:
                f.write("# generated by bench/exec.sh (%s, for shells without it)\n" % name + OTHER_SCRIPTS[name])

how = ("hyperfine -N" if timer == "hyperfine" else "python3 perf_counter, shells interleaved")
print("exec benchmark: median of %d runs per shell (%s)" % (runs, how))
print("weir = %s (built %s)" % (weir_shown, built))
if stale:
    print("note: " + stale)
print("dash = %s, bash = %s" % (BINS["dash"], BINS["bash"]))
if baseline:
    print("base = %s (the baseline weir)" % baseline)
if "configure" in selected and not configure_skip:
    print("configure = made by autoconf %s from bench/configure/configure.ac, run as "
          "env -C BUILD_DIR CONFIG_SHELL=SHELL SHELL configure --quiet" % autoconf_version)
print(flush=True)

# Every shell's files come into the page cache the same way before anything is measured:
# evicted (posix_fadvise DONTNEED, after a sync, since dirty pages stay) and read back by
# one run. How a file came into the cache decides how much one page fault maps: the copy
# of weir made above sits in the large folios its writing made, and the kernel maps a
# whole folio at a fault (weir -c : peaked at 4.2 MiB that way, and at 2.6 MiB when its
# pages were read back from disk), while the other shells were read from disk long ago.
def files_of(shell):
    files = [BINS[shell]]
    r = subprocess.run(["ldd", BINS[shell]], capture_output=True, text=True)
    if r.returncode == 0:
        for line in r.stdout.splitlines():
            for word in line.split():
                if word.startswith("/"):
                    files.append(os.path.realpath(word))
    return files

os.sync()
for shell in NAMES:
    for path in files_of(shell):
        try:
            fd = os.open(path, os.O_RDONLY)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(fd)
        except OSError:
            pass
    os.waitpid(spawn([BINS[shell], "-c", ":"]), 0)

started = time.time()
rows = []
for wl in wls:
    name = wl[0]
    if name == "configure" and configure_skip:
        print("%-9s SKIPPED: %s" % (name, configure_skip), file=sys.stderr)
        rows.append((wl, None, None, {}))
        continue
    print("%-9s checking..." % name, end="", flush=True, file=sys.stderr)
    problems, rss = {}, {}
    for s in NAMES:
        p, rss[s] = check(s, wl)
        if p:
            problems[s] = p
    if name == "configure":
        # Each shell's config.status, and its config.h and config.mk against dash's.
        ref = next((s for s in ("dash", "bash") if s not in problems), None)
        for s in NAMES:
            p = None if s in problems else configure_problems(s, ref)
            if p:
                problems[s] = p
        checks, cc = configure_checks(ref or "dash")
        wl = (name, "configure --quiet: %d checks, CC=%s (autoconf %s)" % (checks, cc, autoconf_version)) + wl[2:]
    if problems:
        print(" MISMATCH", file=sys.stderr)
        rows.append((wl, None, problems, rss))
        continue
    print(" timing...", end="", flush=True, file=sys.stderr)
    t0 = time.time()
    times = time_hyperfine(wl) if timer == "hyperfine" else time_python(wl)
    med = {s: statistics.median(times[s]) for s in NAMES}
    print(" %.0f s" % (time.time() - t0), file=sys.stderr)
    rows.append((wl, med, None, rss))

def ms(v):
    return "%.3f" % v if v < 10 else "%.1f" % v if v < 1000 else "%.0f" % v

base = "base" in NAMES
head = ("%-9s %10s" + (" %10s" if base else "") + " %10s %10s" + (" %10s" if base else "") + " %10s %10s   %s")
cols = ["workload", "weir ms"] + (["base ms"] if base else []) + ["dash ms", "bash ms"] + \
       (["weir/base"] if base else []) + ["weir/dash", "weir/bash", "work"]
if rows:
    print()
    print(head % tuple(cols))
    print(head % tuple(["-" * 8] + ["-" * 7] * (4 if base else 3) + ["-" * 9] * (3 if base else 2) + ["-" * 4]))
for wl, med, problems, _ in rows:
    if med is None and problems is None:
        print("%-9s SKIPPED, %s" % (wl[0], configure_skip))
    elif med is None:
        print("%-9s %-54s %s" % (wl[0], "MISMATCH: " + ",".join(problems) + " (not timed)", wl[1]))
    else:
        times = [ms(med["weir"])] + ([ms(med["base"])] if base else []) + [ms(med["dash"]), ms(med["bash"])]
        ratios = ([med["weir"] / med["base"]] if base else []) + [med["weir"] / med["dash"], med["weir"] / med["bash"]]
        print(("%-9s" + " %10s" * len(times) + " %9.2fx" * len(ratios) + "   %s") % tuple([wl[0]] + times + ratios + [wl[1]]))

if CPU_TIMES:
    print()
    print("CPU ms (user + system of the shell and its children, median of the same runs)")
    print(("%-9s" + " %10s" * len(NAMES) + (" %10s" if base else "")) % tuple(
        ["workload"] + NAMES + (["weir/base"] if base else [])))
    for wl, med, _, _ in rows:
        c = CPU_TIMES.get(wl[0])
        if not c:
            continue
        m = {s: statistics.median(c[s]) for s in NAMES}
        print(("%-9s" + " %10s" * len(NAMES)) % tuple([wl[0]] + [ms(m[s]) for s in NAMES]) +
              (" %9.2fx" % (m["weir"] / m["base"]) if base and m["base"] > 0 else ""))

measured = [r for r in rows if r[3]]
if measured:
    print()
if measured and GNU_TIME:
    print("peak RSS in MiB (GNU time %M on the checking run; includes waited-for children)")
    print(("%-9s" + " %8s" * len(NAMES)) % tuple(["workload"] + NAMES))
    for wl, _, _, rss in measured:
        print(("%-9s" + " %8s" * len(NAMES)) % ((wl[0],) + tuple(
            "-" if rss.get(s) is None else "%.1f" % (rss[s] / 1024) for s in NAMES)))
elif measured:
    print("peak RSS: skipped (GNU time is not installed at /usr/bin/time)")

# The memory of a shell that has just started: each runs `-c 'sleep 0.4; :'` (its start-up
# done, waiting for the child), and /proc/PID/smaps_rollup and status are read while it
# waits. Rss and Pss count the binary's pages it touched; Private_Dirty is what it wrote.
def memory_at_rest(shell):
    pid = os.posix_spawn(BINS[shell], [BINS[shell], "-c", "sleep 0.4; :"], ENV, setpgroup=0,
                         file_actions=[(os.POSIX_SPAWN_DUP2, DEVNULL, 0), (os.POSIX_SPAWN_DUP2, DEVNULL, 1)])
    time.sleep(0.2)
    fields = {}
    try:
        for line in open("/proc/%d/smaps_rollup" % pid):
            k, _, v = line.partition(":")
            if k in ("Rss", "Pss", "Private_Dirty"):
                fields[k] = int(v.split()[0])
        for line in open("/proc/%d/status" % pid):
            if line.startswith("VmHWM:"):
                fields["VmHWM"] = int(line.split()[1])
    except OSError:
        pass
    os.waitpid(pid, 0)
    return fields

# The copied binaries' pages are dirty in the page cache until written back, and
# would count as Private_Dirty of every process that maps them.
if "startup" in selected or "idle" in selected:
    os.sync()
MEM_ROW = "%-16s" + " %8s" * len(NAMES)
if "startup" in selected:
    print()
    print("memory of a shell at rest after start-up, KiB (-c 'sleep 0.4; :', read while it waits)")
    print(MEM_ROW % tuple(["field"] + NAMES))
    mem = {s: memory_at_rest(s) for s in NAMES}
    for k in ("VmHWM", "Rss", "Pss", "Private_Dirty"):
        print(MEM_ROW % ((k,) + tuple(str(mem[s].get(k, "-")) for s in NAMES)))

# The idle workload: bench/idle-rss.sh --tsv measures ten idle interactive shells of each
# kind at once (weir and base being the copies in tmp/bin) and prints one line per shell
# and set-up: shell, set-up, prompt ms, Pss, private and VmHWM KiB (means per shell).
IDLE_COUNT = 10
idle_failed = None
def idle_shells():
    argv = [BINS["bash"], os.path.join(here, "idle-rss.sh"), "--tsv", "--shells", str(IDLE_COUNT)]
    if baseline:
        argv += ["--base", BINS["base"]]
    try:
        r = subprocess.run(argv, env=dict(os.environ, WEIR=BINS["weir"]), stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, timeout=max(600, timeout))
    except subprocess.TimeoutExpired:
        return None, "bench/idle-rss.sh timed out"
    lines = r.stdout.splitlines()
    if r.returncode != 0 or not lines or not lines[0].startswith("shell\t"):
        return None, "bench/idle-rss.sh exited %d: %s" % (r.returncode, short((r.stderr or r.stdout).strip(), 300))
    res = {}
    for line in lines[1:]:
        f = line.split("\t")
        res[(f[0], f[1])] = [float(x) for x in f[2:6]]
    return res, r.stderr.strip() or None

if "idle" in selected:
    print("%-9s measuring %d interactive shells of each kind at once..." % ("idle", IDLE_COUNT),
          end="", flush=True, file=sys.stderr)
    idle, note = idle_shells()
    print(" failed" if idle is None else " done", file=sys.stderr)
    print()
    print("%d idle interactive shells of each kind at once, on pseudo-terminals at the prompt"
          " (bench/idle-rss.sh),\nmean per shell, KiB; prompt: median ms from fork to the first prompt" % IDLE_COUNT)
    if idle is None:
        idle_failed = note
        print("FAILED: " + note)
    else:
        print(MEM_ROW % tuple(["field"] + NAMES))
        for setup, label in (("plain", ""), ("completion", ", compl.")):
            if not any(k[1] == setup for k in idle):
                continue
            for i, field in ((1, "Pss"), (2, "Private"), (3, "VmHWM"), (0, "prompt ms")):
                print(MEM_ROW % ((field + label,) + tuple(
                    "-" if (s, setup) not in idle else
                    ("%.1f" if i == 0 else "%.0f") % idle[(s, setup)][i] for s in NAMES)))
        print("(compl.: a startup file that sources Debian's bash_completion; dash cannot)")
        if note:
            print(note)

bad = [(wl, problems) for wl, _, problems, _ in rows if problems]
if bad:
    print()
    for wl, problems in bad:
        what = ("script -c true" if wl[0] == "startup" else "configure made from bench/configure/configure.ac"
                if wl[0] == "configure" else "script " + wl[0] + ".sh")
        print("MISMATCH in %s (%s):" % (wl[0], what))
        for s, p in problems.items():
            print("  %s: %s" % (s, p))
if idle_failed:
    print()
    print("FAILED: the idle workload: " + idle_failed)
print()
print("total %.0f s" % (time.time() - started))
sys.exit(1 if bad or idle_failed else 0)
PY
