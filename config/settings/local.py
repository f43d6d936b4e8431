"""Settings for `make run` on one machine: mail to the console, no HTTPS."""

from .base import *  # noqa: F403

# Reply addresses in the emails printed to the console: a reply saved to a file can be
# handed in with `manage.py mail_inbound < reply.eml` (or, with EMAIL_INBOUND_PORT set,
# sent to the listener `serve` starts).
EMAIL_INBOUND_DOMAIN = env.str("EMAIL_INBOUND_DOMAIN", default="practica.localhost")  # noqa: F405
