"""`make bench`: load the production configuration with wrk and print how fast each page is.

Read bench/README.md first. In short: the data for BENCH_SIZE (small, medium, large) is built
once into its own database (BENCH_DB=sqlite or postgres), `manage.py serve` starts on
loopback with the production settings (debug off), and wrk, in its own process, loads each
page for BENCH_SECONDS after a warm-up, at 1 and 8 connections. The constant page /ping/ is
measured in the same run on the same server: every page is also shown as a share of it.
Throughout, BENCH_IDLE keep-alive connections are held open doing nothing, as browsers hold
them; then 50 clients load a signed-in thread at once, and the report says how evenly they
were served (answers per client, Jain's index) and the longest any request waited.

`python bench/run.py probe` is the part that runs inside Django (a subprocess with the
benchmark's settings): it picks the pages to load and counts each one's queries.
"""

import gzip
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
MANAGE = [sys.executable, str(ROOT / "manage.py")]
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "3"))
CONNECTIONS = [int(c) for c in os.environ.get("BENCH_CONNECTIONS", "1,8").split(",")]
BROWSER_HEADERS = {"Accept-Encoding": "gzip, deflate, br", "Accept": "text/html"}
IDLE = int(os.environ.get("BENCH_IDLE", "100"))  # idle keep-alive connections held open
FAIR_CLIENTS = int(os.environ.get("BENCH_FAIR_CLIENTS", "50"))

# The targets of issue 6, for medium data at 8 connections.
ANON_SHARE, ANON_P99 = 25.0, 50.0
SIGNED_SHARE, SIGNED_P99 = 10.0, 100.0
WRITE_RPS, WRITE_P99 = 100.0, 150.0
GROWTH_PAGES = ["home", "community", "all posts", "thread 50", "thread 200", "tag", "archive"]


def say(line: str) -> None:
    print(line, flush=True)


# --- Databases and settings -------------------------------------------------------------------


def database_url(db: str, size: str) -> str:
    if db == "sqlite":
        (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{ROOT / 'var' / 'bench' / f'{size}.sqlite3'}"
    import psycopg

    server = os.environ.get("BENCH_PG", "postgresql://postgres@127.0.0.1:5432")
    # BENCH_PG_PREFIX: helpers sharing one server keep their databases apart.
    name = f"{os.environ.get('BENCH_PG_PREFIX', 'practica_bench')}_{size}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def environment(db: str, size: str) -> dict[str, str]:
    default_redis = "redis://127.0.0.1:6379/13" if db == "postgres" else ""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": database_url(db, size),
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", default_redis),
        # A throwaway key for a throwaway site: never written anywhere.
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": f"{HOST},localhost,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "EMAIL_URL": "dummymail://",
        "SITE_URL": f"http://{HOST}:{PORT}",
        "PYTHONUNBUFFERED": "1",
    }


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([*MANAGE, *args], env=env, check=True, cwd=ROOT)  # noqa: S603


def prepare(env: dict[str, str], size: str) -> None:
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "seed_scale", "--size", size)
    manage(env, "collectstatic", "--no-input", "-v0")
    if env["REDIS_URL"]:  # start from a cold cache
        import redis

        redis.Redis.from_url(env["REDIS_URL"]).flushdb()


# --- The server -------------------------------------------------------------------------------


