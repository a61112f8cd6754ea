#!/usr/bin/env python3
"""Seed corpora for the libFuzzer targets, extracted from shell scripts.

    fuzz/seed.py --out DIR [--limit N] FILE_OR_DIR...

Reads scripts in the project's spec format (Tests/spec/cases/*.sh: `### case:` ...
`### stdout:`), the Oils spec format (`#### name` ... `## stdout`), or plain scripts
(Tests/corpus/**), and writes one file per seed into DIR/<target>/ (named by the SHA-1 of
the content, as libFuzzer names inputs). Targets and the layout of their inputs (see the
sources in fuzz/Sources):

    parser   a whole script
    expand   option byte, then command text (lines with a `$`, a brace or a glob)
    arith    an arithmetic expression (from $(( )), (( )), let)
    pattern  option byte, PATTERN NUL SUBJECT (from case items, [[ == ]], ${x#p}, ${x/p/r})
    glob     option byte, PATTERN (the same patterns, and a few for the sandbox tree)
    printf   option byte, FORMAT NUL ARG NUL ... (from printf command lines)
    read     option byte, LINE NUL IFS NUL ARG (from IFS/read lines, and fixed cases)

run.sh calls it twice: for the project's own tests into fuzz/corpus (small, kept in the
repository) and for the conformance files into /work/fuzz-work (never committed: the
conformance cases are not to be copied into the project).
"""
import argparse
import hashlib
import os
import re
import shlex
import sys

TARGETS = ["parser", "expand", "arith", "pattern", "glob", "printf", "read"]


def cases_of(path):
    """The code of each case in a file (whole file for plain scripts)."""
    try:
        text = open(path, "rb").read()
    except OSError:
        return []
    lines = text.split(b"\n")
    if any(l.startswith(b"### case:") for l in lines):
        out, cur, inside = [], [], False
        for l in lines:
            if l.startswith(b"### case:"):
                cur, inside = [], True
            elif l.startswith(b"### ") and inside:
                if l.startswith(b"### oracle") or l.startswith(b"### skip") or l.startswith(b"### env"):
                    continue
                out.append(b"\n".join(cur) + b"\n")
                inside = False
            elif inside:
                cur.append(l)
        return out
    if any(l.startswith(b"#### ") for l in lines):
        out, cur, inside = [], [], False
        for l in lines:
            if l.startswith(b"#### "):
                if inside and cur:
                    out.append(b"\n".join(cur) + b"\n")
                cur, inside = [], True
            elif l.startswith(b"## ") and inside:
                out.append(b"\n".join(cur) + b"\n")
                inside = False
            elif inside:
                cur.append(l)
        if inside and cur:
            out.append(b"\n".join(cur) + b"\n")
        return out
    return [text]


def balanced(text, start, open_b=b"(", close_b=b")"):
    """The end index of the group that opens at text[start] (one past the close)."""
    depth = 0
    for i in range(start, len(text)):
        c = text[i:i + 1]
        if c == open_b:
            depth += 1
        elif c == close_b:
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def arith_exprs(code):
    out = []
    for m in re.finditer(rb"\$\(\(|\(\(", code):
        end = balanced(code, m.end() - 2)
        if end > 0 and code[end - 2:end] == b"))":
            out.append(code[m.end():end - 2])
    for m in re.finditer(rb"\blet ([^\n;|&]+)", code):
        try:
            out.extend(w.encode() for w in shlex.split(m.group(1).decode("utf-8", "replace")))
        except ValueError:
            pass
    return [e for e in out if e.strip() and len(e) < 400]


SUBJECTS = [b"abc", b"a", b"", b"hello.tar.gz", b"x*y", b"\xc3\xa9t\xc3\xa9", b"A1b2", b"/usr/local/bin",
            b"\xff\xfe", b"aaa", b"a b c", b"foo.c", b"[ab]"]


def patterns(code):
    out = []
    # case items: `pat|pat)` at the start of a line
    for m in re.finditer(rb"^\s*\(?([^\n()]*?)\)\s", code, re.M):
        for p in m.group(1).split(b"|"):
            p = p.strip()
            if p and b"case" not in p and b"$(" not in p and len(p) < 100:
                out.append(p)
    for m in re.finditer(rb"\[\[ *(\S+) *(?:==|=|!=) *([^\]]+?) *\]\]", code):
        out.append(m.group(2).strip(b"\"'"))
    for m in re.finditer(rb"\$\{[A-Za-z_@*][A-Za-z0-9_\[\]@*]*(?:##|#|%%|%|//|/#|/%|/)([^}/]*)", code):
        if m.group(1):
            out.append(m.group(1))
    return [p for p in out if len(p) < 120]


