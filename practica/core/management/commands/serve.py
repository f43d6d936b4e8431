"""Serve Practica in the foreground: the Granian server, the task worker and the scheduler.

Ctrl-C (or SIGTERM) stops both together. Used by `make run`; in production, run the two
processes under your process manager instead (see README, "Production").
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand


def worker_command() -> list[str]:
    """The worker for the configured task backend: RQ with Redis, else the database."""
    manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
    if settings.TASKS["default"]["BACKEND"].startswith("django_tasks_rq"):
        return [*manage, "rqworker", "default", "--job-class", "django_tasks_rq.Job"]
    return [*manage, "db_worker", "--queue-name", "*"]


class Command(BaseCommand):
    help = "Run the web server and the task worker together until interrupted."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--no-worker", action="store_true", help="Do not start the worker.")

    def handle(self, *args: Any, host: str, port: int, no_worker: bool, **options: Any) -> None:
        bin_dir = Path(sys.executable).parent
        workers = settings.WEB_WORKERS or ((os.cpu_count() or 1) if settings.REDIS_URL else 1)
        threads = int(os.environ.get("WEB_THREADS", "4"))
        server = [
            str(bin_dir / "granian"),
            "--interface", "wsgi",
            "--host", host,
            "--port", str(port),
            "--workers", str(workers),
            "--blocking-threads", str(threads),
            # As many requests in flight as threads: the rest wait their turn in order.
            # Without it, under load some requests waited seconds for the GIL (bench/README).
            "--backpressure", str(threads),
            "--no-ws",
            "config.wsgi:application",
        ]  # fmt: skip
        commands = [server]
        if not no_worker:
            manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
            commands += [worker_command(), [*manage, "scheduler"]]
        procs = [subprocess.Popen(cmd) for cmd in commands]  # noqa: S603

        def stop(signum: int, frame: FrameType | None) -> None:
            for proc in procs:
                if proc.poll() is None:
                    proc.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        self._banner(host, port)
        try:
            while all(proc.poll() is None for proc in procs):
                time.sleep(0.5)
        finally:
            stop(signal.SIGTERM, None)
            deadline = time.monotonic() + 10
            for proc in procs:
                try:
                    proc.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    proc.kill()
        self.stdout.write("Practica stopped.")

    def _banner(self, host: str, port: int) -> None:
        shown = f"[{host}]" if ":" in host else host
        lines = ["", "=" * 64, f"  Practica is running at http://{shown}:{port}/"]
        logins = Path(settings.VAR_DIR) / "demo_logins.txt"
        if logins.exists():
            lines += ["", *("  " + line for line in logins.read_text().splitlines())]
        lines += ["", "  Emails are printed here. Press Ctrl-C to stop.", "=" * 64, ""]
        self.stdout.write("\n".join(lines))
