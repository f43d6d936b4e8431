import re

from django.urls import reverse

from practica.newsletter.models import Subscriber, SubscriberStatus
from practica.newsletter.services import issue_create, issue_send


def subscribed(email: str, user=None) -> Subscriber:
    return Subscriber.objects.create(
        email=email, user=user, status=SubscriberStatus.SUBSCRIBED, consent_version=1
    )


def send_issue(staff, capture, *, subject="Spring news", audience="all", communities=()):
    issue = issue_create(
        actor=staff, subject=subject, body="Hello **all**.\n\n[Events](/events/)",
        audience=audience, communities=communities,
    )  # fmt: skip
    with capture(execute=True):
        issue_send(actor=staff, issue=issue)
    return issue


def link(text: str, name: str) -> str:
    prefix = reverse(name, args=["TOKEN"]).split("TOKEN")[0]
    match = re.search(re.escape(prefix) + r"[^\s/]+/", text)
    assert match, f"no {name} link in {text!r}"
    return match.group(0)
