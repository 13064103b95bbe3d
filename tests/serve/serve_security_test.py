#!/usr/bin/env python3
"""The security rules of allot serve, tested with raw HTTP requests.

Starts `allot serve --port 0` twice (default limits, then tight ones) and
checks, byte for byte what a browser or an attacker could send:
- only requests addressed to the server's own names (Host) are answered:
  DNS rebinding (evil.example resolving to 127.0.0.1) gets 403;
- requests from other origins (Origin, Sec-Fetch-Site) get 403; API calls
  must be JSON (a cross-site form cannot send it without asking first, and
  the server never answers CORS); other methods get 405;
- no URL reads a file: traversal attempts get 404;
- saves go into --dir only: names with separators, "..", encoded or absolute
  paths, links and folders are refused, nothing is written elsewhere, an
  existing file is replaced only when the request says so;
- bodies over --max-body get 413, clients over --max-rate get 429;
- every answer carries the Content-Security-Policy and nosniff, and never an
  Access-Control-Allow-Origin;
- --bind to another address prints a warning.

usage: tests/serve/serve_security_test.py ALLOT SOURCE_DIR
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_process import ServeProcess

problems = []
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")


def check(condition, message):
    if not condition:
        problems.append(message)
        print("FAIL:", message)
    return condition


def raw(port, request):
    """Sends `request` (bytes, as is) and returns (status, headers, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(request)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
            head, sep, body = data.partition(b"\r\n\r\n")
            if sep:
                length = [l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")]
                if length and len(body) >= int(length[0].split(b":")[1]):
                    break
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.setdefault(name.strip().lower(), []).append(value.strip())
    return status, headers, body


def request(port, method, path, headers=None, body=b"", host=None):
    """A request with the usual headers; `headers` adds or (with None) removes some."""
    fields = {"Host": host if host is not None else f"127.0.0.1:{port}", "Connection": "close"}
    if body or method == "POST":
        fields["Content-Type"] = "application/json"
        fields["Content-Length"] = str(len(body))
    for name, value in (headers or {}).items():
        if value is None:
            fields.pop(name, None)
        else:
            fields[name] = value
    text = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields.items())
    return raw(port, text.encode("latin-1") + b"\r\n" + body)


def post(port, path, payload, headers=None):
    status, head, body = request(port, "POST", path, headers, json.dumps(payload).encode())
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    return status, head, data


def check_headers(head, what, csp=PAGE_CSP):
    check(head.get("content-security-policy") == [csp], f"{what}: CSP {head.get('content-security-policy')}")
    check(head.get("x-content-type-options") == ["nosniff"], f"{what}: no nosniff")
    check("access-control-allow-origin" not in head, f"{what}: sends Access-Control-Allow-Origin")


def test_hosts(port):
    ok = f"127.0.0.1:{port}"
    for host, expected in [(ok, 200), (f"localhost:{port}", 200), (f"LOCALHOST:{port}", 200),
                           (f"[::1]:{port}", 200), (f"evil.example:{port}", 403),
                           ("127.0.0.1", 403), (f"127.0.0.1:{port + 1}", 403),
                           (f"127.0.0.1.evil.example:{port}", 403), ("", 403)]:
        status, head, _ = request(port, "GET", "/api/describe", host=host)
        check(status == expected, f"Host {host!r}: {status}, expected {expected}")
        check_headers(head, f"Host {host!r}")
    status, _, _ = raw(port, b"GET / HTTP/1.0\r\n\r\n")
    check(status == 403, f"no Host header: {status}")
    status, _, _ = raw(port, f"GET / HTTP/1.1\r\nHost: {ok}\r\nHost: evil.example\r\n"
                             f"Connection: close\r\n\r\n".encode())
    check(status == 403, f"two Host headers: {status}")


def test_origins(port):
    draft = {"new_from": "model"}
    for origin, expected in [(f"http://127.0.0.1:{port}", 200), (f"http://localhost:{port}", 200),
                             ("http://evil.example", 403), ("null", 403),
                             (f"https://127.0.0.1:{port}", 403), (f"http://127.0.0.1:{port + 1}", 403),
                             (f"http://evil.example:{port}", 403), (None, 200)]:
        status, head, _ = post(port, "/api/evaluate", draft, {"Origin": origin})
        check(status == expected, f"Origin {origin!r}: {status}, expected {expected}")
        check_headers(head, f"Origin {origin!r}")
    for site, mode, path, expected in [("cross-site", "no-cors", "/api/describe", 403),
                                       ("cross-site", "cors", "/api/describe", 403),
                                       ("same-site", "cors", "/api/describe", 403),
                                       ("cross-site", "no-cors", "/app.js", 403),
                                       ("cross-site", "navigate", "/", 200),
                                       ("same-origin", "cors", "/api/describe", 200),
                                       ("none", "navigate", "/", 200)]:
        status, _, _ = request(port, "GET", path, {"Sec-Fetch-Site": site, "Sec-Fetch-Mode": mode})
        check(status == expected, f"Sec-Fetch-Site {site}, mode {mode}, {path}: {status}")
    status, _, _ = request(port, "POST", "/api/evaluate",
                           {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"},
                           json.dumps(draft).encode())
    check(status == 403, f"a cross-site form post (navigate): {status}")


def test_methods_and_types(port):
    body = json.dumps({"new_from": "model"}).encode()
    for content_type, expected in [("text/plain", 415), ("application/x-www-form-urlencoded", 415),
                                   ("multipart/form-data; boundary=x", 415),
                                   ("application/json; charset=utf-8", 200), ("", 415)]:
        status, _, _ = request(port, "POST", "/api/evaluate", {"Content-Type": content_type}, body)
        check(status == expected, f"POST as {content_type!r}: {status}, expected {expected}")
    for method in ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]:
        status, head, _ = request(port, method, "/api/evaluate",
                                  {"Access-Control-Request-Method": "POST",
                                   "Origin": f"http://127.0.0.1:{port}"})
        check(status == 405, f"{method}: {status}")
        check("access-control-allow-origin" not in head, f"{method}: CORS answered")
    status, _, data = post(port, "/api/nothing", {})
    check(status == 404, f"an unknown API call: {status}")
    status, _, body = request(port, "POST", "/api/evaluate", None, b"{")
    check(status == 400 and b"not JSON" in body, f"broken JSON: {status} {body[:80]}")


def test_paths(port):
    for path in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                 "/..%2f..%2f..%2fetc%2fpasswd", "//etc/passwd", "/app.js/../../../../etc/passwd",
                 "/report/../../../../etc/passwd", "/report/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                 "/%5c..%5c..%5cetc%5cpasswd", "/etc/passwd", "/index.html", "/src/serve/assets/app.js",
                 "/report/", "/report/0123456789abcdef0123456789abcdef"]:
        status, head, body = request(port, "GET", path)
        check(status == 404, f"GET {path}: {status}")
        check(b"root:" not in body, f"GET {path} returned a file")
        check_headers(head, f"GET {path}")


