#!/usr/bin/env python3
"""Runs mutated scripts for real under weir, in a sandbox folder, and records every death
by a crash signal and every hang.

    fuzz/mutate-scripts.py [-n SCRIPTS] [--seed S] [--timeout 5] [--out DIR] [--weir PATH]

Scripts come from Tests/spec/cases (each case) and the conformance files
(/work/shared/conformance/oils-spec/spec/*.test.sh, each case). Each is mutated by one to
three of: byte flips, deletions of a random span, splices of a span of another script,
token replacement by a huge number (9223372036854775807, 9223372036854775808,
-9223372036854775808, 99999999999, 2147483648, ...), insertion of a deep nesting
(`$(( ((…)) ))`, `${x:-${x:-…}}`, `{ { … } }`, `$( $( … ) )`, `[[ ( ( … ) ) ]]`), and
duplication of a line. The mutant runs under a private copy of the release binary
(/tmp/weir-fuzz-bin, copied at start: the original is rebuilt often) with:
  - a fresh temporary folder as working directory, HOME and TMPDIR there;
  - stdin from /dev/null; a small environment (PATH, HOME, LC_ALL=C);
  - `timeout -k 2 T` (default 5 s).

Findings:
  - weir's own death by SIGILL, SIGSEGV, SIGABRT, SIGTRAP, SIGBUS or SIGFPE (timeout(1)
    passes a death by signal on as its own, so a negative return code here). An exit
    status 128+N is weir reporting a child's death (`sh -c 'kill -SEGV $$'`), not weir
    dying. SIGPIPE, SIGTERM, SIGKILL, SIGINT and the rest are deaths a script can ask for
    (`kill $$`), so they are not findings either.
  - a hang: the time limit passed. It is re-run under bash with the same limit; when
    bash hangs too (a script that loops forever in bash as well) it is not a finding.
Each finding is saved as DIR/<kind>-<n>.sh (default /work/fuzz-artifacts/mutate) with a
.txt beside it (signal, the script's origin and stderr); a summary goes to stdout.
"""
import argparse
import glob
import os
import random
import re
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import difftools  # noqa: E402
from seed import cases_of  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRASH_SIGNALS = {signal.SIGILL, signal.SIGSEGV, signal.SIGABRT, signal.SIGTRAP, signal.SIGBUS, signal.SIGFPE}
HUGE = [b"9223372036854775807", b"9223372036854775808", b"-9223372036854775808", b"-9223372036854775809",
        b"99999999999", b"2147483648", b"2147483647", b"4294967296", b"18446744073709551616", b"-1",
        b"0x7fffffffffffffff", b"99999999999999999999999"]


def nesting(r):
    d = r.choice([50, 200, 1000, 5000])
    kind = r.randrange(6)
    if kind == 0:
        return b"echo $(( " + b"(" * d + b"1" + b")" * d + b" ))\n"
    if kind == 1:
        return b"echo ${x:-" * d + b"y" + b"}" * d + b"\n"
    if kind == 2:
        return b"{ " * d + b"echo deep; " + b"}; " * d + b"\n"
    if kind == 3:
        d = min(d, 60)
        return b"echo " + b"$( " * d + b"echo in" + b" )" * d + b"\n"
    if kind == 4:
        return b"[[ " + b"( " * d + b"a" + b" )" * d + b" ]] && echo t\n"
    return b"echo $(( " + b"1+" * (d * 4) + b"1 ))\n"


