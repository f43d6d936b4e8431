"""The two inbound paths themselves: the SMTP listener (as `serve` starts it) and the
standard-input command (as a mail server's pipe runs it), with the answers mail servers
read: SMTP replies and exit codes."""

import os
import smtplib
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from practica.core.management.commands.serve import mail_listener_command
from practica.discussions.models import Comment
from practica.mailin import services

from .conftest import DOMAIN, _free_port, address_for, message, smtp_send, stdin_send

ROOT = Path(__file__).resolve().parents[2]


def test_the_listener_refuses_mail_for_other_domains(smtp_listener, thread, member):
    raw = message(sender=member.email, to="someone@example.com").as_bytes()
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        smtp_send(smtp_listener, raw, to=["someone@example.com"])
    code, _text = refused.value.recipients["someone@example.com"]
    assert code == 550  # it relays nothing


def test_trouble_on_our_side_asks_the_sending_server_to_retry(
    smtp_listener, thread, member, monkeypatch
):
    def broken(**kwargs):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr("practica.mailin.listener.mail_receive", broken)
    to = address_for(member, thread)
    with pytest.raises(smtplib.SMTPDataError) as error:
        smtp_send(smtp_listener, message(sender=member.email, to=to).as_bytes(), to=[to])
    assert error.value.smtp_code == 451  # kept by the sender's server: nothing is lost


def test_the_pipe_exits_75_on_trouble_so_the_mail_server_retries(
    transactional_db, thread, member, monkeypatch
):
    def broken(**kwargs):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr("practica.mailin.management.commands.mail_inbound.mail_receive", broken)
    to = address_for(member, thread)
    assert stdin_send(message(sender=member.email, to=to).as_bytes(), to=[to]) == 75


def test_the_pipe_without_an_inbound_domain_exits_78(db, settings):
    settings.EMAIL_INBOUND_DOMAIN = ""
    assert stdin_send(b"Subject: x\n\nx", to=["a@b.org"]) == 78


def test_the_pipe_reads_the_recipient_from_the_headers_when_not_given(
    transactional_db, thread, member
):
    to = address_for(member, thread)
    assert stdin_send(message(sender=member.email, to=to).as_bytes(), to=[]) == 0
    assert Comment.objects.filter(post=thread, author=member).exists()


def test_serve_starts_the_listener_only_when_configured(settings):
    settings.EMAIL_INBOUND_PORT = 0
    assert mail_listener_command() is None
    settings.EMAIL_INBOUND_PORT = 2530
    assert mail_listener_command()[-1] == "mail_listen"


@pytest.fixture
def site(tmp_path):
    """A migrated site in its own database, run as `make run` runs it."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PYTHONUNBUFFERED": "1",
        "STATIC_ROOT": str(tmp_path / "static"),
        "EMAIL_INBOUND_DOMAIN": DOMAIN,
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)  # noqa: S603
    script = (
        "from tests.factories import CommunityFactory, make_member\n"
        "from practica.discussions.services import post_create\n"
        "from practica.mailin.tokens import reply_address\n"
        "c = CommunityFactory()\n"
        "m = make_member(c, display_name='Mia Member', email='mia@example.org')\n"
        "p = post_create(actor=m, community=c, kind='discussion', title='T', body='B')\n"
        "print(reply_address(user_id=m.pk, post_id=p.pk, comment_id=None))\n"
    )
    made = subprocess.run(  # noqa: S603
        [*manage, "shell", "-c", script], env=env, cwd=ROOT, check=True,
        capture_output=True, text=True,
    )  # fmt: skip
    return env, manage, made.stdout.strip().splitlines()[-1], tmp_path / "db.sqlite3"


def _comments(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT body FROM discussions_comment")]


def test_a_mail_server_pipe_posts_the_reply(site):
    env, manage, to, db = site
    raw = message(sender="mia@example.org", to=to, text="Piped in.").as_bytes()
    done = subprocess.run(  # noqa: S603
        [*manage, "mail_inbound", f"--recipient={to}"], input=raw, env=env, cwd=ROOT
    )
    assert done.returncode == 0
    assert _comments(db) == ["Piped in."]


def test_serve_starts_the_listener_and_a_reply_sent_to_it_is_posted(site, tmp_path):
    env, manage, to, db = site
    port, web = _free_port(), _free_port_web()
    env = {**env, "EMAIL_INBOUND_PORT": str(port), "EMAIL_INBOUND_HOST": "127.0.0.1"}
    subprocess.run(  # noqa: S603
        [*manage, "collectstatic", "--no-input", "-v0"], env=env, cwd=ROOT, check=True
    )
    log = (tmp_path / "serve.log").open("w+")
    proc = subprocess.Popen(  # noqa: S603
        [*manage, "serve", "--host", "127.0.0.1", "--port", str(web)],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 40
        raw = message(sender="mia@example.org", to=to, text="Sent by SMTP.").as_bytes()
        raw = raw.replace(b"\n", b"\r\n")
        while True:
            try:
                with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
                    client.sendmail("mia@example.org", [to], raw)
                break
            except OSError:
                assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
                time.sleep(0.3)
        assert _comments(db) == ["Sent by SMTP."]
        assert (
            f"Email for {DOMAIN} is taken on 127.0.0.1:{port}"
            in (tmp_path / "serve.log").read_text()
        )
    finally:
        proc.send_signal(2)
        proc.wait(timeout=30)


def _free_port_web() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_one_service_takes_both_paths():
    from practica.mailin import listener
    from practica.mailin.management.commands import mail_inbound

    assert listener.mail_receive is mail_inbound.mail_receive is services.mail_receive


def test_the_pipe_takes_a_huge_message_in_full_and_answers_it_is_too_large(
    transactional_db, thread, member, settings
):
    from django.core import mail

    settings.EMAIL_INBOUND_MAX_BYTES = 1000
    to = address_for(member, thread)
    text = "Words of mine.\n" + "x" * 70 + "\n"
    raw = message(sender=member.email, to=to, text=text * 200).as_bytes()
    mail.outbox.clear()
    assert stdin_send(raw, to=[to]) == 0

    assert not Comment.objects.filter(post=thread, author=member).exists()
    assert "too large" in mail.outbox[0].body and "> Words of mine." in mail.outbox[0].body
