"""Answers to incoming messages, sent by the task queue."""

from django.core.mail import EmailMessage
from django_tasks import task

from practica.core.text import single_line


@task()
def answer_send(to: str, subject: str, body: str, in_reply_to: str = "") -> None:
    """An automatic answer (RFC 3834): marked so that auto-responders do not answer it."""
    headers = {"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"}
    if in_reply_to:
        headers["In-Reply-To"] = in_reply_to
        headers["References"] = in_reply_to
    EmailMessage(single_line(subject), body, None, [to], headers=headers).send()