def mutate(r, script, others):
    s = bytearray(script)
    for _ in range(r.randint(1, 3)):
        k = r.randrange(7)
        if k == 0 and s:                       # byte flips
            for _ in range(r.randint(1, 4)):
                i = r.randrange(len(s))
                s[i] = r.choice([s[i] ^ (1 << r.randrange(8)), r.randrange(256), ord(r.choice("(){}[]$`'\"\\|&;<>*?!#-0129"))])
        elif k == 1 and s:                     # delete a span
            i = r.randrange(len(s))
            del s[i:i + r.randint(1, 20)]
        elif k == 2:                           # splice from another script
            o = r.choice(others)
            if o:
                i = r.randrange(len(o))
                piece = o[i:i + r.randint(1, 200)]
                j = r.randrange(len(s) + 1)
                s[j:j] = piece
        elif k == 3:                           # a number becomes huge
            nums = [m.span() for m in re.finditer(rb"-?\d+", bytes(s))]
            if nums:
                a, b = r.choice(nums)
                s[a:b] = r.choice(HUGE)
            else:
                j = r.randrange(len(s) + 1)
                s[j:j] = b" " + r.choice(HUGE) + b" "
        elif k == 4:                           # deep nesting, at a line start
            starts = [0] + [m.end() for m in re.finditer(rb"\n", bytes(s))]
            j = r.choice(starts)
            s[j:j] = nesting(r)
        elif k == 5:                           # duplicate a line
            lines = bytes(s).split(b"\n")
            if lines:
                i = r.randrange(len(lines))
                lines.insert(i, lines[i])
                s = bytearray(b"\n".join(lines))
        else:                                  # swap two tokens
            toks = [m.span() for m in re.finditer(rb"\S+", bytes(s))]
            if len(toks) > 1:
                (a, b), (c, d) = sorted(r.sample(toks, 2))
                s = s[:a] + s[c:d] + s[b:c] + s[a:b] + s[d:]
    return bytes(s)


def crash_signal(rc, stderr):
    """The crash signal weir died of, or None."""
    if rc < 0 and -rc in CRASH_SIGNALS:
        return -rc
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=2000, help="mutated scripts to run (default 2000)")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--timeout", type=float, default=5)
    ap.add_argument("--out", default="/work/fuzz-artifacts/mutate")
    ap.add_argument("--weir", default=None)
    a = ap.parse_args()
    weir = a.weir or difftools.weir_binary()
    seed = a.seed if a.seed is not None else int(time.time())
    r = random.Random(seed)
    files = sorted(glob.glob(os.path.join(ROOT, "Tests/spec/cases/*.sh")))
    files += sorted(glob.glob("/work/shared/conformance/oils-spec/spec/*.test.sh"))
    pool = []
    for f in files:
        for c in cases_of(f):
            if not c.strip():
                continue
            pool.append((f"{os.path.relpath(f, '/work')}", c))
    if not pool:
        raise SystemExit("no scripts found")
    others = [c for _, c in pool]
    os.makedirs(a.out, exist_ok=True)
    crashes = hangs = bash_hangs = 0
    by_signal = {}
    started = time.time()
    for n in range(a.n):
        origin, script = r.choice(pool)
        mutant = mutate(r, script, others)
        rc, out, err, timed_out = difftools.run([weir], mutant, timeout=a.timeout, unprivileged=True)
        sig = crash_signal(rc, err)
        kind = None
        if sig:
            kind = f"sig{signal.Signals(sig).name}"
            crashes += 1
            by_signal[kind] = by_signal.get(kind, 0) + 1
        elif timed_out:
            # With weir's defaults (extglob and expand_aliases on in scripts too): otherwise
            # bash stops at a syntax error on `@(` or skips an alias that weir runs, and a
            # script that loops in both looks like a weir hang.
            brc, _, _, btimed = difftools.run([difftools.BASH, "-O", "extglob", "-O", "expand_aliases"],
                                              mutant, timeout=a.timeout, unprivileged=True)
            if btimed:
                bash_hangs += 1
            else:
                kind = "hang"
                hangs += 1
        if kind:
            base = os.path.join(a.out, f"{kind}-{seed}-{n}")
            with open(base + ".sh", "wb") as f:
                f.write(mutant)
            with open(base + ".txt", "w") as f:
                f.write(f"{kind}: weir returncode {rc} (timed out: {timed_out})\norigin: {origin}\nseed {seed}, "
                        f"script {n}\nstderr (last 2000 bytes):\n{err[-2000:].decode('utf-8', 'replace')}\n")
            print(f"{kind}: {base}.sh (from {origin})", file=sys.stderr)
        if (n + 1) % 200 == 0:
            print(f"{n + 1} scripts, {crashes} crashes, {hangs} hangs, {bash_hangs} hang in bash too "
                  f"({(n + 1) / (time.time() - started):.1f}/s)", file=sys.stderr)
    print(f"{a.n} mutated scripts (seed {seed}): {crashes} crash-signal deaths {by_signal or ''}, "
          f"{hangs} hangs (bash finishes), {bash_hangs} hang in bash too (not findings); "
          f"reproducers in {a.out}")
    return 1 if crashes or hangs else 0


if __name__ == "__main__":
    sys.exit(main())
