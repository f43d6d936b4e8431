"""Plain text that cannot break a page, a header or a file format.

Forms refuse control characters in single-line fields (`validate_single_line`); what is
already stored is made safe where it leaves the site, with `single_line` for email
subjects, calendar names and other one-line properties and `multi_line` for bodies.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Unicode's control characters (C0, DEL, C1, which includes NEL) and the line and paragraph
# separators: each ends a line somewhere (mail headers, calendar lines, logs, terminals).
# The one definition: the log formatters escape the same set (core/logging.py).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def has_control_characters(value: str) -> bool:
    return CONTROL_CHARACTERS.search(value) is not None


def validate_single_line(value: str) -> None:
    """Refuse line breaks, tabs and other control characters in a one-line value."""
    if has_control_characters(value):
        raise ValidationError(
            _("Write this on one line, without line breaks, tabs or control characters."),
            code="control_characters",
        )


_SPACES = re.compile(r"\s+")


def single_line(value: str) -> str:
    """`value` as one line: each run of whitespace or control characters becomes one space."""
    return _SPACES.sub(" ", CONTROL_CHARACTERS.sub(" ", value)).strip()


def multi_line(value: str) -> str:
    """`value` with its line breaks as "\\n" and without other control characters."""
    for end in ("\r\n", "\r", "\x85", "\u2028", "\u2029"):
        value = value.replace(end, "\n")
    lines = value.split("\n")
    return "\n".join(CONTROL_CHARACTERS.sub(_keep_tab, line) for line in lines)


def _keep_tab(match: re.Match[str]) -> str:
    return "\t" if match.group() == "\t" else ""
