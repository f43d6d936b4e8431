"""Serve Practica in the foreground: the Granian server, the task worker and the scheduler,
and the inbound mail listener when EMAIL_INBOUND_PORT is set.

`serve` supervises them: whichever stops unexpectedly is started again at once (after
a growing pause if it keeps failing right after starting), so one crash never leaves the
site down. Ctrl-C (or SIGTERM) stops all of them together. Used by `make run`; in
production, each app server runs `serve --no-worker`, and the worker and the scheduler run
on their own (README, "Production").
"""

import ctypes
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

# Connections one server process holds open at once. Granian counts every open connection
# against its `--backpressure`, idle keep-alive ones included, so this must be far above
# what browsers keep open (about six each); requests themselves wait for a thread in order.
CONNECTIONS_PER_PROCESS = 2048
# An idle keep-alive connection (or one whose headers do not arrive) is closed after this.
HEADER_TIMEOUT_MS = 10_000
# A child that fails sooner than this after starting is restarted after a growing pause.
QUICK_FAILURE_SECONDS = 10.0
LONGEST_PAUSE_SECONDS = 30.0


def worker_command() -> list[str]:
    """The worker for the configured task backend: RQ with Redis, else the database."""
    manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
    if settings.TASKS["default"]["BACKEND"].startswith("django_tasks_rq"):
        return [*manage, "rqworker", "default", "--job-class", "django_tasks_rq.Job"]
    return [*manage, "db_worker", "--queue-name", "*"]


def mail_listener_command() -> list[str] | None:
    """The inbound SMTP listener (practica/mailin), when EMAIL_INBOUND_DOMAIN and
    EMAIL_INBOUND_PORT are set; else None."""
    if not (settings.EMAIL_INBOUND_DOMAIN and settings.EMAIL_INBOUND_PORT):
        return None
    return [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "mail_listen"]


def server_command(host: str, port: int, *, workers: int, threads: int) -> list[str]:
    """Granian as `serve` runs it."""
    return [
        str(Path(sys.executable).parent / "granian"),
        "--interface", "wsgi",
        "--host", host,
        "--port", str(port),
        "--workers", str(workers),
        "--blocking-threads", str(threads),
        # Requests wait for one of the threads in arrival order (a FIFO queue), so every
        # client is served in turn. The limit below is on open connections, not requests.
        "--backpressure", str(CONNECTIONS_PER_PROCESS),
        "--http1-header-read-timeout", str(HEADER_TIMEOUT_MS),
        # A server process that dies is replaced at once by Granian itself.
        "--respawn-failed-workers",
        # Stopping waits at most this long for requests in progress.
        "--workers-kill-timeout", "10",
        "--no-ws",
        "config.wsgi:application",
    ]  # fmt: skip


def site_url(host: str, port: int) -> str:
    """The address links in emails and calendars use when SITE_URL is not set."""
    if host in ("0.0.0.0", "::", ""):  # noqa: S104 - naming, not binding
        host = "127.0.0.1"
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


@dataclass
class Child:
    """One supervised process: its name for messages, its command, and its history."""

    name: str
    command: Sequence[str]
    env: dict[str, str]
    proc: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    quick_failures: int = 0
    restart_at: float | None = None

    def start(self) -> None:
        # In a process group of its own, so that what it started can be found and ended
        # with it: a killed Granian main process leaves its server processes running,
        # still answering on the port, and a second set would start beside them.
        self.proc = subprocess.Popen(  # noqa: S603
            self.command, env=self.env, process_group=0, preexec_fn=_die_with_parent
        )
        self.started = time.monotonic()
        self.restart_at = None

    def sweep(self) -> None:
        """End whatever the child left behind in its process group."""
        if self.proc is not None:
            with suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, signal.SIGKILL)

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None


class Command(BaseCommand):
    help = "Run the web server, the task worker and the scheduler until interrupted."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Serve only: no task worker and no scheduler (run them on their own).",
        )

    def handle(self, *args: Any, host: str, port: int, no_worker: bool, **options: Any) -> None:
        workers = settings.WEB_WORKERS or ((os.cpu_count() or 1) if settings.REDIS_URL else 1)
        threads = int(os.environ.get("WEB_THREADS", "4"))
        env = dict(os.environ)
        # Links in emails and calendar feeds point at the address actually served, unless
        # the public address is configured (behind a proxy, say).
        env.setdefault("SITE_URL", site_url(host, port))
        _raise_open_files_limit()
        children = [
            Child("web server", server_command(host, port, workers=workers, threads=threads), env)
        ]
        if not no_worker:
            manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
            children += [
                Child("task worker", worker_command(), env),
                Child("scheduler", [*manage, "scheduler"], env),
            ]
        listen = mail_listener_command()
        if listen is not None:
            children.append(Child("mail listener", listen, env))
        for child in children:
            child.start()

        stopping = False

        def stop(signum: int, frame: FrameType | None) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        self._banner(env["SITE_URL"], host, port)
        try:
            while not stopping:
                self._supervise(children)
                time.sleep(0.2)
        finally:
            self._stop_all(children)
        self.stdout.write("Practica stopped.")

    def _supervise(self, children: list[Child]) -> None:
        now = time.monotonic()
        for child in children:
            if child.running():
                continue
            if child.restart_at is None:
                assert child.proc is not None
                code = child.proc.returncode
                child.sweep()
                if now - child.started < QUICK_FAILURE_SECONDS:
                    child.quick_failures += 1
                else:
                    child.quick_failures = 0
                pause = min(LONGEST_PAUSE_SECONDS, 2.0 ** (child.quick_failures - 1))
                pause = 0.0 if child.quick_failures == 0 else pause
                child.restart_at = now + pause
                when = "now" if not pause else f"in {pause:.0f} s"
                self.stderr.write(
                    f"The {child.name} stopped unexpectedly (exit code {code}); "
                    f"starting it again {when}."
                )
            if now >= child.restart_at:
                child.start()

    def _stop_all(self, children: list[Child]) -> None:
        for child in children:
            if child.running():
                assert child.proc is not None
                child.proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 15
        for child in children:
            if child.proc is None:
                continue
            try:
                child.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.proc.kill()
                child.proc.wait()
            child.sweep()

    def _banner(self, url: str, host: str, port: int) -> None:
        shown = f"[{host}]" if ":" in host else host
        lines = ["", "=" * 64, f"  Practica is running at http://{shown}:{port}/"]
        if url != site_url(host, port):
            lines.append(f"  Links in emails use {url}/ (SITE_URL)")
        if mail_listener_command() is not None:
            lines.append(
                f"  Email for {settings.EMAIL_INBOUND_DOMAIN} is taken on "
                f"{settings.EMAIL_INBOUND_HOST}:{settings.EMAIL_INBOUND_PORT}"
            )
        logins = Path(settings.VAR_DIR) / "demo_logins.txt"
        if logins.exists():
            lines += ["", *("  " + line for line in logins.read_text().splitlines())]
        lines += ["", "  Emails are printed here. Press Ctrl-C to stop.", "=" * 64, ""]
        self.stdout.write("\n".join(lines))


def _die_with_parent() -> None:
    """In the child, before it runs: on Linux, receive SIGTERM when serve ends, however it
    ends (even killed), so that nothing keeps running without its supervisor."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _raise_open_files_limit() -> None:
    """Every open connection is a file: let the server hold as many as it accepts."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = CONNECTIONS_PER_PROCESS * 2 + 256
    if soft != resource.RLIM_INFINITY and soft < wanted:
        new = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))
