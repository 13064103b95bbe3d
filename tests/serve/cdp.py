"""A small client of the Chrome DevTools Protocol, for the browser tests of
allot serve: starts Debian's headless Chromium, opens pages, runs JavaScript
in them, types and presses keys, takes screenshots, and collects console
errors, exceptions and Content-Security-Policy violations.

Uses python3-websocket (Debian). Only what the tests need; every call waits
for its answer, events are kept in order while waiting.
"""
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time

import websocket

import children

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-quic", "--disable-extensions",
         "--disable-dev-shm-usage", "--remote-debugging-port=0", "--remote-allow-origins=*"]


class CdpError(Exception):
    pass


def have_chromium():
    return shutil.which("chromium") is not None


class Browser:
    """Headless Chromium with one page, driven over the DevTools protocol."""

    def __init__(self, width=1366, height=900):
        self.profile = tempfile.mkdtemp(prefix="allot-chromium-")
        # Chromium's own messages go to a file, never into a pipe nobody
        # reads (a full pipe would stop the browser).
        self.log_path = self.profile + ".log"
        with open(self.log_path, "w") as log:
            self.process = children.start(
                ["chromium", *FLAGS, f"--user-data-dir={self.profile}",
                 f"--window-size={width},{height}", "about:blank"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        try:
            self.socket = websocket.create_connection(self._devtools_url(), timeout=60,
                                                      suppress_origin=True)
            self.next_id = 0
            self.events = []
            self.problems = []  # console errors, exceptions, CSP violations
            targets = self.call("Target.getTargets")["targetInfos"]
            page = next(t for t in targets if t["type"] == "page")
            self.session = self.call("Target.attachToTarget", targetId=page["targetId"],
                                     flatten=True)["sessionId"]
            for domain in ("Page", "Runtime", "Log"):
                self.send(f"{domain}.enable")
            self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                      deviceScaleFactor=1, mobile=False)
        except BaseException:
            self._stop()
            raise

    def _devtools_url(self):
        """With --remote-debugging-port=0 Chromium picks a free port and
        writes it, with the browser's path, to DevToolsActivePort in the
        profile."""
        active = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise CdpError(f"chromium exited ({self.process.returncode}) before it listened:\n"
                               + self.log_tail())
            try:
                with open(active) as f:
                    lines = f.read().split("\n")
                if len(lines) >= 2 and lines[0].isdigit() and lines[1].startswith("/"):
                    return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
            except FileNotFoundError:
                pass
            time.sleep(0.1)
        raise CdpError("chromium did not listen within 90 s:\n" + self.log_tail())

    def log_tail(self, lines=20):
        try:
            with open(self.log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""

    def _stop(self):
        children.kill_group(self.process)
        shutil.rmtree(self.profile, ignore_errors=True)
        try:
            os.remove(self.log_path)
        except OSError:
            pass

    def close(self):
        try:
            self.socket.close()
        finally:
            self._stop()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- the protocol ---------------------------------------------------------

    def call(self, method, session=None, **params):
        """Sends a command (to the browser, or to a page session) and returns its result."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise CdpError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._event(reply)

    def send(self, method, **params):
        """A command to the page."""
        return self.call(method, session=self.session, **params)

    def _event(self, event):
        self.events.append(event)
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            self.problems.append(f"exception: {text}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.problems.append("console: " + " ".join(
                str(a.get("value", a.get("description"))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            entry = params["entry"]
            # A 4xx answer the page expected (a refused save, say) is not a problem.
            if entry.get("source") != "network":
                self.problems.append(f"log ({entry.get('source')}): {entry['text']}")

    def pump(self, seconds=0.05):
        """Reads events for a while (the page works while we wait)."""
        self.socket.settimeout(seconds)
        try:
            while True:
                self._event(json.loads(self.socket.recv()))
        except websocket.WebSocketTimeoutException:
            pass
        finally:
            self.socket.settimeout(60)

    # --- the page -------------------------------------------------------------

    def open(self, url):
        self.send("Page.navigate", url=url)
        self.wait("document.readyState === 'complete'")

    def js(self, expression):
        """Evaluates `expression` in the page (awaiting a promise) and returns its value."""
        result = self.send("Runtime.evaluate", expression=expression, awaitPromise=True,
                           returnByValue=True)
        if "exceptionDetails" in result:
            raise CdpError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, expression, timeout=90):
        """Polls `expression` until it is true. Generous: a sanitizer build
        on a loaded 2-core runner is many times slower than a laptop."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.js(f"Boolean({expression})"):
                return
            self.pump(0.05)
        raise CdpError(f"timed out waiting for: {expression}")

    def focus(self, selector):
        if not self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
                       f" if (!e) return false; e.focus(); return document.activeElement === e; }})()"):
            raise CdpError(f"cannot focus {selector}")

    def key(self, key, code=None, key_code=0, text=None, modifiers=0):
        """Presses and releases one key, as a person at a keyboard would."""
        base = {"key": key, "code": code or key, "windowsVirtualKeyCode": key_code,
                "modifiers": modifiers}
        down = dict(base, type="keyDown")
        if text is not None:
            down["text"] = text
        self.send("Input.dispatchKeyEvent", **down)
        self.send("Input.dispatchKeyEvent", **dict(base, type="keyUp"))

    KEYS = {"Enter": 13, "Tab": 9, "ArrowRight": 39, "ArrowLeft": 37, "ArrowUp": 38,
            "ArrowDown": 40, "Escape": 27, "Space": 32, "Backspace": 8}

    def press(self, key, shift=False):
        text = {"Enter": "\r", "Space": " "}.get(key)
        name = " " if key == "Space" else key
        self.key(name, code=key, key_code=self.KEYS[key], text=text, modifiers=8 if shift else 0)

    def type(self, text):
        self.send("Input.insertText", text=text)

    def select_all(self):
        # Ctrl+A in a text field.
        self.send("Input.dispatchKeyEvent", type="keyDown", key="a", code="KeyA",
                  windowsVirtualKeyCode=65, modifiers=2, commands=["selectAll"])
        self.send("Input.dispatchKeyEvent", type="keyUp", key="a", code="KeyA",
                  windowsVirtualKeyCode=65, modifiers=2)

    def screenshot(self, path, full_page=False):
        params = {"format": "png"}
        if full_page:
            metrics = self.send("Page.getLayoutMetrics")
            size = metrics["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"],
                              "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", **params)["data"]
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))

    def targets(self):
        return self.call("Target.getTargets")["targetInfos"]
