#!/usr/bin/env python3
"""Check the spec cases in Tests/spec/cases/*.sh.

For every case: run the oracle shell(s) named by `### oracle:` and verify that
stdout and exit status match the expectation exactly; then run weir the same
way and report the cases it fails.

Usage:
  check.py [options] [FILE_OR_AREA ...]

  --weir PATH     weir binary (default: <repo>/.build/debug/weir)
  --no-weir       only check the oracles
  --no-oracle     only run weir
  --grep TEXT     only cases whose description contains TEXT
  --inherit-env   run the shells with this process's environment instead of
                  the fixed one (LC_ALL=C, HOME=the temporary directory, ...)
  --fill          authoring aid: rewrite the expectations of the selected
                  cases from what the oracle shell(s) print (refuses when the
                  oracle shells of a `both` case disagree)
  -j N            parallel jobs (default: number of CPUs)
  -q              print only the summaries
  -v              also list passing cases

Exit status: 1 if an oracle check fails (weir failures alone do not change it),
2 on a format error.
"""

import concurrent.futures
import difflib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CASES_DIR = os.path.join(HERE, "cases")
TIMEOUT = 10

ORACLES = {"both": ["bash", "dash"], "bash": ["bash"], "dash": ["dash"]}


class FormatError(Exception):
    pass


class Case:
    def __init__(self, path, line, desc):
        self.path = path
        self.line = line  # line number of `### case:`
        self.desc = desc
        self.oracle = None
        self.weir_differs = None  # reason weir deliberately differs (weir not checked)
        self.script = []
        self.stdout = []
        self.no_newline = False
        self.status = None
        self.script_start = None  # line index (0-based) of first script line
        self.stdout_start = None
        self.status_line = None

    @property
    def file(self):
        return os.path.basename(self.path)

    def script_text(self):
        return "\n".join(self.script) + ("\n" if self.script else "")

    def expected_stdout(self):
        if not self.stdout:
            text = ""
            # An empty section means no output; `### no-newline` with no lines
            # would be the same thing.
            return text.encode()
        text = "\n".join(self.stdout)
        if not self.no_newline:
            text += "\n"
        return text.encode("utf-8", "surrogateescape")


