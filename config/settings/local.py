"""Settings for `make run` on one machine: mail to the console, no HTTPS."""

from .base import *  # noqa: F403

# Reply addresses in the emails printed to the console: a reply saved to a file can be
# handed in with `manage.py mail_inbound < reply.eml` (or, with EMAIL_INBOUND_PORT set,
# sent to the listener `serve` starts).
EMAIL_INBOUND_DOMAIN = env.str("EMAIL_INBOUND_DOMAIN", default="practica.localhost")  # noqa: F405

if not REDIS_URL:  # noqa: F405
    # `make run` is several processes: the web server, the task worker (which now makes
    # the notifications) and commands such as `mail_inbound`. A cache in files under var/
    # is shared by all of them, so what one changes the others' cached pages show at once;
    # a cache in one process's memory would show it only when the page expired.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),  # noqa: F405
            "OPTIONS": {"MAX_ENTRIES": env.int("LOCMEM_CACHE_ENTRIES", default=3000)},  # noqa: F405
        }
    }
