"""Real servers for tests: a site in its own database, `manage.py serve` or the production
recipe's processes started as an operator would, and plain HTTP clients.

The site uses the database the suite runs on: its own SQLite file, or, when DATABASE_URL
is PostgreSQL (CI's second pass), a database of its own on the same server; with REDIS_URL,
cache, sessions and tasks go to Redis under a key prefix of their own.
"""

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
MANAGE = [sys.executable, str(ROOT / "manage.py")]
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Site:
    """A migrated site with the demo data, ready to be served."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.pg_server, self.pg_name = "", ""
        url = os.environ.get("DATABASE_URL", "")
        if url.startswith(("postgres://", "postgresql://")):
            parts = urlsplit(url)
            self.pg_server = urlunsplit(parts._replace(path="/postgres"))
            self.pg_name = f"{parts.path.lstrip('/') or 'practica'}_live_{os.getpid()}"
            self._pg(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')
            self._pg(f'CREATE DATABASE "{self.pg_name}"')
            url = urlunsplit(parts._replace(path=f"/{self.pg_name}"))
        else:
            url = f"sqlite:///{tmp / 'db.sqlite3'}"
        (tmp / "uploads-tmp").mkdir()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            "DATABASE_URL": url,
            "CACHE_KEY_PREFIX": f"practica-live-{os.getpid()}",
            "PYTHONUNBUFFERED": "1",
            "STATIC_ROOT": str(tmp / "static"),
            "MEDIA_ROOT": str(tmp / "media"),
            "TMPDIR": str(tmp / "uploads-tmp"),  # where request bodies would spill to disk
        }
        self.env.pop("SITE_URL", None)
        for command in (["migrate", "-v0"], ["seed_demo"], ["collectstatic", "--no-input", "-v0"]):
            self.manage(*command)

    def _pg(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.pg_server, autocommit=True) as conn:
            conn.execute(statement)

    def drop(self) -> None:
        if self.pg_name:
            self._pg(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')

    def manage(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(  # noqa: S603
            [*MANAGE, *args], env=env or self.env, cwd=ROOT, check=True,
            capture_output=True, text=True,
        )  # fmt: skip
        return done.stdout

    def call(self, function: str, *args: object, env: dict[str, str] | None = None) -> Any:
        """Run a function of tests/core/live_inside.py inside the site; return its result."""
        script = (
            "import json\n"
            f"from tests.core.live_inside import {function}\n"
            f"print('RESULT ' + json.dumps({function}(*json.loads({json.dumps(args)!r}))))\n"
        )
        out = self.manage("shell", "-c", script, env=env)
        line = next(x for x in out.splitlines() if x.startswith("RESULT "))
        return json.loads(line[len("RESULT ") :])


class Process:
    """A long-running command with its output in a log file."""

    def __init__(self, command: list[str], env: dict[str, str], log: Path) -> None:
        self.log = log
        self._out = log.open("w")
        self.proc = subprocess.Popen(  # noqa: S603
            command, env=env, cwd=ROOT, stdout=self._out, stderr=subprocess.STDOUT
        )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self, sig: int = signal.SIGINT, timeout: float = 30) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                for pid in reversed(descendants(self.proc.pid)):
                    kill(pid)
                self.proc.wait()
        self._out.close()
        return self.proc.returncode


def wait_until_up(port: int, proc: Process, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while True:
        try:
            if get(port, "/healthz/")[0] == 200:
                return
        except OSError:
            pass
        assert proc.proc.poll() is None, f"the server exited:\n{proc.output()[-3000:]}"
        assert time.monotonic() < deadline, f"the server did not start:\n{proc.output()[-3000:]}"
        time.sleep(0.2)


@contextmanager
def serve(site: Site, port: int, name: str = "serve") -> Iterator[Process]:
    """`manage.py serve`, as `make run` starts it; Ctrl-C at the end."""
    proc = Process([*MANAGE, "serve", "--host", HOST, "--port", str(port)], site.env,
                   site.tmp / f"{name}-{port}.log")  # fmt: skip
    try:
        wait_until_up(port, proc)
        yield proc
    finally:
        proc.stop()


# --- Processes ---------------------------------------------------------------------------


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children(current))
    return found


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def child_running(parent: int, marker: str) -> int | None:
    """The pid of `parent`'s child whose command line contains `marker`."""
    for pid in children(parent):
        if marker in cmdline(pid) and alive(pid):
            return pid
    return None


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def kill(pid: int) -> None:
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


# --- HTTP ---------------------------------------------------------------------------------


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read().decode(errors="replace")
    finally:
        conn.close()


def post_form(
    port: int,
    path: str,
    fields: dict[str, str],
    *,
    session: str,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], str]:
    """POST a form as a signed-in browser would (session and CSRF cookies)."""
    token = "t" * 32  # a CSRF secret of the expected shape, sent as cookie and field
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request(
            "POST", path, body=urlencode({**fields, "csrfmiddlewaretoken": token}),
            headers={"Content-Type": "application/x-www-form-urlencoded",
                     "Cookie": f"sessionid={session}; csrftoken={token}", **(headers or {})},
        )  # fmt: skip
        response = conn.getresponse()
        head = {k.lower(): v for k, v in response.getheaders()}
        return response.status, head, response.read().decode(errors="replace")
    finally:
        conn.close()


def strip_tags(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
