"""Take one message from standard input, as a mail server's pipe hands it over.

Exit codes follow sysexits.h, which mail servers read: 0 the message was handled (posted,
answered or, for automatic mail, dropped); 75 (EX_TEMPFAIL) something went wrong on our
side, so the server keeps it and tries again; 78 (EX_CONFIG) inbound email is not set up.
"""

import logging
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from practica.mailin.services import mail_receive
from practica.mailin.tokens import inbound_domain

EX_TEMPFAIL = 75
EX_CONFIG = 78
log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Read one email from standard input and take it in (for a mail server's pipe)."
    stealth_options = ("stdin",)

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--recipient",
            action="append",
            default=[],
            help="The envelope recipient (Postfix: ${recipient}); else the headers say.",
        )
        parser.add_argument(
            "--sender",
            default=None,
            help="The envelope sender (Postfix: ${sender}); empty for a bounce.",
        )

    def handle(self, *args: Any, recipient: list[str], sender: str | None, **options: Any) -> None:
        if not inbound_domain():
            self.stderr.write("Set EMAIL_INBOUND_DOMAIN to take email.")
            sys.exit(EX_CONFIG)
        stream = options.get("stdin") or sys.stdin.buffer
        # Past this, only the beginning is kept (enough for the headers and the answer that
        # the message is too large); the rest is read and dropped, so that the mail server
        # sees its pipe taken in full.
        cap = 4 * settings.EMAIL_INBOUND_MAX_BYTES
        raw = stream.read(cap)
        while stream.read(1024 * 1024):
            pass
        try:
            outcome = mail_receive(raw=raw, recipients=recipient, envelope_sender=sender)
        except Exception:
            log.exception("Inbound message could not be handled")
            sys.exit(EX_TEMPFAIL)
        if options.get("verbosity", 1) > 1:
            self.stdout.write(str(outcome))
