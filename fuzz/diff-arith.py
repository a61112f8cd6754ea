#!/usr/bin/env python3
"""Differential fuzzing of shell arithmetic: weir against bash.

    fuzz/diff-arith.py [-n CASES] [--batch 1000] [--seed S] [--out FILE] [--weir PATH]

Generates random arithmetic expressions (every operator: + - * / % ** << >> & | ^ ~ !
&& || ?: , = += -= *= /= %= <<= >>= &= ^= |= ++ --, parentheses; numbers in base 10,
8, 16 and base#n, near and past 2^63; variables with fixed values, an unset one, one
holding an expression, array elements; division by 0, negative exponents) and evaluates
each in both shells, in batches of many cases per process. Each case runs in its own
subshell with stderr thrown away, so an error ends only that case:

    ( echo "$(( EXPR ))" ) 2>/dev/null; echo "s=$?"        (every 4th case: (( EXPR )))

A case differs when stdout or status differ (messages may differ; whether an error
happened is in the status). Each difference is minimised (subtrees replaced by their
children or by 0/1 while the difference stays) and written to FILE (default
/work/fuzz-work/diff-arith.txt) with a classification: known/explained, or unexplained.
Exit status 1 when an unexplained difference was found.
"""
import argparse
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import difftools  # noqa: E402

PRELUDE = b"""x=5 y=-3 z=0 big=9223372036854775807 min=-9223372036854775808 s='x+1' h=0x1f o=010
a=(1 2 3)
"""
VARS = ["x", "y", "z", "big", "min", "s", "h", "o", "u", "a[1]", "a[2]", "a[5]"]
LVARS = ["x", "y", "z", "u", "a[1]", "w"]
BINOPS = ["+", "-", "*", "/", "%", "**", "<<", ">>", "&", "|", "^", "&&", "||", "<", ">", "<=", ">=",
          "==", "!=", ","]
ASSIGNOPS = ["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|="]
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@_"
HUGE = [9223372036854775807, 9223372036854775806, 9223372036854775808, 9223372036854775809,
        18446744073709551615, 18446744073709551616, 99999999999, 99999999999999999999, 4294967296,
        2147483647, 2147483648]


# An expression is a tree: ("num", text) ("var", name) ("un", op, e) ("bin", op, l, r)
# ("tern", c, a, b) ("asg", op, var, e) ("inc", text) ("par", e)
def number(r):
    k = r.random()
    if k < 0.35:
        return str(r.randint(0, 20))
    if k < 0.5:
        return str(r.choice(HUGE))
    if k < 0.6:
        return "0" + "".join(r.choice("01234567") for _ in range(r.randint(1, 23)))
    if k < 0.7:
        return "0x" + "".join(r.choice("0123456789abcdefABCDEF") for _ in range(r.randint(1, 17)))
    if k < 0.9:
        base = r.choice([2, 8, 10, 16, 36, 37, 62, 64, r.randint(2, 64)])
        digits = "".join(r.choice(DIGITS[:base]) for _ in range(r.randint(1, 12 if base > 10 else 20)))
        return f"{base}#{digits}"
    # Invalid on purpose: a digit out of range, base 1 or 65, 0x alone, 09.
    return r.choice(["8#9", "2#2", "1#0", "65#1", "0x", "09", "0b1", "10#", "#1", "64#", "3#"])


def gen(r, depth):
    if depth <= 0 or r.random() < 0.25:
        k = r.random()
        if k < 0.6:
            return ("num", number(r))
        return ("var", r.choice(VARS))
    k = r.random()
    if k < 0.15:
        return ("un", r.choice(["-", "+", "~", "!"]), gen(r, depth - 1))
    if k < 0.65:
        return ("bin", r.choice(BINOPS), gen(r, depth - 1), gen(r, depth - 1))
    if k < 0.73:
        return ("tern", gen(r, depth - 1), gen(r, depth - 1), gen(r, depth - 1))
    if k < 0.83:
        return ("asg", r.choice(ASSIGNOPS), r.choice(LVARS), gen(r, depth - 1))
    if k < 0.9:
        v = r.choice(LVARS)
        return ("inc", r.choice([f"++{v}", f"--{v}", f"{v}++", f"{v}--"]))
    return ("par", gen(r, depth - 1))


def text(e):
    t = e[0]
    if t in ("num", "var", "inc"):
        return e[1]
    if t == "un":
        # A space keeps `- -3` from reading as `--3`.
        return f"{e[1]} {text(e[2])}"
    if t == "bin":
        return f"{text(e[2])} {e[1]} {text(e[3])}"
    if t == "tern":
        return f"{text(e[1])} ? {text(e[2])} : {text(e[3])}"
    if t == "asg":
        return f"{e[2]} {e[1]} {text(e[3])}"
    if t == "par":
        return f"({text(e[1])})"
    raise ValueError(t)


def case_script(i, expr, command_form):
    if command_form:
        return f'( (( {expr} )) ) 2>/dev/null; echo "c{i} s=$?"\n'.encode()
    return f'( echo "c{i} $(( {expr} ))" ) 2>/dev/null; echo "c{i} s=$?"\n'.encode()


