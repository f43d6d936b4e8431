"""What the benchmark sends: signing in through the real form, wrk and its Lua script, the
idle keep-alive connections browsers hold, a new visitor's wait, and fairness among clients.

Part of `make bench` (bench/run.py); read bench/README.md first.
"""

import gzip
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from typing import Any
from urllib.parse import urlencode

from server import BROWSER_HEADERS, HOST, PORT, fetch


def sign_in(email: str, password: str) -> dict[str, str]:
    """Sign in through the real form, as a person would; returns the cookies and a token."""
    status, head, body = fetch("/accounts/login/")
    cookies = dict(c.split("=", 1) for c in head["set-cookie"].split("; ") if "=" in c)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if status != 200 or not token:
        sys.exit(f"The sign-in page answered {status}.")
    form = {"login": email, "password": password, "csrfmiddlewaretoken": token.group(1).decode()}
    status, head, _ = fetch(
        "/accounts/login/",
        method="POST",
        body=urlencode(form),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        },
    )
    cookies.update(c.split("=", 1) for c in head["set-cookie"].split("; ") if "=" in c)
    if status != 302 or "sessionid" not in cookies:
        sys.exit(f"Signing in as {email} failed ({status}).")
    # Follow the redirect as a browser does: the page shows "signed in" once and clears the
    # message cookie. Without this every later request would carry the stale message and
    # be a page with a message to show, which no reader sees after their first page.
    _, head, _ = fetch(
        head.get("location", "/"),
        headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())},
    )
    cookies.update(c.split("=", 1) for c in head["set-cookie"].split("; ") if "=" in c)
    cookies = {k: v for k, v in cookies.items() if v not in ("", '""')}
    return {
        "cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        "csrf": cookies["csrftoken"],
    }


# --- wrk --------------------------------------------------------------------------------------

