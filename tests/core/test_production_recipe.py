"""README's production recipe, run as written: two app server processes on different ports
sharing one database and one Redis, one task worker and one scheduler, behind what a
reverse proxy would send (X-Forwarded-Proto). A write through one server shows at once
through the other, for visitors served from the shared page cache and for members.
"""

import os
import re
import secrets
import signal
import time

import pytest

from tests.core.live import MANAGE, Process, free_port, get, post_form, strip_tags, wait_until_up

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason=(
        "the production recipe needs Redis: without it the cache lives in each server "
        "process, which is why `manage.py serve` then runs one (CI's second pass sets REDIS_URL)"
    ),
)
PUBLIC_ADDRESS = "https://practica.example.org"


@pytest.fixture(autouse=True)
def _clean_cache():
    """Replaces the suite's cache clearing, which would flush the servers' Redis."""
    yield


@pytest.fixture(scope="module")
def recipe(live_site):
    env = {
        **live_site.env,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),  # a throwaway site's throwaway key
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": PUBLIC_ADDRESS,
        "WEB_WORKERS": "1",
    }
    env.pop("EMAIL_URL", None)  # emails are printed by the worker
    ports = [free_port(), free_port()]
    while ports[1] == ports[0]:
        ports[1] = free_port()
    logs = live_site.tmp
    processes = [
        Process([*MANAGE, "serve", "--no-worker", "--host", "127.0.0.1", "--port", str(port)],
                env, logs / f"app-{port}.log")
        for port in ports
    ] + [
        Process([*MANAGE, "rqworker", "default", "--job-class", "django_tasks_rq.Job"], env,
                logs / "rqworker.log"),
        Process([*MANAGE, "scheduler"], env, logs / "scheduler.log"),
    ]  # fmt: skip
    try:
        for port, proc in zip(ports, processes, strict=False):
            wait_until_up(port, proc)
        yield env, ports, processes
    finally:
        for proc in processes:  # all at once, then wait for each
            if proc.proc.poll() is None:
                proc.proc.send_signal(signal.SIGTERM)
        for proc in processes:
            proc.stop(signal.SIGTERM)


def _page(port: int, path: str, session: str = "") -> str:
    headers = {"X-Forwarded-Proto": "https", "Accept-Encoding": "identity"}
    if session:
        headers["Cookie"] = f"sessionid={session}"
    status, body = get(port, path, headers)
    assert status == 200, (port, path, status)
    return strip_tags(body)


def test_a_comment_posted_through_one_server_shows_at_once_through_the_other(live_site, recipe):
    env, (port_a, port_b), _ = recipe
    facts = live_site.facts
    thread = facts["thread"]
    writer, reader = live_site.call("sessions", [facts["writer"], facts["mentioned"]], env=env)
    text = f"Seen at once on the other server ({secrets.token_hex(4)})"
    # A long thread is read in pages: a new comment goes on the last one.
    pages = re.findall(r"\?page=(\d+)", get(port_b, thread, {"X-Forwarded-Proto": "https"})[1])
    thread = f"{thread}?page={max(map(int, pages))}" if pages else thread

    # Server B has the thread in the shared cache, for visitors and for members.
    for _ in range(2):
        assert text not in _page(port_b, thread)
    assert text not in _page(port_b, thread, reader)

    status, head, _ = post_form(
        port_a, f"/posts/{facts['post_id']}/comments/", {"body": text}, session=writer,
        headers={"X-Forwarded-Proto": "https", "Origin": f"https://127.0.0.1:{port_a}"},
    )  # fmt: skip
    assert status == 302, (status, head)

    # At once, without waiting for anything to expire.
    assert text in _page(port_b, thread)
    assert text in _page(port_b, thread, reader)
    assert text in _page(port_a, thread)


def test_the_worker_runs_what_the_scheduler_and_the_servers_queue(live_site, recipe):
    env, _, processes = recipe
    worker = processes[2]
    live_site.call("notify", "member@example.org", "Queued by another process", "/linked/", env=env)
    deadline = time.monotonic() + 60
    wanted = [
        "featured_close_due_task",  # queued by the scheduler as it starts
        "Queued by another process",  # the email, sent by the worker
        f"{PUBLIC_ADDRESS}/linked/",  # links use the public address
    ]
    while not all(w in worker.output() for w in wanted):
        assert time.monotonic() < deadline, f"missing from the worker: {worker.output()[-2000:]}"
        time.sleep(0.3)
