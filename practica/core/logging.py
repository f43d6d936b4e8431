"""Structured logs: one record per request, sign-ins and refusals, in plain text or JSON.

`RequestLogMiddleware` (first in MIDDLEWARE) gives each request an id (a sane
`X-Request-ID` from a trusted proxy, else a new one), returns it in the response header,
and writes one `practica.request` record when the response is ready: method, path,
status, duration, user id. A refused request (a 403, or a 404 raised by a `permissions`
module) also writes one `practica.security` record; so do sign-ins and failed sign-ins
(receivers below, connected in `CoreConfig.ready`).

Every record written while a request runs carries its id and user id, whatever logger
wrote it. `PlainFormatter` and `JsonFormatter` (chosen by LOG_FORMAT) neutralise control
characters, so that text from a request (path, user agent, names) can never start a
forged line. No secret is ever logged: no password, token, cookie or session id, and a
failed sign-in names the address only by a keyed hash.
"""

import contextvars
import hashlib
import hmac
import json
import logging
import re
import time
import traceback
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.functional import empty

from .text import CONTROL_CHARACTERS

request_log = logging.getLogger("practica.request")
security_log = logging.getLogger("practica.security")

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@+=-]{0,127}")
# What every formatter prints beside the message, in this order.
FIELDS = (
    "event",
    "request_id",
    "user_id",
    "method",
    "path",
    "status",
    "duration_ms",
    "check",
    "reason",
    "email_hash",
    "user_agent",
)
_UNSET: dict[str, Any] = {}
_context: contextvars.ContextVar[dict[str, Any]] = contextvars.ContextVar(
    "practica_log_context", default=_UNSET
)


def neutralise(text: str) -> str:
    r"""`text` on one line: each control character becomes a visible escape (`\n`, `\x1b`)."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        code = ord(char)
        named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
        return named.get(char, f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")

    return CONTROL_CHARACTERS.sub(escape, text)


def email_hash(email: str) -> str:
    """A keyed hash of an address, to link failed sign-ins without logging the address.

    An operator who knows an address finds its hash with
    `manage.py shell -c "from practica.core.logging import email_hash; print(email_hash('a@b'))"`.
    """
    key = settings.SECRET_KEY.encode()
    digest = hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()
    return digest[:16]


# --- Formatters -------------------------------------------------------------------------


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    context = _context.get()
    values: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(record, name, None)
        if value is None:
            value = context.get(name)
        if value is not None:
            values[name] = value
    return values


def _timestamp(record: logging.LogRecord) -> str:
    moment = datetime.fromtimestamp(record.created, tz=UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


_BARE = re.compile(r"[\w.:/@+-]+")


def _plain_value(value: Any) -> str:
    """A value as it reads in a plain line: bare when simple, else quoted and escaped."""
    text = str(value)
    if _BARE.fullmatch(text):
        return text
    return '"' + neutralise(text.replace("\\", "\\\\").replace('"', '\\"')) + '"'


class PlainFormatter(logging.Formatter):
    """`time level logger message key=value …`, one line per record.

    A traceback follows on lines that start with spaces, so that no line of it can be
    mistaken for a record."""

    def format(self, record: logging.LogRecord) -> str:
        parts = [_timestamp(record), record.levelname, record.name, record.getMessage()]
        line = " ".join(neutralise(str(part)) for part in parts)
        pairs = [f"{key}={_plain_value(value)}" for key, value in _fields(record).items()]
        if pairs:
            line = f"{line} " + " ".join(pairs)
        if record.exc_info:
            trace = "".join(traceback.format_exception(*record.exc_info))
            line += "".join(f"\n    {neutralise(row)}" for row in trace.splitlines())
        return line


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and the fields that are set.

    JSON escapes control characters itself, so a record is always exactly one line."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "time": _timestamp(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        data.update(_fields(record))
        if record.exc_info:
            data["exception"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(data, ensure_ascii=True, default=str)


# --- The request record ---------------------------------------------------------------


def _request_id(request: HttpRequest) -> str:
    """The proxy's id when there is a trusted proxy and the id is sane, else a new one."""
    offered = request.headers.get(REQUEST_ID_HEADER, "")
    if settings.ALLAUTH_TRUSTED_PROXY_COUNT > 0 and _SANE_REQUEST_ID.fullmatch(offered):
        return offered
    return uuid.uuid4().hex


def _user_id(request: HttpRequest) -> int | None:
    """The signed-in user's id, without a query the view did not already make."""
    user = getattr(request, "user", None)
    wrapped = getattr(user, "_wrapped", user)
    if wrapped is not None and wrapped is not empty:
        return wrapped.pk if wrapped.is_authenticated else None
    session = getattr(request, "session", None)
    if session is not None and hasattr(session, "_session_cache"):
        raw = session.get("_auth_user_id")
        return int(raw) if raw and str(raw).isdigit() else None
    return None


def _refusal(exception: Exception | None) -> str | None:
    """The permission check that refused the request, or None if it was not refused.

    A PermissionDenied anywhere counts; an Http404 only when a `permissions` module raised
    it (the answer for "you may not know this exists"), not for something truly missing."""
    if exception is None:
        return None
    frames = traceback.extract_tb(exception.__traceback__)
    origin = frames[-1] if frames else None
    in_permissions = origin is not None and origin.filename.endswith("permissions.py")
    if isinstance(exception, PermissionDenied):
        return origin.name if in_permissions and origin else type(exception).__name__
    if isinstance(exception, Http404) and in_permissions and origin:
        return origin.name
    return None


class RequestLogMiddleware:
    """Give the request an id and write one record for it (see the module's docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        context = {"request_id": _request_id(request)}
        token = _context.set(context)
        try:
            response = self.get_response(request)
            context["user_id"] = _user_id(request)
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            fields = {
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_agent": request.headers.get("User-Agent", "")[:200],
            }
            check = _refusal(getattr(request, "_practica_exception", None))
            if response.status_code == 403 or (check and response.status_code == 404):
                security_log.warning(
                    "Refused %s %s",
                    request.method,
                    request.path,
                    extra={"event": "refused", "check": check or "forbidden", **fields},
                )
            level = (
                logging.ERROR
                if response.status_code >= 500
                else logging.WARNING
                if response.status_code >= 400
                else logging.INFO
            )
            request_log.log(
                level,
                "%s %s %s %.1fms",
                request.method,
                request.path,
                response.status_code,
                duration_ms,
                extra={"event": "request", **fields},
            )
            response[REQUEST_ID_HEADER] = context["request_id"]
            return response
        finally:
            _context.reset(token)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        """Remember what the view raised; Django still turns it into the answer."""
        request._practica_exception = exception  # type: ignore[attr-defined]


# --- Sign-in records (connected in CoreConfig.ready) ----------------------------------------


def on_user_logged_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    security_log.info("Signed in", extra={"event": "login", "user_id": user.pk})


def on_user_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    """Django calls it with the credentials already cleansed of the password."""
    log_sign_in_failed(credentials, reason="credentials")


def log_sign_in_failed(credentials: dict[str, Any], *, reason: str) -> None:
    """One record for a refused sign-in: why, and only a hash of the address given."""
    given = credentials.get("email") or credentials.get("username") or ""
    extra: dict[str, Any] = {"event": "login_failed", "reason": reason}
    if isinstance(given, str) and given:
        extra["email_hash"] = email_hash(given)
    security_log.warning("Sign-in failed", extra=extra)
