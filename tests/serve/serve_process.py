"""Starts `allot serve --port 0` for a test and stops it again.

The server prints its address on its first line ("allot serve:
http://127.0.0.1:PORT/"); the port is read from there, so every test has
a free port of its own. Stopping sends SIGTERM, which the server answers by
returning from its loop and exiting 0; a server that does not stop within
20 s (or a test that ends early) is killed with its process group.
"""
import re
import signal
import subprocess
import threading

import children

START_TIMEOUT = 60  # seconds; loading the shipped model takes well under one


class ServeProcess:
    def __init__(self, allot, cwd, args=()):
        self.process = children.start([allot, "serve", "--port", "0", *args], cwd=cwd,
                                      stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True)
        # Both pipes are read all the time, so the server never blocks on a
        # full pipe; the first line of standard output is the address.
        self.out, self.err = [], []
        self._first = threading.Event()
        self._readers = [threading.Thread(target=self._drain, args=(self.process.stdout, self.out)),
                         threading.Thread(target=self._drain, args=(self.process.stderr, self.err))]
        for reader in self._readers:
            reader.daemon = True
            reader.start()
        started = self._first.wait(START_TIMEOUT)
        first = self.out[0] if self.out else ""
        match = re.search(r"http://([0-9.]+):(\d+)/", first)
        if not match:
            children.kill_group(self.process)
            for reader in self._readers:
                reader.join(timeout=5)
            why = "printed" if started else f"printed nothing within {START_TIMEOUT} s; it said"
            raise RuntimeError(f"allot serve did not start: it {why} {first!r} {''.join(self.err)}")
        self.host, self.port = match.group(1), int(match.group(2))
        self.url = f"http://{self.host}:{self.port}/"
        self.banner = first

    def _drain(self, pipe, lines):
        for line in pipe:
            lines.append(line)
            if pipe is self.process.stdout:
                self._first.set()
        self._first.set()  # the pipe closed: the server ended

    def stop(self):
        """Stops the server; returns its exit code (-9 when it had to be killed)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            children.kill_group(self.process)
            code = self.process.wait()
        for reader in self._readers:
            reader.join(timeout=5)
        return code

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