LUA = r"""
local specs = %(specs)s
local n = 0
request = function()
  n = n + 1
  local s = specs[(n %% #specs) + 1]
  local body = s.body
  if body ~= nil then
    body = body .. "&body=A+benchmark+comment%%2C+number+" .. n .. "%%2C+with+**some**+Markdown."
  end
  return wrk.format(s.method, s.path, s.headers, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %%d, "duration_us": %%d, "bytes": %%d, "p50_us": %%d, "p99_us": %%d, '
    .. '"max_us": %%d, "status_errors": %%d, "socket_errors": %%d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50),
    latency:percentile(99), latency.max, e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def lua_table(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"[{lua_table(k)}] = {lua_table(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "{" + ", ".join(lua_table(v) for v in value) + "}"
    if value is None:
        return "nil"
    return json.dumps(value)  # a JSON string is a valid Lua string for what we send


def wrk(specs: list[dict[str, Any]], connections: int, seconds: float) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % {"specs": lua_table(specs)})
    try:
        out = subprocess.run(  # noqa: S603
            ["wrk", "-t", str(min(connections, 2)), "-c", str(connections),  # noqa: S607
             "-d", f"{max(1, round(seconds))}s", "--timeout", "10s", "-s", script.name,
             f"http://{HOST}:{PORT}/"],
            capture_output=True, text=True,
        )  # fmt: skip
    finally:
        os.unlink(script.name)
    if out.returncode:
        sys.exit(f"wrk failed: {out.stderr or out.stdout}")
    out = out.stdout
    line = next(line for line in out.splitlines() if line.startswith("BENCH "))
    raw = json.loads(line[6:])
    seconds_taken = raw["duration_us"] / 1e6
    return {
        "rps": raw["requests"] / seconds_taken,
        "p50_ms": raw["p50_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "errors": raw["status_errors"] + raw["socket_errors"],
        "requests": raw["requests"],
    }


# --- What browsers do besides loading pages --------------------------------------------------


class IdleConnections:
    """Keep-alive connections held open doing nothing, as browsers hold them between pages,
    plus a few opened ahead of time that never send anything. Each keep-alive one loads
    /ping/ again every few seconds, as a reader clicking on would, so that the server's
    10 s idle timeout does not close it during a long run; a failed reuse is counted."""

    def __init__(self, count: int, every: float = 5.0) -> None:
        self.every = every
        self.failures = 0
        self.slowest_ms = 0.0
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._hold, daemon=True) for _ in range(count)]
        self._ready = threading.Barrier(count + 1)
        for thread in self._threads:
            thread.start()
        self._ready.wait(timeout=120)
        self.silent = [socket.create_connection((HOST, PORT)) for _ in range(count // 5)]

    def _ping(self, conn: http.client.HTTPConnection) -> bool:
        started = time.monotonic()
        try:
            conn.request("GET", "/ping/")
            ok = conn.getresponse().read() == b"pong\n"
        except (OSError, http.client.HTTPException):
            ok = False
        self.slowest_ms = max(self.slowest_ms, (time.monotonic() - started) * 1000)
        return ok

    def _hold(self) -> None:
        conn = http.client.HTTPConnection(HOST, PORT, timeout=60)
        if not self._ping(conn):
            self.failures += 1
        self._ready.wait(timeout=120)
        while not self._stop.wait(self.every):
            if not self._ping(conn):
                self.failures += 1
                conn.close()
                conn = http.client.HTTPConnection(HOST, PORT, timeout=60)
        conn.close()

    def close(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)
        for sock in self.silent:
            sock.close()


def new_visitor_ms(path: str = "/", tries: int = 5) -> float:
    """The median time a new connection waits for a page while the idle ones are held."""
    took = []
    for _ in range(tries):
        started = time.monotonic()
        fetch(path)
        took.append((time.monotonic() - started) * 1000)
    return sorted(took)[len(took) // 2]


def fairness(
    path: str, sessions: list[dict[str, str]], clients: int, seconds: float
) -> dict[str, Any]:
    """`clients` people on their own keep-alive connections load `path` as fast as they are
    answered: how many answers each got in `seconds`, and the longest any request waited.
    A server that lets a few connections take every turn shows a low minimum and a Jain
    index far below 1 (1/n when one client gets everything), whatever its p99."""
    until = time.monotonic() + seconds
    counts = [0] * clients
    waits: list[float] = []
    errors = [0]

    def client(index: int) -> None:
        headers = dict(BROWSER_HEADERS, Cookie=sessions[index % len(sessions)]["cookie"])
        conn = http.client.HTTPConnection(HOST, PORT, timeout=120)
        while time.monotonic() < until:
            started = time.monotonic()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection(HOST, PORT, timeout=120)
            now = time.monotonic()
            waits.append(now - started)
            if not ok:
                errors[0] += 1
            elif now <= until:
                counts[index] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    total = sum(counts)
    waits.sort()
    return {
        "clients": clients,
        "answers": total,
        "min_per_client": min(counts),
        "max_per_client": max(counts),
        "starved": counts.count(0),
        "jain": total * total / (clients * sum(c * c for c in counts)) if total else 0.0,
        "p99_ms": waits[int(len(waits) * 0.99)] * 1000 if waits else 0.0,
        "max_ms": waits[-1] * 1000 if waits else 0.0,
        "errors": errors[0],
    }


def build_specs(target: dict[str, Any], sessions: list[dict[str, str]]) -> list[dict[str, Any]]:
    specs = []
    people = sessions if target["signed_in"] else [None]
    for person in people:
        for path in target["paths"]:
            headers = dict(BROWSER_HEADERS)
            spec: dict[str, Any] = {"method": target.get("method", "GET"), "path": path}
            if person:
                headers["Cookie"] = person["cookie"]
            if spec["method"] == "POST":
                headers["Content-Type"] = "application/x-www-form-urlencoded"
                spec["body"] = f"csrfmiddlewaretoken={person['csrf']}"  # type: ignore[index]
            spec["headers"] = headers
            specs.append(spec)
    return specs


def page_weight(path: str, person: dict[str, str] | None) -> tuple[float, float]:
    headers = dict(BROWSER_HEADERS, **({"Cookie": person["cookie"]} if person else {}))
    headers["Accept-Encoding"] = "gzip"
    _, head, body = fetch(path, headers=headers)
    wire = len(body)
    html = gzip.decompress(body) if head.get("content-encoding") == "gzip" else body
    return len(html) / 1024, wire / 1024
