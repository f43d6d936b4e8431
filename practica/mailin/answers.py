"""The short emails that tell a sender why their message was not posted, with their
text quoted back so that nothing they wrote is lost."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from .parse import Inbound
from .tasks import answer_send

QUOTE_MAX = 100_000  # characters quoted back; past this the rest is cut


def quoted(text: str) -> str:
    cut = len(text) > QUOTE_MAX
    lines = text[:QUOTE_MAX].splitlines() or [""]
    out = "\n".join(f"> {line}".rstrip() for line in lines)
    return out + ("\n> […]" if cut else "")


def answer(inbound: Inbound, reason: str, *, link: str = "", text: str | None = None) -> None:
    """Queue the answer to `inbound`'s sender once the caller commits: `reason` first, then
    where to go on the site, then their words (`text`, or all they wrote) quoted."""
    if not inbound.sender:
        return
    words = inbound.text if text is None else text
    link = link or f"{settings.SITE_URL}/"
    body = "\n\n".join(
        [
            reason,
            _("On the site: %(link)s") % {"link": link},
            _("Your message was not posted. Here is what you wrote, so that nothing is lost:"),
            quoted(words),
        ]
    )
    subject = _("Not posted: %(subject)s") % {"subject": inbound.subject or _("your message")}
    transaction.on_commit(
        partial(answer_send.enqueue, inbound.sender, subject, body, inbound.message_id)
    )