def results(out, n):
    """Per case: (value line or None, status line)."""
    res = {}
    for line in out.split(b"\n"):
        m = re.match(rb"c(\d+) (.*)$", line)
        if m:
            res.setdefault(int(m.group(1)), []).append(m.group(2))
    return [tuple(res.get(i, [])) for i in range(n)]


def run_batch(weir, exprs, forms, locale="C", timeout=120):
    script = PRELUDE + b"".join(case_script(i, e, f) for i, (e, f) in enumerate(zip(exprs, forms)))
    out = {}
    for name, argv in (("weir", [weir]), ("bash", [difftools.BASH])):
        rc, so, se, to = difftools.run(argv, script, locale=locale, timeout=timeout)
        out[name] = (rc, so, to)
    return out


def differs(weir, expr, form):
    o = run_batch(weir, [expr], [form], timeout=20)
    return results(o["weir"][1], 1)[0] != results(o["bash"][1], 1)[0] or o["weir"][2] != o["bash"][2]


def subtrees(e):
    """Smaller candidates for e: its children, and 0 / 1."""
    t = e[0]
    kids = []
    if t == "un":
        kids = [e[2]]
    elif t == "bin":
        kids = [e[2], e[3]]
    elif t == "tern":
        kids = [e[1], e[2], e[3]]
    elif t == "asg":
        kids = [e[3], ("var", e[2])]
    elif t == "par":
        kids = [e[1]]
    return kids + ([("num", "0"), ("num", "1")] if t != "num" or e[1] not in ("0", "1") else [])


def replace_at(e, path, new):
    if not path:
        return new
    i = path[0]
    lst = list(e)
    lst[i] = replace_at(e[i], path[1:], new)
    return tuple(lst)


def paths(e, prefix=()):
    yield prefix
    t = e[0]
    idx = {"un": [2], "bin": [2, 3], "tern": [1, 2, 3], "asg": [3], "par": [1]}.get(t, [])
    for i in idx:
        yield from paths(e[i], prefix + (i,))


def get(e, path):
    for i in path:
        e = e[i]
    return e


def minimise(weir, tree, form, budget=150):
    changed = True
    while changed and budget > 0:
        changed = False
        for p in list(paths(tree)):
            for cand in subtrees(get(tree, p)):
                new = replace_at(tree, p, cand)
                budget -= 1
                if budget <= 0:
                    return tree
                if len(text(new)) < len(text(tree)) and differs(weir, text(new), form):
                    tree = new
                    changed = True
                    break
            if changed:
                break
    return tree


ASSIGN_RE = r"(?:<<|>>|[-+*/%&^|])?="
CLASSES = [
    # (name, explanation, test on (minimal expression, weir result, bash result))
    ("bare-0x", "`0x` with no digit: bash reads 0, weir reports `value too great for base`",
     lambda e, w, b: re.search(r"0x(?![0-9a-fA-F])", e) is not None),
    ("negative-shift", "shift by a negative count: weir reports `negative shift count` (as bash 5.3 "
     "does); bash 5.2 shifts by (count & 63)",
     lambda e, w, b: ("<<" in e or ">>" in e) and w[-1:] == (b"s=1",) and b[-1:] == (b"s=0",)),
    # `.*`, not `[^:]*`: the second operand may hold a nested ternary (`c ? d ? a : b : v = e`).
    ("ternary-assignment", "`c ? a : v op= e`: bash (as C) parses `(c ? a : v) op= e` and reports "
     "`attempted assignment to non-variable`; weir assigns in the third operand",
     lambda e, w, b: re.search(r"\?.*:\s*[\w\[\]]+\s*" + ASSIGN_RE + r"[^=]", e) is not None
     and b[-1:] == (b"s=1",)),
    ("error-in-untaken-branch", "bash reports a negative exponent (or other error) in an operand it does "
     "not evaluate (the untaken side of ?:, && or ||); weir does not look at it",
     lambda e, w, b: ("?" in e or "&&" in e or "||" in e) and "**" in e and b[-1:] == (b"s=1",)
     and w[-1:] == (b"s=0",)),
    ("assignment-order", "`v op= e` where e assigns v (v = a name or an array element): bash reads v "
     "before evaluating e, weir after",
     lambda e, w, b: assigns_inside(e)),
]


def assigns_inside(e):
    """`v op= …` with v assigned again (=, op=, ++, --) inside the right-hand side."""
    lv = r"[A-Za-z_]\w*(?:\[\w+\])?"
    for m in re.finditer(r"(" + lv + r")\s*" + ASSIGN_RE + r"(?!=)", e):
        v, rest = re.escape(m.group(1)), e[m.end():]
        if re.search(r"(?<![\w\]])" + v + r"\s*(?:\+\+|--|" + ASSIGN_RE + r"(?!=))", rest) or \
                re.search(r"(?:\+\+|--)" + v + r"(?![\w\[])", rest):
            return True
    return False


