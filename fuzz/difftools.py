"""Shared by diff-arith.py, diff-pattern.py and mutate-scripts.py: running a script under
weir and bash, in a fresh folder, with a time limit."""
import os
import shutil
import signal
import subprocess
import tempfile

WEIR_SOURCE = "/work/main/.build/release/weir"
WEIR_COPY = "/tmp/weir-fuzz-bin"
BASH = shutil.which("bash") or "/bin/bash"


def weir_binary(source=WEIR_SOURCE, copy=WEIR_COPY):
    """A private copy of the release binary (the original is rebuilt often)."""
    if not os.path.exists(source):
        raise SystemExit(f"no weir binary at {source}: build it with swift build -c release")
    shutil.copy2(source, copy + ".tmp")
    os.replace(copy + ".tmp", copy)
    return copy


def run(argv, script, locale="C", timeout=60, stdin_path="/dev/null", cwd=None, unprivileged=False):
    """Runs `argv FILE` with the script in a file, in a fresh temporary folder (cwd and
    HOME), under `timeout -k`. Returns (returncode, stdout bytes, stderr bytes, timed_out);
    returncode is negative for a death by signal, as subprocess reports it."""
    own = cwd is None
    folder = tempfile.mkdtemp(prefix="weir-fuzz-") if own else cwd
    try:
        path = os.path.join(folder, ".fuzz-script.sh")
        with open(path, "wb") as f:
            f.write(script)
        # TMP too: the conformance files write to `$TMP/…` (`echo … > $TMP/bin/tr`, then
        # `rm $TMP/bin/tr`); unset, that is `/bin/tr`, and a run as root deletes the system's.
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": folder, "LC_ALL": locale,
               "TMPDIR": folder, "TMP": folder, "TERM": "dumb"}
        prefix = []
        if unprivileged and os.geteuid() == 0:
            # Mutated scripts run as nobody: run as root, a mangled path (`> /devnull`,
            # `rm $TMP/bin/tr` with TMP unset) writes or deletes system files.
            os.chmod(folder, 0o777)
            os.chmod(path, 0o644)
            prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        with open(stdin_path, "rb") as stdin:
            # timeout -k: SIGTERM at the limit, SIGKILL 2 s later; --foreground is not
            # used, so the child gets its own process group and grandchildren die too.
            p = subprocess.Popen(["timeout", "-k", "2", str(timeout)] + prefix + list(argv) + [path],
                                 stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 cwd=folder, env=env)
            try:
                so, se = p.communicate(timeout=timeout + 5)
            except subprocess.TimeoutExpired:
                # The shell has ended (or timeout(1) killed it), but a descendant that
                # ignores SIGTERM (`trap '' TERM; sleep 1e20 &`) still holds the pipes:
                # kill timeout(1)'s process group (its pgid is its pid), then read what's left.
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
                try:
                    so, se = p.communicate(timeout=5)
                except subprocess.TimeoutExpired:
                    p.kill()
                    so, se = b"", b""
        # timeout(1) exits 124 at the limit (137 when it had to send SIGKILL), and passes a
        # death by signal on as its own (a negative returncode here).
        timed_out = p.returncode in (124, 137)
        return p.returncode, so, se, timed_out
    finally:
        if own:
            shutil.rmtree(folder, ignore_errors=True)