class Server:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.log_path = log
        self.log = log.open("w")
        self.proc = subprocess.Popen(  # noqa: S603
            [*MANAGE, "serve", "--host", HOST, "--port", str(PORT)],
            env=env,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if fetch("/ping/")[0] == 200:
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        sys.exit(f"The server did not answer within a minute; see {log}.")

    def settle(self, limit: float = 180) -> None:
        """Wait until the task worker and the scheduler are idle: work left queued by an
        earlier run (or due at start, like reminders on a large site) must not compete
        with the measurements."""
        deadline = time.monotonic() + limit
        before = self._cpu_seconds()
        while time.monotonic() < deadline:
            time.sleep(1)
            now = self._cpu_seconds()
            if now - before < 0.05:
                return
            before = now

    def _cpu_seconds(self) -> float:
        total = 0
        for pid in descendants(self.proc.pid):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
        return total / os.sysconf("SC_CLK_TCK")

    def worker_rss_mb(self) -> float:
        """The largest resident memory among the web server's processes."""
        biggest = 0
        for pid in descendants(self.proc.pid):
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            if b"granian" not in cmdline:
                continue
            match = re.search(r"VmRSS:\s+(\d+) kB", status)
            if match:
                biggest = max(biggest, int(match.group(1)))
        return biggest / 1024

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


def descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def fetch(
    path: str, *, headers: dict[str, str] | None = None, method: str = "GET", body: str = ""
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
    try:
        conn.request(method, path, body=body or None, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        cookies = "; ".join(
            value.split(";", 1)[0]
            for key, value in response.getheaders()
            if key.lower() == "set-cookie"
        )
        head = {k.lower(): v for k, v in response.getheaders()}
        head["set-cookie"] = cookies
        return response.status, head, data
    finally:
        conn.close()


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


# --- One run ----------------------------------------------------------------------------------


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


def probe(env: dict[str, str]) -> dict[str, Any]:
    out = subprocess.run(  # noqa: S603
        [sys.executable, __file__, "probe"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if out.returncode:
        sys.exit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_size(
    db: str, size: str, *, pages: list[str] | None, connections: list[int]
) -> dict[str, Any]:
    env = environment(db, size)
    say(f"\n== {size} data on {db}{' with Redis' if env['REDIS_URL'] else ''} ==")
    prepare(env, size)
    plan = probe(env)
    log = ROOT / "var" / "bench" / f"server-{db}-{size}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    since = datetime.now(UTC).isoformat()
    server = Server(env, log)
    rows: list[dict[str, Any]] = []
    idle: IdleConnections | None = None
    fair: dict[str, Any] | None = None
    try:
        server.settle()
        sessions = [sign_in(email, plan["password"]) for email in plan["emails"]]
        targets = [t for t in plan["targets"] if pages is None or t["name"] in [*pages, "ceiling"]]
        idle = IdleConnections(IDLE)
        visitor_ms = new_visitor_ms()
        say(
            f"{IDLE} idle keep-alive connections held open: a new visitor waits {visitor_ms:.1f} ms"
        )
        memory = server.worker_rss_mb()
        for target in targets:
            specs = build_specs(target, sessions)
            html_kb, wire_kb = (0.0, 0.0)
            if target.get("method", "GET") == "GET":
                html_kb, wire_kb = page_weight(
                    target["paths"][0], sessions[0] if target["signed_in"] else None
                )
            for conns in connections:
                wrk(specs, conns, WARMUP)
                result = wrk(specs, conns, SECONDS)
                memory = max(memory, server.worker_rss_mb())
                row = {
                    "page": target["name"],
                    "path": target["paths"][0],
                    "signed_in": target["signed_in"],
                    "connections": conns,
                    **result,
                    "html_kb": html_kb,
                    "wire_kb": wire_kb,
                    "queries": target["queries"],
                }
                rows.append(row)
                say(format_row(row, None))
        if pages is None:
            slow = next(t for t in targets if t["name"] == "thread 50" and t["signed_in"])
            fair = fairness(slow["paths"][0], sessions, FAIR_CLIENTS, max(SECONDS, 5))
            fair["page"] = "thread 50 (signed in)"
            say(format_fairness(fair))
    finally:
        if idle is not None:
            idle.close()
        server.stop()
        subprocess.run(  # noqa: S603
            [sys.executable, __file__, "cleanup", since], env=env, cwd=ROOT, check=True
        )
    ceiling = {r["connections"]: r["rps"] for r in rows if r["page"] == "ceiling"}
    for row in rows:
        row["share"] = 100 * row["rps"] / ceiling[row["connections"]] if ceiling else None
    locked = log.read_text(errors="replace").count("database is locked")
    return {
        "db": db,
        "size": size,
        "redis": bool(env["REDIS_URL"]),
        "data": plan["data"],
        "rows": rows,
        "worker_rss_mb": round(memory, 1),
        "database_locked_errors": locked,
        "idle": {
            "connections": IDLE,
            "new_visitor_ms": round(visitor_ms, 1),
            "slowest_idle_reuse_ms": round(idle.slowest_ms, 1) if idle else None,
            "idle_failures": idle.failures if idle else None,
        },
        "fairness": fair,
    }


# --- Output -----------------------------------------------------------------------------------

HEADER = (
    f"{'page':<24} {'conns':>5} {'req/s':>8} {'% ceil':>7} {'p50 ms':>7} {'p99 ms':>7} "
    f"{'max ms':>7} {'errors':>6} {'KB html':>8} {'KB wire':>8} {'queries':>7}"
)


def format_row(row: dict[str, Any], share: float | None) -> str:
    name = row["page"] + (" (signed in)" if row["signed_in"] else "")
    share_text = f"{share:.0f}%" if share is not None else "-"
    return (
        f"{name:<24} {row['connections']:>5} {row['rps']:>8.0f} {share_text:>7} "
        f"{row['p50_ms']:>7.1f} {row['p99_ms']:>7.1f} {row['max_ms']:>7.0f} {row['errors']:>6} "
        f"{row['html_kb']:>8.1f} {row['wire_kb']:>8.1f} {row['queries']:>7}"
    )


def format_fairness(fair: dict[str, Any]) -> str:
    return (
        f"{fair['clients']} clients at once on {fair['page']}, with the idle connections held: "
        f"{fair['answers']} answers, {fair['min_per_client']}-{fair['max_per_client']} per "
        f"client ({fair['starved']} got none), Jain's index {fair['jain']:.2f}, "
        f"p99 {fair['p99_ms']:.0f} ms, longest wait {fair['max_ms']:.0f} ms, "
        f"errors {fair['errors']}"
    )


def verdicts(run: dict[str, Any]) -> list[str]:
    """The issue's targets, for 8 connections: what passed and what did not."""
    lines = []
    for row in run["rows"]:
        if row["connections"] != 8 or row["page"] == "ceiling":
            continue
        name = row["page"] + (" (signed in)" if row["signed_in"] else "")
        if row["page"] == "comment":
            if run["db"] == "postgres":
                ok = row["rps"] >= WRITE_RPS and row["p99_ms"] <= WRITE_P99 and not row["errors"]
                want = f"≥ {WRITE_RPS:.0f}/s, p99 ≤ {WRITE_P99:.0f} ms"
            else:
                ok = not row["errors"] and not run["database_locked_errors"]
                want = "no error, no 'database is locked'"
        else:
            share, p99 = (SIGNED_SHARE, SIGNED_P99) if row["signed_in"] else (ANON_SHARE, ANON_P99)
            ok = row["share"] >= share and row["p99_ms"] <= p99 and not row["errors"]
            want = f"≥ {share:.0f}% of ceiling, p99 ≤ {p99:.0f} ms"
        lines.append(f"  {'meets' if ok else 'MISSES':<7} {name:<26} {want}")
    for signed_in in (False, True):
        thread = next(
            (r for r in run["rows"] if r["page"] == "thread 50" and r["signed_in"] == signed_in),
            None,
        )
        if thread:
            ok = thread["html_kb"] <= 60
            name = "weight of thread 50" + (" (in)" if signed_in else "")
            lines.append(
                f"  {'meets' if ok else 'MISSES':<7} {name:<26} ≤ 60 KB HTML "
                f"({thread['html_kb']:.1f} KB, {thread['wire_kb']:.1f} KB on the wire)"
            )
    idle = run.get("idle")
    if idle:
        ok = idle["new_visitor_ms"] < 1000 and not idle["idle_failures"]
        lines.append(
            f"  {'meets' if ok else 'MISSES':<7} {'idle connections':<26} a new visitor answered "
            f"< 1 s with {idle['connections']} idle ones open ({idle['new_visitor_ms']:.0f} ms)"
        )
    fair = run.get("fairness")
    if fair:
        ok = not fair["starved"] and fair["jain"] >= 0.9 and not fair["errors"]
        lines.append(
            f"  {'meets' if ok else 'MISSES':<7} {'fairness':<26} every client served, "
            f"Jain ≥ 0.90 ({fair['jain']:.2f}, {fair['starved']} starved, "
            f"longest wait {fair['max_ms'] / 1000:.1f} s)"
        )
    ok = run["worker_rss_mb"] < 200
    lines.append(f"  {'meets' if ok else 'MISSES':<7} {'memory per worker':<26} < 200 MB "
                 f"({run['worker_rss_mb']:.0f} MB)")  # fmt: skip
    return lines


def report(run: dict[str, Any]) -> None:
    say(f"\n{run['size']} data on {run['db']}: {run['data']}")
    say(HEADER)
    for row in run["rows"]:
        say(format_row(row, row["share"]))
    if run.get("fairness"):
        say("\n" + format_fairness(run["fairness"]))
    say(f"\nLargest server worker: {run['worker_rss_mb']:.0f} MB. "
        f"'database is locked' in the server log: {run['database_locked_errors']}.")  # fmt: skip
    say("Targets (8 connections):")
    for line in verdicts(run):
        say(line)


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "system": platform.platform()}  # fmt: skip


def save(name: str, payload: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H%M")
    path = RESULTS / f"{stamp}-{name}.json"
    path.write_text(json.dumps(payload, indent=2) + "\n")
    return path


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: `apt-get install wrk` (make bench does it when it can).")
    db = os.environ.get("BENCH_DB", "sqlite")
    size = os.environ.get("BENCH_SIZE", "medium")
    if db not in ("sqlite", "postgres"):
        sys.exit(f"BENCH_DB must be sqlite or postgres, not {db!r}.")
    if size not in ("small", "medium", "large"):
        sys.exit(f"BENCH_SIZE must be small, medium or large, not {size!r}.")
    started = datetime.now(UTC).isoformat(timespec="seconds")
    if os.environ.get("BENCH_GROWTH") == "1":
        runs = [
            run_size(db, s, pages=GROWTH_PAGES, connections=[8])
            for s in ("small", "medium", "large")
        ]
        for run in runs:
            report(run)
        growth_report(runs)
        path = save(f"{db}-growth", {"started": started, "machine": machine(), "runs": runs})
    else:
        run = run_size(db, size, pages=None, connections=CONNECTIONS)
        report(run)
        path = save(f"{db}-{size}", {"started": started, "machine": machine(), **run})
    say(f"\nWritten to {path.relative_to(ROOT)}")


def growth_report(runs: list[dict[str, Any]]) -> None:
    by = {
        run["size"]: {(r["page"], r["signed_in"]): r["p50_ms"] for r in run["rows"]} for run in runs
    }
    say("\nGrowth of p50 latency at 8 connections (target: medium → large ≤ +25 %)")
    say(f"{'page':<24} {'small':>8} {'medium':>8} {'large':>8} {'growth':>8}")
    for key, medium in by["medium"].items():
        name = key[0] + (" (signed in)" if key[1] else "")
        small, large = by["small"].get(key, 0), by["large"].get(key, 0)
        growth = 100 * (large - medium) / medium if medium else 0
        say(f"{name:<24} {small:>8.1f} {medium:>8.1f} {large:>8.1f} {growth:>+7.0f}%")


if __name__ == "__main__":
    if sys.argv[1:2] in (["probe"], ["cleanup"]):
        sys.path.insert(0, str(ROOT))
        from bench import probe

        probe.main() if sys.argv[1] == "probe" else probe.cleanup(sys.argv[2])
    else:
        main()