def parse_file(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    cases = []
    state = "outside"
    cur = None
    for i, raw in enumerate(lines):
        lno = i + 1
        if raw.startswith("###"):
            m = re.match(r"^### (case|weir-differs|oracle|stdout|status|end|no-newline)(:.*)?$", raw)
            if not m:
                raise FormatError(f"{path}:{lno}: unknown ### line: {raw!r}")
            kind = m.group(1)
            arg = (m.group(2) or "")[1:].strip()
            if kind == "case":
                if state != "outside":
                    raise FormatError(f"{path}:{lno}: `### case:` inside a case")
                cur = Case(path, lno, arg)
                state = "case"
            elif kind == "weir-differs":
                # weir deliberately differs from the oracle here; the reason is the argument.
                if state != "case":
                    raise FormatError(f"{path}:{lno}: `### weir-differs:` out of place")
                cur.weir_differs = arg
            elif kind == "oracle":
                if state != "case":
                    raise FormatError(f"{path}:{lno}: `### oracle:` out of place")
                if arg not in ORACLES:
                    raise FormatError(f"{path}:{lno}: bad oracle {arg!r}")
                cur.oracle = arg
                cur.script_start = i + 1
                state = "script"
            elif kind == "stdout":
                if state != "script":
                    raise FormatError(f"{path}:{lno}: `### stdout:` out of place")
                cur.stdout_start = i + 1
                state = "stdout"
            elif kind == "no-newline":
                if state != "stdout":
                    raise FormatError(f"{path}:{lno}: `### no-newline` out of place")
                cur.no_newline = True
                state = "after-no-newline"
            elif kind == "status":
                if state not in ("stdout", "after-no-newline"):
                    raise FormatError(f"{path}:{lno}: `### status:` out of place")
                if not re.fullmatch(r"\d+", arg):
                    raise FormatError(f"{path}:{lno}: bad status {arg!r}")
                cur.status = int(arg)
                cur.status_line = i
                state = "status"
            elif kind == "end":
                if state != "status":
                    raise FormatError(f"{path}:{lno}: `### end` out of place")
                cases.append(cur)
                cur = None
                state = "outside"
            continue
        if state == "script":
            cur.script.append(raw)
        elif state == "stdout":
            cur.stdout.append(raw)
        elif state == "outside":
            if raw.strip() and not raw.startswith("#"):
                raise FormatError(f"{path}:{lno}: text outside a case: {raw!r}")
        else:
            raise FormatError(f"{path}:{lno}: unexpected line in state {state}: {raw!r}")
    if state != "outside":
        raise FormatError(f"{path}: unterminated case starting at line {cur.line}")
    return cases


INHERIT_ENV = False


def base_env(tmp):
    if INHERIT_ENV:
        return dict(os.environ)
    env = {
        "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
        "HOME": tmp,
        "LC_ALL": "C",
        "LANG": "C",
        "TERM": "dumb",
        "USER": os.environ.get("USER", "root"),
    }
    return env


def run_shell(shell, script):
    """Run `shell -c script` in a fresh temporary directory. Returns (stdout bytes, status, note)."""
    tmp = tempfile.mkdtemp(prefix="weir-spec-")
    try:
        proc = subprocess.Popen(
            [shell, "-c", script],
            cwd=tmp,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=base_env(tmp),
            start_new_session=True,
        )
        try:
            out, _ = proc.communicate(timeout=TIMEOUT)
            status = proc.returncode
            note = ""
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            out, _ = proc.communicate()
            status = None
            note = "timeout"
        if status is not None and status < 0:
            # killed by a signal, like a shell reports it
            status = 128 - status
        # clean up any leftovers of the process group
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        return out, status, note
    finally:
        subprocess.run(["chmod", "-R", "u+rwx", tmp], stderr=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)


def describe_diff(case, exp_out, exp_status, out, status, note, who):
    lines = [f"--- {case.file}:{case.line}: {case.desc} [{who}]"]
    if note:
        lines.append(f"    ({note})")
    if status != exp_status:
        lines.append(f"    status: expected {exp_status}, got {status}")
    if out != exp_out:
        a = exp_out.decode("utf-8", "backslashreplace").splitlines(keepends=True)
        b = out.decode("utf-8", "backslashreplace").splitlines(keepends=True)
        diff = list(difflib.unified_diff(a, b, "expected", who, n=2))
        if len(diff) > 40:
            diff = diff[:40] + [f"... ({len(diff) - 40} more diff lines)\n"]
        for d in diff:
            if not d.endswith("\n"):
                d += "\n\\ no newline\n"
            lines.append("    " + d.rstrip("\n").replace("\n", "\n    "))
    return "\n".join(lines)


def first_difference(exp_out, exp_status, out, status):
    """A one-line summary of the difference."""
    parts = []
    if status != exp_status:
        parts.append(f"status {status} (expected {exp_status})")
    if out != exp_out:
        a = exp_out.decode("utf-8", "backslashreplace").split("\n")
        b = out.decode("utf-8", "backslashreplace").split("\n")
        for k in range(max(len(a), len(b))):
            x = a[k] if k < len(a) else "<none>"
            y = b[k] if k < len(b) else "<none>"
            if x != y:
                parts.append(f"line {k + 1}: expected {x!r}, got {y!r}")
                break
    return "; ".join(parts)


def check_oracle(case):
    exp = case.expected_stdout()
    results = []
    for sh in ORACLES[case.oracle]:
        out, status, note = run_shell(sh, case.script_text())
        ok = out == exp and status == case.status
        results.append((sh, ok, out, status, note))
    return results


def check_weir(case, weir):
    exp = case.expected_stdout()
    out, status, note = run_shell(weir, case.script_text())
    return out == exp and status == case.status, out, status, note


def format_expectation(out, status):
    text = out.decode("utf-8", "surrogateescape")
    lines = []
    no_newline = False
    if text:
        if text.endswith("\n"):
            body = text[:-1]
        else:
            body = text
            no_newline = True
        lines = body.split("\n")
    for l in lines:
        if l.startswith("###"):
            raise ValueError("output line starts with ###")
    res = ["### stdout:"] + lines
    if no_newline:
        res.append("### no-newline")
    res.append(f"### status: {status}")
    return res


def fill(cases_by_file, selected):
    sel = set(id(c) for c in selected)
    problems = 0
    for path, cases in cases_by_file.items():
        todo = [c for c in cases if id(c) in sel]
        if not todo:
            continue
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            lines = f.read().split("\n")
        trailing = lines and lines[-1] == ""
        if trailing:
            lines.pop()
        # process from the bottom so indices stay valid
        with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 4) as ex:
            outs = list(ex.map(lambda c: [run_shell(sh, c.script_text()) for sh in ORACLES[c.oracle]], todo))
        for case, res in sorted(zip(todo, outs), key=lambda t: -t[0].line):
            first = res[0]
            if any(r[2] for r in res):
                print(f"{case.file}:{case.line}: {case.desc}: timeout, not filled")
                problems += 1
                continue
            if any((r[0], r[1]) != (first[0], first[1]) for r in res[1:]):
                print(f"{case.file}:{case.line}: {case.desc}: bash and dash disagree, not filled")
                for sh, r in zip(ORACLES[case.oracle], res):
                    print(f"    {sh}: status {r[1]} out {r[0]!r}"[:600])
                problems += 1
                continue
            try:
                new = format_expectation(first[0], first[1])
            except ValueError as e:
                print(f"{case.file}:{case.line}: {case.desc}: {e}")
                problems += 1
                continue
            start = case.stdout_start - 1  # the `### stdout:` line
            end = case.status_line  # the `### status:` line
            lines[start:end + 1] = new
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write("\n".join(lines) + "\n")
    return problems


