"""The logs an operator reads: one line per request, sign-ins and refusals, nothing secret,
nothing forged; captured from real requests through the configured formatters."""

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from practica.core.logging import JsonFormatter, PlainFormatter, email_hash
from tests.factories import PASSWORD, CommunityFactory

ROOT = Path(__file__).resolve().parents[2]


class Captured:
    def __init__(self, stream: io.StringIO) -> None:
        self.stream = stream

    @property
    def lines(self) -> list[str]:
        return self.stream.getvalue().splitlines()

    def records(self) -> list[dict]:
        return [json.loads(line) for line in self.lines]

    def events(self, event: str) -> list[dict]:
        return [r for r in self.records() if r.get("event") == event]


def _capture(formatter: logging.Formatter):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.addHandler(handler)
    return Captured(stream), lambda: root.removeHandler(handler)


@pytest.fixture
def json_log():
    captured, remove = _capture(JsonFormatter())
    yield captured
    remove()


@pytest.fixture
def plain_log():
    captured, remove = _capture(PlainFormatter())
    yield captured
    remove()


def test_each_request_is_logged_once_with_its_id_user_path_status_and_duration(
    client, json_log, user
):
    client.force_login(user)
    response = client.get(reverse("community_list"))

    assert response.status_code == 200
    [record] = json_log.events("request")
    assert record["level"] == "INFO"
    assert record["logger"] == "practica.request"
    assert record["method"] == "GET"
    assert record["path"] == "/communities/"
    assert record["status"] == 200
    assert record["user_id"] == user.pk
    assert isinstance(record["duration_ms"], float)
    assert record["time"].endswith("Z")
    # The id the operator sees in the log is the one the client got back.
    assert record["request_id"] == response["X-Request-ID"]
    assert len(record["request_id"]) == 32


def test_anonymous_requests_have_no_user_id_and_each_gets_its_own_id(client, json_log, db):
    first = client.get(reverse("community_list"))
    second = client.get(reverse("community_list"))

    records = json_log.events("request")
    assert [r["request_id"] for r in records] == [first["X-Request-ID"], second["X-Request-ID"]]
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert all("user_id" not in r for r in records)


