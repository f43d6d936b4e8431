"""The benchmark's server: settings from the environment, the database it reads, the data
prepared once, and `manage.py serve` started and stopped around each run.

Part of `make bench` (bench/run.py); read bench/README.md first.
"""

import http.client
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

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