def save(port, name, overwrite=False):
    draft = post(port, "/api/evaluate", {"new_from": "model"})[2]["draft"]["yaml"]
    return post(port, "/api/save", {"draft": draft, "file": name, "overwrite": overwrite})


def listing(path):
    return sorted(os.listdir(path))


def test_saves(port, saves, outside, allot, source_dir):
    before_saves, before_outside = listing(saves), listing(outside)
    for name in ["../escape.yaml", "../../escape.yaml", "/tmp/escape.yaml", outside + "/escape.yaml",
                 "..%2Fescape.yaml", "%2e%2e%2fescape.yaml", "sub/escape.yaml", "..\\escape.yaml",
                 "escape.yaml\u0000.txt", ".hidden.yaml", "-escape.yaml", "escape.txt", "escape",
                 "", "a" * 101 + ".yaml", "\u2215escape.yaml", "escape.yaml/", "..", ".",
                 "escape\u002fx.yaml", "~/escape.yaml", "escape.yaml\n"]:
        status, head, data = save(port, name)
        check(status == 400, f"save as {name!r}: {status} {data}")
    check(listing(saves) == before_saves, f"a refused save wrote into --dir: {listing(saves)}")
    check(listing(outside) == before_outside, f"a save wrote outside --dir: {listing(outside)}")
    check(not os.path.exists("/tmp/escape.yaml"), "a save wrote /tmp/escape.yaml")

    # A link in --dir to a file elsewhere is never written through, nor replaced.
    with open(os.path.join(outside, "target.yaml")) as f:
        target = f.read()
    for overwrite in (False, True):
        status, _, data = save(port, "link.yaml", overwrite)
        check(status == 400, f"save over a link (overwrite={overwrite}): {status} {data}")
        status, _, data = save(port, "folder.yaml", overwrite)
        check(status == 400, f"save over a folder (overwrite={overwrite}): {status} {data}")
    with open(os.path.join(outside, "target.yaml")) as f:
        check(f.read() == target, "the link's target was written")
    check(os.path.islink(os.path.join(saves, "link.yaml")), "the link was replaced")

    # An existing file: 409 without overwrite (and unchanged), replaced with it.
    status, _, data = save(port, "taken.yaml")
    check(status == 409 and data.get("exists") is True, f"save over an existing file: {status} {data}")
    with open(os.path.join(saves, "taken.yaml")) as f:
        check(f.read() == "keep me\n", "an existing file changed without overwrite")
    status, _, data = save(port, "taken.yaml", True)
    check(status == 200, f"overwrite: {status} {data}")
    status, _, data = save(port, "fresh.yaml")
    check(status == 200 and data.get("file") == "fresh.yaml", f"a new file: {status} {data}")
    for name in ("taken.yaml", "fresh.yaml"):
        done = subprocess.run([allot, "check", "model", os.path.join(saves, name)], cwd=source_dir,
                              capture_output=True, text=True)
        check(done.returncode == 0, f"allot check {name}: {done.stderr}")
    stray = [n for n in listing(saves) if n.startswith(".")]
    check(not stray, f"temporary files left in --dir: {stray}")


