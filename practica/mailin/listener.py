"""The SMTP listener: takes messages for EMAIL_INBOUND_DOMAIN and hands each to
`mail_receive`. It relays nothing: any other recipient is refused at RCPT."""

import asyncio
import logging
from typing import Any

from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import close_old_connections, connections

from .services import mail_receive
from .tokens import inbound_domain

log = logging.getLogger(__name__)


def _receive(raw: bytes, recipients: list[str], envelope_sender: str) -> str:
    close_old_connections()
    try:
        return mail_receive(raw=raw, recipients=recipients, envelope_sender=envelope_sender)
    finally:
        # This thread's connections are closed after each message: mail comes seldom, and
        # a connection left open in an idle thread holds the database (and its sessions).
        connections.close_all()


class InboundHandler:
    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        domain = inbound_domain()
        if not domain or not address.lower().endswith(f"@{domain}"):
            return "550 5.7.1 This server takes mail only for its own addresses"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content
        try:
            outcome = await asyncio.get_running_loop().run_in_executor(
                None, _receive, raw, list(envelope.rcpt_tos), envelope.mail_from or ""
            )
        except Exception:
            # The sending server keeps the message and tries again later: nothing is lost.
            log.exception("Inbound message could not be handled")
            return "451 4.3.0 The message could not be taken now; please try again later"
        log.info("Inbound message: %s", outcome)
        return "250 OK"


def listener(host: str = "", port: int = 0) -> Controller:
    """An SMTP listener (not yet started) on `host`:`port`, by default the configured ones.
    Messages far past EMAIL_INBOUND_MAX_BYTES are refused by SMTP itself (552); those a
    little over it are taken, and answered."""
    return Controller(
        InboundHandler(),
        hostname=host or settings.EMAIL_INBOUND_HOST,
        port=port or settings.EMAIL_INBOUND_PORT,
        server_hostname=inbound_domain() or None,
        data_size_limit=max(4 * settings.EMAIL_INBOUND_MAX_BYTES, 10 * 1024 * 1024),
        enable_SMTPUTF8=True,
    )
