#!/usr/bin/env python3
"""Writes the linker's --symbol-ordering-file from traces of weir starting up.

Usage: startup-order.py BINARY STDLIB_ARCHIVE --calls FILE... --memory FILE...

  --calls   callgrind outputs (`--demangle=no`): the functions run, in first-call order
  --memory  lackey traces (`--trace-mem=yes`): every load and store

Prints, one symbol per line, the functions run (with the IFUNC variants this machine
picks for them, which valgrind's emulated processor does not) and then the writable
data touched:
first the data written, then the data only read, each in first-touch order. lld lays
out the input sections holding them in that order, so start-up touches a few pages
instead of pages all over the binary. Every page is a page fault, about 2 us each on
the machine that measured it (a read fault on code maps 64 KiB around it; a written
page is a private copy), and resident memory.

A symbol moves the whole input section that holds it, and some are large: the Swift
standard library's (Swift.o in STDLIB_ARCHIVE, libswiftCore.a, keeps most of it in one
.text, one .data and one .bss; only its generic functions have sections of their own)
and any symbol of 4 KiB or more (the runtime's 64 KiB metadata pool). Listed early, they
would push every small section listed after them megabytes or pages away; so they come
after the small ones, the 4 KiB ones last.
"""
import bisect
import re
import subprocess
import sys
import time


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def symbols_in_large_sections(archive, threshold=16 * 1024):
    """The symbols of STDLIB_ARCHIVE that share a section of threshold bytes or more
    with others: chiefly Swift.o's one .text, .data and .bss for most of the standard
    library (its generic functions have sections of their own, and are placed freely)."""
    names, sections = set(), {}
    in_symbols = False
    for line in run("readelf", "-SWs", archive).splitlines():
        if line.startswith("File: "):
            sections, in_symbols = {}, False
        elif line.startswith("Symbol table"):
            in_symbols = True
        elif not in_symbols:
            m = re.match(r"\s*\[\s*(\d+)\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)", line)
            if m:
                sections[m.group(1)] = (m.group(2), int(m.group(3), 16))
        else:
            fields = line.split()
            # Num: Value Size Type Bind Vis Ndx Name
            if len(fields) == 8 and fields[3] in ("FUNC", "OBJECT") and fields[6] in sections:
                name, size = sections[fields[6]]
                if size >= threshold and name in (".text", ".data", ".bss", ".rodata", ".data.rel.ro"):
                    names.add(fields[7])
    return names


def ifunc_targets(binary):
    """The functions this machine's C library picked for its IFUNCs (memcpy, strlen …):
    read from a running weir's GOT, where the IRELATIVE relocations put them. valgrind
    emulates a processor with fewer features, so the callgrind runs name other variants
    (__memcpy_avx_unaligned where the machine runs __memmove_avx512_unaligned_erms)."""
    slots = []
    for line in run("readelf", "-rW", binary).splitlines():
        fields = line.split()
        if len(fields) >= 3 and fields[2].endswith("_IRELATIVE"):
            slots.append(int(fields[0], 16))
    if not slots:
        return []
    names = {}
    for line in run("nm", "--defined-only", binary).splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] in "tTwW":
            names.setdefault(int(fields[0], 16), fields[2])
    child = subprocess.Popen([binary, "-c", "read -r x"], stdin=subprocess.PIPE)
    targets = []
    try:
        time.sleep(0.3)
        with open("/proc/%d/mem" % child.pid, "rb") as mem:
            for slot in slots:
                mem.seek(slot)
                address = int.from_bytes(mem.read(8), "little")
                if address in names:
                    targets.append(names[address])
    except OSError as e:
        # Reading another process's memory may be refused (ptrace_scope): the order is
        # still good, only without this machine's variants.
        print("startup-order.py: IFUNC variants not read: %s" % e, file=sys.stderr)
    finally:
        child.communicate(b"\n")
    return targets


def stem(name):
    """memcpy for __memcpy_avx_unaligned_erms: the function a variant implements."""
    return name.lstrip("_").split("_", 1)[0]


def writable_ranges(binary):
    """(low, high) of each allocated, writable section but TLS."""
    ranges = []
    for line in run("readelf", "-SW", binary).splitlines():
        fields = line.split("]", 1)[-1].split()
        # name type address offset size entsize flags …
        if len(fields) < 7 or not fields[2].strip("0"):
            continue
        if "W" in fields[6] and "A" in fields[6] and "T" not in fields[6]:
            low = int(fields[2], 16)
            ranges.append((low, low + int(fields[4], 16)))
    return sorted(ranges)


def data_symbols(binary):
    symbols = []
    for line in run("nm", "-S", "--defined-only", binary).splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[2] in "dDbBrRvV":
            symbols.append((int(fields[0], 16), int(fields[1], 16), fields[3]))
    return sorted(symbols)


def functions_called(path):
    """callgrind's function names in the order it first met them (`name'2` is name)."""
    with open(path) as f:
        for m in re.finditer(r"^c?fn=\(\d+\) (\S+)", f.read(), re.M):
            name = re.sub(r"'\d+$", "", m.group(1))
            if not name.startswith("0x"):
                yield name


def data_touched(binary, traces):
    ranges, symbols = writable_ranges(binary), data_symbols(binary)
    starts = [s[0] for s in symbols]
    written, read = {}, {}
    for trace in traces:
        with open(trace) as f:
            for line in f:
                # " S 0c3b5a28,8" store, " M …" modify, " L …" load ("I" is code).
                if len(line) < 4 or line[0] != " " or line[1] not in "SML":
                    continue
                address = int(line[3:].split(",", 1)[0], 16)
                r = bisect.bisect_right(ranges, (address, float("inf"))) - 1
                if r < 0 or address >= ranges[r][1]:
                    continue
                i = bisect.bisect_right(starts, address) - 1
                if i < 0 or address >= symbols[i][0] + symbols[i][1]:
                    continue
                target = read if line[1] == "L" else written
                target.setdefault(symbols[i][2], len(target))
    sizes = {name: size for _, size, name in symbols}
    return written, {n: i for n, i in read.items() if n not in written}, sizes


def main():
    args = sys.argv[1:]
    if len(args) < 4 or "--calls" not in args or "--memory" not in args:
        sys.exit(__doc__)
    binary, archive = args[0], args[1]
    calls = args[args.index("--calls") + 1:args.index("--memory")]
    memory = args[args.index("--memory") + 1:]
    stdlib = symbols_in_large_sections(archive)

    functions = {}
    called = [name for path in calls for name in functions_called(path)]
    # The variants the machine itself runs, of the functions the runs called, first.
    stems = {stem(name) for name in called}
    for name in ifunc_targets(binary):
        if stem(name) in stems:
            functions.setdefault(name, len(functions))
    for name in called:
        functions.setdefault(name, len(functions))
    written, read, sizes = data_touched(binary, memory)

    def placed(order, sizes=None):
        sizes = sizes or {}
        def rank(name):
            if sizes.get(name, 0) >= 4096:
                return 2
            return 1 if name in stdlib else 0
        return sorted(order, key=lambda name: (rank(name), order[name]))

    for name in placed(functions) + placed(written, sizes) + placed(read, sizes):
        print(name)


main()
