"""The newsletter's part of the demo site (`seed_demo` calls `seed_newsletter`): two past
issues in the archive, a draft for one community, and subscribers of every kind."""

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.utils import timezone

from .consent import CONSENT_VERSION, Action, Method
from .models import ConsentRecord, Issue, IssueStatus, Subscriber, SubscriberStatus
from .services import issue_create, member_subscribe

PAST = [
    (
        "Spring round-up: new communities and a busy library",
        "## New this season\n\n"
        "Two communities opened their doors, on **victim services** and on **bail and "
        "pre-trial practice**. Both welcome newcomers: ask to join from their pages.\n\n"
        "## In the library\n\n"
        "- A bench card on adjourning hearings for treatment-court participants\n"
        "- A template for pre-trial release reports\n"
        "- A case study on court navigators in rural circuits\n\n"
        "Thank you to everyone who shared a document: the library is what you make it.",
    ),
    (
        "Summer issue: what we learnt from the spring webinars",
        "Over four webinars, more than a hundred members compared how their courts "
        "schedule review hearings, brief interpreters and follow up with victims.\n\n"
        "> The most useful hour of my month. — a coordinator\n\n"
        "Recordings and slides are with each event. The autumn programme is being "
        "planned now: [tell the leaders](/communities/) which topics you want.",
    ),
]


def seed_newsletter(*, staff: Any, members: Sequence[Any], community: Any) -> None:
    now = timezone.now()
    for number, (subject, body) in enumerate(PAST):
        issue = issue_create(actor=staff, subject=subject, body=body, audience="all")
        sent_at = now - timedelta(days=120 - 60 * number)
        Issue.objects.filter(pk=issue.pk).update(
            status=IssueStatus.SENT, send_started_at=sent_at, sent_at=sent_at
        )
    issue_create(
        actor=staff,
        subject=f"For the members of {community.name}: the autumn meeting",
        body="Save the date: the annual meeting is in October. Details to follow.",
        audience="communities",
        communities=[community],
    )
    for member in members:
        member_subscribe(user=member)
    for number in range(3):
        visitor = Subscriber.objects.create(
            email=f"reader{number}@example.org",
            status=SubscriberStatus.SUBSCRIBED,
            subscribed_at=now - timedelta(days=30),
            consent_version=CONSENT_VERSION,
            consent_method=Method.FORM,
        )
        for action in (Action.REQUESTED, Action.GIVEN):
            ConsentRecord.objects.create(
                subscriber=visitor, action=action, method=Method.FORM,
                wording_version=CONSENT_VERSION, at=now - timedelta(days=30),
            )  # fmt: skip
    Subscriber.objects.create(email="not-yet-confirmed@example.org", requested_at=now)
