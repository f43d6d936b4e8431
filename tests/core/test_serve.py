"""`manage.py serve` (what `make run` starts): a real server and worker, stopped by Ctrl-C."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return response.status, response.read().decode()


@pytest.fixture
def site_env(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PYTHONUNBUFFERED": "1",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    # With REDIS_URL set (as in CI's second pass) the worker is an RQ worker on Redis.
    manage = [sys.executable, str(ROOT / "manage.py")]
    # As `make run` does: the production static storage needs its manifest.
    for command in (["migrate", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True)  # noqa: S603
    return env, manage


def test_serve_runs_server_and_worker_and_ctrl_c_stops_both(site_env, tmp_path):
    env, manage = site_env
    port = _free_port()
    log = (tmp_path / "serve.log").open("w+")
    proc = subprocess.Popen(  # noqa: S603
        [*manage, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status, _body = _get(f"http://127.0.0.1:{port}/healthz/")
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        assert status == 200
        status, body = _get(f"http://127.0.0.1:{port}/")
        assert status == 200 and "Practica" in body

        # A notification committed elsewhere is emailed by the worker (to the console).
        script = (
            "from practica.accounts.models import User\n"
            "from practica.notifications.services import notify\n"
            "from django.db import transaction\n"
            "u = User.objects.create_user('w@example.org', 'x' * 12)\n"
            "with transaction.atomic():\n"
            "    notify(user_ids=[u.pk], kind='t', title='Sent by the worker')\n"
        )
        subprocess.run([*manage, "shell", "-c", script], env=env, cwd=ROOT, check=True)  # noqa: S603
        deadline = time.monotonic() + 30
        while "Sent by the worker" not in (tmp_path / "serve.log").read_text():
            assert time.monotonic() < deadline, "the worker did not send the email"
            time.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
    output = (tmp_path / "serve.log").read_text()
    assert f"Practica is running at http://127.0.0.1:{port}/" in output
    assert "Practica stopped." in output
    with pytest.raises(OSError):
        _get(f"http://127.0.0.1:{port}/healthz/")
    pgrep = ["pgrep", "-f", f"--port {port}"]
    leftover = subprocess.run(pgrep, capture_output=True, text=True)  # noqa: S603
    assert leftover.stdout.strip() == "", "a child process outlived Ctrl-C"


def test_a_child_that_keeps_failing_right_after_starting_is_restarted_after_growing_pauses():
    """A crash loop (a broken setting, say) must not spin: 1 s, then 2 s, then 4 s...; a
    child that had been running for a while is restarted at once (test_server.py)."""
    import io

    from practica.core.management.commands.serve import Child, Command

    child = Child("task worker", [sys.executable, "-c", "raise SystemExit(3)"], dict(os.environ))
    errors = io.StringIO()
    command = Command(stdout=io.StringIO(), stderr=errors)
    child.start()
    for pause in (1, 2):
        assert child.proc is not None
        child.proc.wait(timeout=10)
        command._supervise([child])
        assert child.restart_at is not None
        assert child.restart_at - time.monotonic() == pytest.approx(pause, abs=0.5)
        first = child.proc
        while child.proc is first:  # not restarted before the pause is over
            time.sleep(0.05)
            command._supervise([child])
    child.proc.wait(timeout=10)
    messages = errors.getvalue()
    assert (
        "The task worker stopped unexpectedly (exit code 3); starting it again in 1 s." in messages
    )
    assert "starting it again in 2 s." in messages
