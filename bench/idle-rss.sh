#!/usr/bin/env bash
# Resident memory of an idle interactive shell: weir, bash and dash started on a
# pseudo-terminal (so they run their interactive setup: readline, history, job control),
# measured from /proc/PID/status once the prompt is up. One run, all shells.
# Usage: bench/idle-rss.sh   (WEIR=path/to/weir, default .build/release/weir)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
weir=${WEIR:-$here/../.build/release/weir}
[ -x "$weir" ] || { echo "idle-rss.sh: no weir binary at $weir (swift build -c release)" >&2; exit 1; }
python3 - "$weir" <<'PY'
import os, pty, sys, time, select, tempfile, shutil

def idle_rss(argv):
    home = tempfile.mkdtemp(prefix="weir-rss-")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TERM": "xterm",
           "PS1": "READY$ ", "HISTFILE": home + "/hist"}
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    out = b""
    deadline = time.time() + 5
    while b"READY$ " not in out and time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                out += os.read(fd, 4096)
            except OSError:
                break
    time.sleep(0.3)  # let it settle at the prompt
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            fields[k] = v.strip()
    os.write(fd, b"exit\n")
    time.sleep(0.2)
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    shutil.rmtree(home, ignore_errors=True)
    return fields.get("VmRSS", "?"), fields.get("VmHWM", "?")

shells = [("weir", [sys.argv[1], "--norc", "-i"]), ("bash", ["bash", "--norc", "--noprofile", "-i"]),
          ("dash", ["dash", "-i"])]
print(f"{'shell':6} {'VmRSS':>12} {'VmHWM':>12}")
results = {}
for name, argv in shells:
    rss, hwm = idle_rss(argv)
    results[name] = rss
    print(f"{name:6} {rss:>12} {hwm:>12}")
def kb(s): return int(s.split()[0])
print(f"weir/bash RSS: {kb(results['weir'])/kb(results['bash']):.2f}x   weir/dash: {kb(results['weir'])/kb(results['dash']):.2f}x")
PY
