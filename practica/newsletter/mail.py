"""The newsletter's emails: a plain-text and an HTML part, and RFC 8058 one-click
unsubscribe headers on every issue."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from practica.core.http import site_host, site_url
from practica.core.text import single_line

from .models import Issue
from .tokens import confirm_token, unsubscribe_token


def unsubscribe_url(subscriber_id: int) -> str:
    return site_url(reverse("newsletter_unsubscribe", args=[unsubscribe_token(subscriber_id)]))


def issue_message(
    issue: Issue, *, to: str, unsubscribe: str, test: bool = False
) -> EmailMultiAlternatives:
    """The issue as it leaves for `to`; `unsubscribe` is their own one-click address
    (a test copy to a member of staff who is not subscribed points to the preferences)."""
    context = {
        "issue": issue,
        "unsubscribe_url": unsubscribe,
        "archive_url": site_url(reverse("newsletter_archive")),
        "site_url": settings.SITE_URL,
        "test": test,
    }
    subject = single_line(
        _("[Test] %(subject)s") % {"subject": issue.subject} if test else issue.subject
    )
    message = EmailMultiAlternatives(
        subject,
        render_to_string("newsletter/email.txt", context),
        None,
        [to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            # A test copy's link is the sender's own preferences page: no one-click there.
            **({} if test else {"List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}),
            "List-Id": f"Newsletter <newsletter.{site_host()}>",
        },
    )
    html = str(render_to_string("newsletter/email.html", context))
    # Links to the site's own pages, written as paths, must name the site in an email.
    html = html.replace('href="/', f'href="{settings.SITE_URL}/')
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(*, subscriber_id: int, email: str, version: int) -> EmailMultiAlternatives:
    token = confirm_token(subscriber_id=subscriber_id, email=email, version=version)
    context = {
        "confirm_url": site_url(reverse("newsletter_confirm", args=[token])),
        "days": settings.PRACTICA_NEWSLETTER_CONFIRM_DAYS,
    }
    return EmailMultiAlternatives(
        single_line(_("Confirm your subscription to the newsletter")),
        render_to_string("newsletter/confirm_email.txt", context),
        None,
        [email],
    )
