"""Settings for `make run` on one machine: mail to the console, no HTTPS."""

from .base import *  # noqa: F403
