"""Run the inbound SMTP listener until interrupted (`serve` starts it when configured)."""

import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from practica.mailin.listener import listener
from practica.mailin.tokens import inbound_domain


class Command(BaseCommand):
    help = "Take email for EMAIL_INBOUND_DOMAIN over SMTP: replies, new posts, bounces."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default="")
        parser.add_argument("--port", type=int, default=0)

    def handle(self, *args: Any, host: str, port: int, **options: Any) -> None:
        if not inbound_domain():
            raise CommandError("Set EMAIL_INBOUND_DOMAIN to take email.")
        port = port or settings.EMAIL_INBOUND_PORT
        if not port:
            raise CommandError("Set EMAIL_INBOUND_PORT (or --port) to listen.")
        stop = threading.Event()
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        controller = listener(host, port)
        controller.start()
        self.stdout.write(
            f"Taking email for {inbound_domain()} on {controller.hostname}:{controller.port}"
        )
        try:
            stop.wait()
        finally:
            controller.stop()