def test_report(port):
    draft = post(port, "/api/evaluate", {"new_from": "model"})[2]["draft"]["yaml"]
    status, _, data = post(port, "/api/report", {"draft": draft, "lang": "nl"})
    check(status == 200 and data["url"].startswith("/report/"), f"report: {status} {data}")
    status, head, body = request(port, "GET", data["url"])
    check(status == 200 and body.startswith(b"<!DOCTYPE html>"), f"GET the report: {status}")
    check(b"<script" not in body, "the report has a script")
    check_headers(head, "the report", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def test_limits(allot, source_dir, saves):
    with ServeProcess(allot, source_dir, ["--dir", saves, "--max-rate", "5", "--max-body", "4096"]) as s:
        status, head, _ = request(s.port, "POST", "/api/evaluate", None, b"{" + b" " * 8192 + b"}")
        check(status == 413, f"an 8 KiB body with --max-body 4096: {status}")
        check_headers(head, "413")
        time.sleep(2.5)  # let the bucket fill again (5 a second, bursts of 10)
        # Requests one after another until one is refused: on a slow machine
        # (a sanitizer build, a loaded CI runner) each takes longer and the
        # bucket refills between them, so there is no fixed count; 300 at
        # 5 a second would need 58 s of answers.
        statuses = []
        while 429 not in statuses and len(statuses) < 300:
            statuses.append(request(s.port, "GET", "/api/describe")[0])
        check(statuses[:8] == [200] * 8, f"the first requests of a burst: {statuses}")
        check(429 in statuses, f"{len(statuses)} requests at once with --max-rate 5: {statuses}")
        status, head, _ = request(s.port, "GET", "/api/describe")
        if status == 429:
            check(head.get("retry-after") == ["1"], f"429 without Retry-After: {head}")
        time.sleep(1.5)
        check(request(s.port, "GET", "/api/describe")[0] == 200, "still refused after a pause")


def test_bind_warning(allot, source_dir, saves):
    with ServeProcess(allot, source_dir, ["--dir", saves, "--bind", "0.0.0.0"]) as s:
        check(request(s.port, "GET", "/")[0] == 200, "--bind 0.0.0.0: the page")
        check(request(s.port, "GET", "/", host=f"192.0.2.1:{s.port}")[0] == 403,
              "--bind 0.0.0.0 answers to any Host")
        time.sleep(0.2)
    check(any("warning: listening on 0.0.0.0" in line for line in s.err),
          f"--bind 0.0.0.0 printed no warning: {s.err}")
    with ServeProcess(allot, source_dir, ["--dir", saves]) as s:
        time.sleep(0.2)
    check(not any("warning" in line for line in s.err), f"a warning on loopback: {s.err}")


def main():
    allot, source_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    work = tempfile.mkdtemp(prefix="allot-serve-security-")
    saves, outside = os.path.join(work, "saves"), os.path.join(work, "outside")
    os.makedirs(saves)
    os.makedirs(outside)
    os.makedirs(os.path.join(saves, "folder.yaml"))
    with open(os.path.join(outside, "target.yaml"), "w") as f:
        f.write("format: allot/1\nscenario: untouched\n")
    os.symlink(os.path.join(outside, "target.yaml"), os.path.join(saves, "link.yaml"))
    with open(os.path.join(saves, "taken.yaml"), "w") as f:
        f.write("keep me\n")
    try:
        server = ServeProcess(allot, source_dir, ["--dir", saves, "--max-rate", "0"])
        try:
            port = server.port
            status, head, _ = request(port, "GET", "/")
            check(status == 200, f"GET /: {status}")
            check_headers(head, "GET /")
            for step in (test_hosts, test_origins, test_methods_and_types, test_paths):
                step(port)
            test_saves(port, saves, outside, allot, source_dir)
            test_report(port)
            check(request(port, "GET", "/")[0] == 200, "the server stopped answering")
        finally:
            code = server.stop()
            check(code == 0, f"allot serve exited with {code}: {''.join(server.err)}")
        test_limits(allot, source_dir, saves)
        test_bind_warning(allot, source_dir, saves)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'FAILED' if problems else 'passed'}: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
