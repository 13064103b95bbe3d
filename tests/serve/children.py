"""Child processes of the serve tests (allot serve, Chromium) that never
outlive the test: each runs in its own process group, which is killed when
the test ends, and gets SIGKILL from the kernel if the test process dies
first (a CTest timeout, say), so no server or browser is left running.
"""
import ctypes
import os
import signal
import subprocess

PR_SET_PDEATHSIG = 1


def _die_with_parent():
    # Linux only, like the tests; if it is not available the process group
    # kill in stop() still applies.
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def start(args, **kwargs):
    """subprocess.Popen(args) in a new process group that dies with us."""
    return subprocess.Popen(args, start_new_session=True, preexec_fn=_die_with_parent, **kwargs)


def kill_group(process):
    """Kills the process and everything it started (its process group)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        pass