def main(argv):
    weir = os.path.join(REPO, ".build", "debug", "weir")
    do_weir = True
    do_oracle = True
    do_fill = False
    grep = None
    jobs = os.cpu_count() or 4
    quiet = False
    verbose = False
    targets = []
    it = iter(argv)
    for a in it:
        if a == "--weir":
            weir = next(it)
        elif a == "--no-weir":
            do_weir = False
        elif a == "--no-oracle":
            do_oracle = False
        elif a == "--fill":
            do_fill = True
        elif a == "--inherit-env":
            global INHERIT_ENV
            INHERIT_ENV = True
        elif a == "--grep":
            grep = next(it)
        elif a == "-j":
            jobs = int(next(it))
        elif a == "-q":
            quiet = True
        elif a == "-v":
            verbose = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            targets.append(a)

    files = sorted(
        os.path.join(CASES_DIR, f) for f in os.listdir(CASES_DIR) if f.endswith(".sh")
    )
    if targets:
        chosen = []
        for t in targets:
            name = os.path.basename(t)
            if not name.endswith(".sh"):
                name += ".sh"
            p = os.path.join(CASES_DIR, name)
            if p not in files:
                print(f"no such case file: {t}", file=sys.stderr)
                return 2
            chosen.append(p)
        files = chosen

    cases_by_file = {}
    try:
        for f in files:
            cases_by_file[f] = parse_file(f)
    except FormatError as e:
        print(f"format error: {e}", file=sys.stderr)
        return 2
    cases = [c for cs in cases_by_file.values() for c in cs]
    if grep:
        cases = [c for c in cases if grep in c.desc]

    if do_fill:
        problems = fill(cases_by_file, cases)
        print(f"filled {len(cases) - problems} cases, {problems} problems")
        return 1 if problems else 0

    rc = 0
    if do_oracle:
        missing = [s for s in ("bash", "dash") if shutil.which(s) is None]
        if missing:
            print(f"oracle shells missing: {', '.join(missing)}; skipping their cases")
        todo = [c for c in cases if not any(s in missing for s in ORACLES[c.oracle])]
        with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
            results = list(ex.map(check_oracle, todo))
        passed = failed = 0
        for case, res in zip(todo, results):
            bad = [r for r in res if not r[1]]
            if bad:
                failed += 1
                if not quiet:
                    for sh, ok, out, status, note in bad:
                        print(describe_diff(case, case.expected_stdout(), case.status, out, status, note, sh))
            else:
                passed += 1
                if verbose:
                    print(f"ok   {case.file}:{case.line}: {case.desc}")
        print(f"oracle: {passed} passed, {failed} failed")
        if failed:
            rc = 1

    if do_weir:
        if not os.access(weir, os.X_OK):
            print(f"weir binary not found: {weir}")
        else:
            # Every case holds weir to its oracle, except those marked `### weir-differs:`
            # (with the reason weir deliberately differs).
            cases = [c for c in cases if c.weir_differs is None]
            with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
                results = list(ex.map(lambda c: check_weir(c, weir), cases))
            passed = failed = 0
            summary = []
            for case, (ok, out, status, note) in zip(cases, results):
                if ok:
                    passed += 1
                    if verbose:
                        print(f"ok   weir {case.file}:{case.line}: {case.desc}")
                else:
                    failed += 1
                    exp = case.expected_stdout()
                    if not quiet:
                        print(describe_diff(case, exp, case.status, out, status, note, "weir"))
                    one = note or first_difference(exp, case.status, out, status)
                    summary.append(f"{case.file}:{case.line}: {case.desc}: {one}")
            if summary and not quiet:
                print("\nweir failures:")
                for s in summary:
                    print("  " + s)
            print(f"weir: {passed} passed, {failed} failed")
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
