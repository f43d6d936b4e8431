"""The one builder of the notification emails: notifications one by one, digests, and
(mailing-list mode, reply by email) whatever else speaks for the platform to a member.

Every such email carries, in its text and its HTML, a link that stops exactly its kind
and one that manages all of the member's email without signing in, and the headers that
let mail programs offer the same (RFC 2369 `List-Unsubscribe`, RFC 8058 one-click
`List-Unsubscribe-Post`). Other callers add their own headers (`Reply-To`, `Message-ID`,
`In-Reply-To`, `References`) through `headers`. Transactional email (account emails,
answers to something the member just did) does not come through here.
"""

from collections.abc import Callable, Mapping, Sequence
from email.mime.image import MIMEImage

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from practica.core.text import single_line

from .models import Notification
from .unsubscribe import links_for


def email_build(
    *,
    to: str,
    user_id: int,
    kind: str,
    subject: str,
    text: str,
    html: str = "",
    headers: Mapping[str, str] | None = None,
    images: Sequence[tuple[str, bytes]] = (),
    reply_to: Sequence[str] = (),
) -> EmailMultiAlternatives:
    """A message to member `user_id` at `to`, an email of `kind` (a Category value,
    "daily", "weekly" or "list"), with its footer and unsubscribe headers.

    `html`, when given, is a whole document: the footer goes before its `</body>`.
    `images` are (content id, JPEG bytes) shown inline by `cid:` references in `html`.
    Not sent: the caller sends it (and may give it a connection to share)."""
    links = links_for(user_id=user_id, kind=kind)
    if headers and "Reply-To" in headers:
        # The reply address (practica.mailin) takes answers: say so, in the footer.
        links = {**links, "reply": _("Reply to this email to answer on the site, under your name.")}
    footer = render_to_string("notifications/email_footer.txt", links).strip()
    body = f"{text.rstrip()}\n\n-- \n{footer}\n"
    all_headers = {"Auto-Submitted": "auto-generated"}
    if links["unsubscribe"]:  # not for duties, which cannot be stopped
        all_headers["List-Unsubscribe"] = f"<{links['unsubscribe']}>"
        all_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    all_headers |= headers or {}
    message = EmailMultiAlternatives(
        single_line(subject), body, None, [to], headers=all_headers, reply_to=list(reply_to)
    )
    if html:
        html_footer = render_to_string("notifications/email_footer.html", links)
        at = html.lower().rfind("</body>")
        html = html[:at] + html_footer + html[at:] if at >= 0 else html + html_footer
        message.attach_alternative(html, "text/html")
    if images:
        message.mixed_subtype = "related"
        for cid, data in images:
            image = MIMEImage(data, "jpeg")
            image.add_header("Content-ID", f"<{cid}>")
            image.add_header("Content-Disposition", "inline", filename=f"{cid.split('@')[0]}.jpg")
            message.attach(image)
    return message


# --- What an app above adds to a notification's email (mailin: reply addresses) -------

Threading = Callable[[Notification], tuple[dict[str, str], str]]
_threading: list[Threading] = []


def email_threading(provider: Threading) -> None:
    """Register `provider(note) -> (headers, subject)`: the headers an email about `note`
    carries (Reply-To, Message-ID, In-Reply-To, References) and the subject mail programs
    thread it by ("" for the notification's own title). Registered in AppConfig.ready()
    by an app above this one, so that notifications import none of them."""
    _threading.append(provider)


def threading_of(note: Notification) -> tuple[dict[str, str], str]:
    headers: dict[str, str] = {}
    subject = ""
    for provider in _threading:
        more, their_subject = provider(note)
        headers |= more
        subject = subject or their_subject
    return headers, subject