def printf_lines(code):
    out = []
    for m in re.finditer(rb"\bprintf ([^\n|;&]+)", code):
        try:
            words = shlex.split(m.group(1).decode("utf-8", "surrogateescape"))
        except ValueError:
            continue
        if words and words[0] == "-v" and len(words) > 2:
            words = words[2:]
        if words and words[0] == "--":
            words = words[1:]
        if words:
            out.append(b"\0".join(w.encode("utf-8", "surrogateescape") for w in words[:9]))
    return out


def expand_lines(code):
    out = []
    for line in code.split(b"\n"):
        s = line.strip()
        if (b"$" in s or b"{" in s or b"*" in s or b"~" in s) and len(s) < 300 and not s.startswith(b"#"):
            out.append(s)
    return out


READ_FIXED = [
    b"\x00a b c\0 \t\n\0:", b"\x01a\\ b\\\\c d\\\0 \0:", b"\x02 one  two\tthree \0 \t\n\0:",
    b"\x03a:b:c;d\0:\0;", b"\x04abcdef\0\0" b"3", b"\x05\xc3\xa9t\xc3\xa9x\0\0" b"2", b"\x06line\0 \0" b"0.5",
    b"\x07a:b::c:\0:\0:", b"\x00a:b: c :\0: \0", b"\x00  lead trail  \0 \0", b"\x10  keep  \\ \0 \0",
    b"\x08\xc3\xa9:\xc3\xa8\0\xc3\xa9\0", b"\x00a,b,,c,,\0,\0", b"\x11 x\\\ny\0 \0", b"\x04abc\0\0" b"99999999999",
    b"\x06x\0 \0" b"9999999999", b"\x05abc\0\0-1",
]
GLOB_FIXED = [b"\x00*", b"\x00d*/*", b"\x10**/*", b"\x10**", b"\x08.*", b"\x00[a-c]*", b"\x00@(a|b)", b"\x00!(a)",
              b"\x00*/", b"\x00dir/sub/*/h", b"\x00link/*", b"\x04a*", b"\x00\\[ab]", b"\x01?", b"\x00*(a|b)c",
              b"\x00x\\*y", b"\x20.*", b"\x00[[:alpha:]]*", b"\x00[!a]*"]


def seeds_for(code):
    s = {t: [] for t in TARGETS}
    s["parser"].append(code)
    for line in expand_lines(code):
        s["expand"].append(b"\x01" + line)
    s["arith"].extend(arith_exprs(code))
    for i, p in enumerate(patterns(code)):
        s["pattern"].append(b"\x01" + p + b"\0" + SUBJECTS[i % len(SUBJECTS)])
        if b"/" not in p[:1]:
            s["glob"].append(b"\x01" + p)
    for f in printf_lines(code):
        s["printf"].append(b"\x01" + f)
    for m in re.finditer(rb"IFS=(\S*)[^\n]*\bread\b[^\n]*<<< *(\S+)", code):
        ifs = m.group(1).strip(b"\"'").replace(b"$'\\n'", b"\n").replace(b"$'\\t'", b"\t")
        s["read"].append(b"\x00" + m.group(2).strip(b"\"'") + b"\0" + ifs + b"\0:")
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--limit", type=int, default=400, help="at most this many seeds per target")
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    files = []
    for p in a.paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".sh")]
        else:
            files.append(p)
    collected = {t: {} for t in TARGETS}

    def add(t, data):
        if data and len(data) <= 8192:
            collected[t].setdefault(hashlib.sha1(data).hexdigest(), data)

    for f in sorted(files):
        for code in cases_of(f):
            for t, items in seeds_for(code).items():
                for d in items:
                    add(t, d)
    for d in READ_FIXED:
        add("read", d)
    for d in GLOB_FIXED:
        add("glob", d)
    for t in TARGETS:
        d = os.path.join(a.out, t)
        os.makedirs(d, exist_ok=True)
        items = sorted(collected[t].items())
        # Spread the limit over the whole list (not only the first files).
        if len(items) > a.limit:
            step = len(items) / a.limit
            items = [items[int(i * step)] for i in range(a.limit)]
        for h, data in items:
            with open(os.path.join(d, h), "wb") as fh:
                fh.write(data)
        print(f"{t}: {len(items)} seeds in {d}")


if __name__ == "__main__":
    main()