def test_a_trusted_proxys_request_id_is_kept_and_a_client_cannot_inject_one(
    client, json_log, db, settings
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    response = client.get("/communities/", HTTP_X_REQUEST_ID="from-the-client")
    assert response["X-Request-ID"] != "from-the-client"

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    response = client.get("/communities/", HTTP_X_REQUEST_ID="lb-7f3a.42")
    assert response["X-Request-ID"] == "lb-7f3a.42"
    for hostile in ("a\nb", "x" * 200, "", "../../etc", "id with spaces"):
        response = client.get("/communities/", HTTP_X_REQUEST_ID=hostile)
        assert response["X-Request-ID"] != hostile
        assert len(response["X-Request-ID"]) == 32

    assert [r["request_id"] for r in json_log.events("request")][1] == "lb-7f3a.42"


def test_every_record_written_during_a_request_carries_its_id(client, json_log, user):
    """A failed sign-in is written by a signal receiver deep inside the request."""
    response = client.post(reverse("account_login"), {"login": user.email, "password": "nope"})

    [failed] = json_log.events("login_failed")
    assert failed["request_id"] == response["X-Request-ID"]


def test_sign_in_is_logged_once_without_secrets(client, json_log, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    [login] = json_log.events("login")
    assert login["user_id"] == user.pk
    assert login["logger"] == "practica.security"
    output = json_log.stream.getvalue()
    assert PASSWORD not in output
    assert user.email not in output
    assert client.cookies["sessionid"].value not in output


def test_failed_sign_in_is_logged_once_with_a_hash_not_the_address_or_password(
    client, json_log, user
):
    client.post(reverse("account_login"), {"login": user.email, "password": "Wrong-Guess-1"})
    client.post(reverse("account_login"), {"login": "NOBODY@example.org", "password": "guess-2"})

    failed = json_log.events("login_failed")
    assert [r["level"] for r in failed] == ["WARNING", "WARNING"]
    # The same address always gives the same hash, so repeated attempts can be linked.
    assert failed[0]["email_hash"] == email_hash(user.email)
    assert failed[1]["email_hash"] == email_hash("nobody@example.org")
    output = json_log.stream.getvalue()
    for secret in ("Wrong-Guess-1", "guess-2", user.email, "NOBODY@example.org", "nobody@"):
        assert secret not in output
    assert json_log.events("login") == []


def test_sign_ins_refused_by_the_rate_limit_are_logged_too(client, json_log, user):
    for attempt in range(6):  # the account's limit is 5 failures in 30 minutes
        client.post(reverse("account_login"), {"login": user.email, "password": f"no-{attempt}"})

    failed = json_log.events("login_failed")
    assert [r["reason"] for r in failed] == ["credentials"] * 5 + ["too_many_attempts"]
    assert {r["email_hash"] for r in failed} == {email_hash(user.email)}
    assert user.email not in json_log.stream.getvalue()


def test_a_403_is_logged_once_as_a_refusal_naming_the_check(client, json_log, user):
    client.force_login(user)
    response = client.get(reverse("proposal_queue"))

    assert response.status_code == 403
    [refused] = json_log.events("refused")
    assert refused["check"] == "check_review_proposals"
    assert refused["user_id"] == user.pk
    assert refused["path"] == "/communities/proposals/"
    assert refused["status"] == 403
    [request] = json_log.events("request")
    assert request["status"] == 403
    assert request["request_id"] == refused["request_id"]
    # Django's own "Forbidden (Permission denied)" line would say it a second time.
    assert not [r for r in json_log.records() if r["logger"] == "django.request"]


def test_a_hidden_community_refused_as_404_is_logged_but_a_missing_one_is_not(
    client, json_log, user
):
    hidden = CommunityFactory(visibility="hidden", slug="circle")
    client.force_login(user)

    hidden_answer = client.get(reverse("community_detail", args=[hidden.slug]))
    missing_answer = client.get(reverse("community_detail", args=["no-such-community"]))

    assert hidden_answer.status_code == missing_answer.status_code == 404
    [refused] = json_log.events("refused")
    assert refused["path"] == "/communities/circle/"
    assert refused["check"] == "check_see_community"
    assert [r["status"] for r in json_log.events("request")] == [404, 404]


def test_a_csrf_failure_is_logged_once_as_a_refusal(json_log, user):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    response = strict.post(reverse("proposal_create"), {"name": "x"})

    assert response.status_code == 403
    [refused] = json_log.events("refused")
    assert refused["check"] == "forbidden"
    assert not [r for r in json_log.records() if r["logger"].startswith("django.security")]


def test_newlines_and_control_characters_cannot_forge_plain_lines(client, plain_log, db):
    forged = "\n2026-01-01T00:00:00.000Z INFO practica.security Signed in user_id=1"
    client.get(
        "/communities/x%0A2026-01-01T00:00:00.000Z%20INFO%20forged%0D%1B[31m/",
        HTTP_USER_AGENT=f"Mozilla{forged}\u2028\x1b[2J",
    )

    lines = plain_log.lines
    assert len(lines) == 1, lines
    [line] = lines
    assert "practica.request GET /communities/x\\n2026-01-01" in line
    assert "\\r\\x1b[31m/" in line
    assert 'user_agent="Mozilla\\n2026-01-01T00:00:00.000Z INFO' in line
    assert line.endswith('\\u2028\\x1b[2J"')
    assert "\x1b" not in line and "\r" not in line and "\u2028" not in line


def test_newlines_and_control_characters_stay_inside_one_json_line(client, json_log, db):
    client.get("/communities/%0Aforged%1B/", HTTP_USER_AGENT="agent\r\n{}\u2028")

    [line] = json_log.lines
    record = json.loads(line)
    assert record["path"] == "/communities/\nforged\x1b/"
    assert record["user_agent"] == "agent\r\n{}\u2028"
    assert "\u2028" not in line


def test_a_traceback_cannot_forge_a_plain_line(plain_log):
    try:
        raise ValueError("bad value\n2026-01-01T00:00:00.000Z INFO forged")
    except ValueError:
        logging.getLogger("practica.test").exception("Failed")

    first, *rest = plain_log.lines
    assert first.endswith("ERROR practica.test Failed")
    assert rest and all(line.startswith("    ") for line in rest)


def _log_from_a_process(log_format: str) -> str:
    """The line a real process writes, configured only through the environment."""
    env = {**os.environ, "LOG_FORMAT": log_format, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    code = "import logging; logging.getLogger('practica.x').warning('hello\\nworld')"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    [line] = [line for line in result.stderr.splitlines() if "practica.x" in line]
    return line


def test_log_format_is_read_from_the_environment():
    assert json.loads(_log_from_a_process("json"))["message"] == "hello\nworld"
    assert _log_from_a_process("plain").endswith("WARNING practica.x hello\\nworld")