# Classes whose test is loose (any shift, any bare 0x in the expression): the difference is
# theirs only when weir's own message for the expression says so, so that another error in
# an expression that happens to hold a shift is not explained away.
MESSAGES = {
    "negative-shift": rb"negative shift count",
    "bare-0x": rb"value too great for base \(error token is \"0x",
}


def weir_message(weir, expr, form):
    """weir's stderr for the one expression (the batch throws messages away)."""
    line = f"(( {expr} ))\n" if form else f'echo "$(( {expr} ))"\n'
    _, _, err, _ = difftools.run([weir], PRELUDE + line.encode(), timeout=20)
    return err


def classify(expr, wres, bres, weir=None, form=False):
    """The known/explained class of a minimised difference, or None (see fuzz/README.md)."""
    for name, _, test in CLASSES:
        if test(expr, wres, bres):
            if weir is not None and name in MESSAGES and \
                    re.search(MESSAGES[name], weir_message(weir, expr, form)) is None:
                continue
            return name
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=100000, help="cases (default 100000)")
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--out", default="/work/fuzz-work/diff-arith.txt")
    ap.add_argument("--weir", default=None, help="weir binary (default: a copy of .build/release/weir)")
    ap.add_argument("--max-minimise", type=int, default=40, help="differences to minimise at most")
    a = ap.parse_args()
    weir = a.weir or difftools.weir_binary()
    seed = a.seed if a.seed is not None else int(time.time())
    r = random.Random(seed)
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    found = {}
    done = 0
    started = time.time()
    while done < a.n:
        k = min(a.batch, a.n - done)
        trees = [gen(r, r.randint(1, a.depth)) for _ in range(k)]
        exprs = [text(t) for t in trees]
        forms = [i % 4 == 3 for i in range(k)]
        o = run_batch(weir, exprs, forms)
        for name in ("weir", "bash"):
            rc, _, to = o[name]
            if to:
                print(f"{name}: batch at case {done} timed out", file=sys.stderr)
        wr = results(o["weir"][1], k)
        br = results(o["bash"][1], k)
        if o["weir"][0] < 0:
            print(f"weir died of signal {-o['weir'][0]} in batch at {done}", file=sys.stderr)
        for i in range(k):
            if wr[i] == br[i]:
                continue
            if not wr[i] and not br[i]:
                continue
            key = (exprs[i], forms[i])
            found[key] = (trees[i], wr[i], br[i])
        done += k
        rate = done / max(1e-6, time.time() - started)
        print(f"{done} cases, {len(found)} differing ({rate:.0f}/s)", file=sys.stderr)
    # Minimise and group.
    groups = {}
    for n, ((expr, form), (tree, wres, bres)) in enumerate(sorted(found.items(), key=lambda kv: len(kv[0][0]))):
        if n < a.max_minimise:
            small = minimise(weir, tree, form)
        else:
            small = tree
        sexpr = text(small)
        o = run_batch(weir, [sexpr], [form], timeout=20)
        w1 = results(o["weir"][1], 1)[0]
        b1 = results(o["bash"][1], 1)[0]
        groups.setdefault((sexpr, form), []).append(expr)
        groups[(sexpr, form)] = groups[(sexpr, form)]
        found[(expr, form)] = (tree, wres, bres, sexpr, w1, b1)
    classes = {}
    for (sexpr, form), originals in groups.items():
        _, wres, bres, _, w1, b1 = found[(originals[0], form)]
        c = classify(sexpr, w1, b1, weir, form) or classify(originals[0], wres, bres, weir, form)
        classes.setdefault(c, []).append((sexpr, form, originals, w1, b1))
    explanations = {name: why for name, why, _ in CLASSES}
    unexplained = len(classes.get(None, []))
    with open(a.out, "w") as f:
        f.write(f"# diff-arith: {done} cases, seed {seed}, weir {weir}, bash {difftools.BASH}\n")
        f.write(f"# {len(found)} differing cases, {len(groups)} after minimising, "
                f"{unexplained} minimal forms unexplained\n\n")
        for c in sorted(classes, key=lambda c: (c is None, str(c))):
            items = classes[c]
            total = sum(len(x[2]) for x in items)
            f.write(f"## {c or 'UNEXPLAINED'}: {total} cases, {len(items)} minimal forms\n")
            if c:
                f.write(f"{explanations[c]}\n")
            f.write("\n")
            for sexpr, form, originals, w1, b1 in sorted(items, key=lambda x: len(x[0]))[: (None if c is None else 5)]:
                shape = f"(( {sexpr} ))" if form else f"$(( {sexpr} ))"
                f.write(f"minimal: {shape}\n  weir: {[x.decode('utf-8', 'replace') for x in w1]}\n"
                        f"  bash: {[x.decode('utf-8', 'replace') for x in b1]}\n"
                        f"  cases: {len(originals)}, e.g. {originals[0]}\n\n")
    print(f"{done} cases; {len(found)} differing; {len(groups)} minimal forms, {unexplained} unexplained; "
          f"classes: " + ", ".join(f"{c or 'UNEXPLAINED'}={sum(len(x[2]) for x in v)}" for c, v in classes.items())
          + f"; written to {a.out}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
