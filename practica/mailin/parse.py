"""Reading one incoming message: who sent it, to whom, its words, its attachments, and
whether a machine sent it (an auto-reply or a delivery report), which is never answered."""

import html
import re
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr

from django.utils.html import strip_tags
from mailparser_reply import EmailReplyParser

# Languages whose reply headers ("On … wrote:", "Le … a écrit :") and signatures the
# stripping recognises: the site's, and the ones members most often write from.
REPLY_LANGUAGES = ["en", "fr", "es", "de", "it", "nl", "pl"]
AUTOMATIC_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}
MACHINE_SENDERS = {"mailer-daemon", "postmaster", "noreply", "no-reply"}
HARD_STATUS = re.compile(r"^\s*5\.\d{1,3}\.\d{1,3}")


@dataclass
class Inbound:
    sender: str  # the From address, lower case ("" when none could be read)
    subject: str
    text: str  # the whole text, as written, quoted parts included
    message_id: str
    recipients: list[str]  # the addresses it was written to (headers)
    attachments: list[str] = field(default_factory=list)
    automatic: bool = False
    # (address, status) for each recipient a delivery report says failed for good
    hard_bounces: list[tuple[str, str]] = field(default_factory=list)
    # Authentication-Results headers (RFC 8601), as the receiving mail servers added them
    authentication: list[str] = field(default_factory=list)


def inbound_parse(raw: bytes, *, envelope_sender: str | None = None) -> Inbound:
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    _name, sender = parseaddr(str(message.get("From", "")))
    body = message.get_body(preferencelist=("plain", "html"))
    text = _text(body) if body is not None else ""
    is_report = message.get_content_type() == "multipart/report"
    return Inbound(
        sender=sender.strip().lower(),
        subject=" ".join(str(message.get("Subject", "")).split()),
        text=text,
        message_id=str(message.get("Message-ID", "")).strip(),
        recipients=_recipients(message),
        attachments=_attachments(message, body),
        automatic=is_report or _automatic(message, sender, envelope_sender),
        hard_bounces=_hard_bounces(message) if is_report else [],
        authentication=[
            " ".join(str(value).split()) for value in message.get_all("Authentication-Results", [])
        ],
    )


def reply_text(text: str) -> str:
    """The member's own words: what they quoted and their signature taken off."""
    parsed = EmailReplyParser(languages=REPLY_LANGUAGES).read(text=text)
    if not parsed.replies:
        return text.strip()
    first = parsed.replies[0]
    if first.headers:  # it opens with "On … wrote:": nothing of their own above it
        return ""
    lines = str(first.body or "").strip().splitlines()
    # A quoted block at the end (no "On … wrote:" above it) is the email they answer;
    # quotes between their own lines stay, as the context of what they say.
    while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith(">")):
        lines.pop()
    return "\n".join(lines).strip()


def _text(part: Message) -> str:
    try:
        content = part.get_content()  # type: ignore[attr-defined]
    except (LookupError, ValueError):  # an unknown charset: read what can be read
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    content = str(content).replace("\r\n", "\n")
    if part.get_content_subtype() == "html":
        content = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</tr>", "\n", content)
        content = re.sub(r"(?i)<blockquote.*?</blockquote>", "", content, flags=re.S)
        content = re.sub(r"(?is)<(style|script|head).*?</\1>", "", content)
        content = strip_tags(content)
        content = re.sub(r"\n{3,}", "\n\n", html.unescape(content))
    return content.strip()


def _recipients(message: Message) -> list[str]:
    values = [
        str(value)
        for name in ("Delivered-To", "X-Original-To", "To", "Cc")
        for value in message.get_all(name, [])
    ]
    return [address.lower() for _name, address in getaddresses(values) if address]


def _attachments(message: Message, body: Message | None) -> list[str]:
    """Files sent with the message. Text alternatives of the body, and images shown inside
    it (a logo in a signature: inline, with a Content-ID) are not files the member sent."""
    found = []
    for part in message.walk():
        if part.is_multipart() or part is body:
            continue
        inline = part.get_content_maintype() == "text" or bool(part.get("Content-ID"))
        if part.get_content_disposition() != "attachment" and inline:
            continue
        found.append(part.get_filename() or part.get_content_type())
    return found


def _automatic(message: Message, sender: str, envelope_sender: str | None) -> bool:
    """Sent by a machine (RFC 3834 and common practice): answering it could start a loop
    of automatic messages, and posting it would put an out-of-office on a thread."""
    auto = str(message.get("Auto-Submitted", "")).strip().lower()
    if auto and not auto.startswith("no"):
        return True
    if str(message.get("Precedence", "")).strip().lower() in AUTOMATIC_PRECEDENCE:
        return True
    if message.get("X-Autoreply") or message.get("X-Autorespond"):
        return True
    if str(message.get("Return-Path", "")).strip() == "<>" or envelope_sender in ("", "<>"):
        return True
    return sender.split("@")[0].lower() in MACHINE_SENDERS


def _hard_bounces(message: Message) -> list[tuple[str, str]]:
    """The addresses a delivery status notification (RFC 3464) reports as failed for good
    (status 5.x.x); delays and temporary failures (4.x.x) count for nothing."""
    found = []
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        blocks = part.get_payload()
        for block in blocks if isinstance(blocks, list) else []:
            if not isinstance(block, Message):
                continue
            status = str(block.get("Status", ""))
            recipient = str(block.get("Final-Recipient", "") or block.get("Original-Recipient", ""))
            if not HARD_STATUS.match(status) or not recipient:
                continue
            address = recipient.split(";", 1)[-1].strip().strip("<>").lower()
            if "@" in address:
                found.append((address, status.strip()))
    return found
