"""Writes: subscribing and unsubscribing with consent recorded, writing and sending issues.

Sending is at most once per subscriber and issue: a Delivery row is claimed (unique on
issue and subscriber) before the email leaves and marked sent after. A chunk that fails
on the mail server gives back the claim of the email it was sending and raises, so that
resuming sends it; a process killed between claim and send leaves that one address
unsent rather than risk a second copy.
"""

import logging
import smtplib
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.core.markdown import render_markdown

from .consent import CONSENT_VERSION, Action, Method
from .mail import issue_message, unsubscribe_url
from .models import (
    Audience,
    ConsentRecord,
    Delivery,
    Issue,
    IssueStatus,
    Subscriber,
    SubscriberStatus,
)
from .permissions import can_manage_newsletter
from .selectors import audience_subscribers, subscriber_for_user

log = logging.getLogger(__name__)

# A second confirmation email to the same address waits this long: the form cannot be
# used to flood someone's inbox, and it answers the same either way.
RESEND_AFTER = timedelta(minutes=10)


def _record(subscriber: Subscriber, action: str, method: str, version: int) -> None:
    ConsentRecord.objects.create(
        subscriber=subscriber, action=action, method=method, wording_version=version
    )


def _subscriber_for_email(email: str) -> Subscriber:
    """The row for `email`, locked, made if missing (two requests at once make one)."""
    try:
        with transaction.atomic():
            subscriber, _created = Subscriber.objects.select_for_update().get_or_create(email=email)
    except IntegrityError:
        subscriber = Subscriber.objects.select_for_update().get(email=email)
    return subscriber


def normalise_email(email: str) -> str:
    return email.strip().lower()


@transaction.atomic
def subscription_request(*, email: str, wording_version: int = CONSENT_VERSION) -> bool:
    """A visitor asks for the newsletter: queue a confirmation email with a signed,
    expiring link. Nothing is sent to an address already subscribed, nor twice within
    RESEND_AFTER; the caller answers the same whatever happened. Returns whether an email
    was queued."""
    from .tasks import confirmation_send

    email = normalise_email(email)
    subscriber = _subscriber_for_email(email)
    now = timezone.now()
    if subscriber.status == SubscriberStatus.SUBSCRIBED:
        return False
    if subscriber.requested_at and now - subscriber.requested_at < RESEND_AFTER:
        return False
    subscriber.requested_at = now
    subscriber.save(update_fields=["requested_at"])
    _record(subscriber, Action.REQUESTED, Method.FORM, wording_version)
    pk = subscriber.pk
    transaction.on_commit(lambda: confirmation_send.enqueue(pk, email, wording_version))
    return True


@transaction.atomic
def subscription_confirm(*, subscriber_id: int, email: str, version: int) -> Subscriber | None:
    """The link in the confirmation email was followed (its token already read): the
    address is subscribed, under the wording it was asked with. Idempotent. None when the
    address behind the token has changed or gone."""
    subscriber = (
        Subscriber.objects.select_for_update().filter(pk=subscriber_id, email=email).first()
    )
    if subscriber is None:
        return None
    if subscriber.status == SubscriberStatus.SUBSCRIBED:
        return subscriber
    if subscriber.user_id is None:
        # The address of a member: their preferences then show the subscription.
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is not None and not Subscriber.objects.filter(user=user).exists():
            subscriber.user = user
    _subscribe(subscriber, Method.FORM, version)
    return subscriber


def _subscribe(subscriber: Subscriber, method: str, version: int) -> None:
    subscriber.status = SubscriberStatus.SUBSCRIBED
    subscriber.subscribed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.consent_version = version
    subscriber.consent_method = method
    subscriber.save()
    _record(subscriber, Action.GIVEN, method, version)


@transaction.atomic
def subscription_withdraw(*, subscriber_id: int, method: str) -> Subscriber | None:
    """Unsubscribe; idempotent (a second click records nothing new)."""
    subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_id).first()
    if subscriber is None:
        return None
    if subscriber.status != SubscriberStatus.UNSUBSCRIBED:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
        _record(subscriber, Action.WITHDRAWN, method, subscriber.consent_version)
    return subscriber


@transaction.atomic
def member_subscribe(*, user: Any) -> Subscriber:
    """A member subscribes from their preferences. Their address was verified when they
    signed up, so no confirmation email is needed."""
    subscriber = subscriber_for_user(user)
    if subscriber is None:
        subscriber = _subscriber_for_email(normalise_email(user.email))
    else:
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.user_id is None:
        subscriber.user = user
    if subscriber.status != SubscriberStatus.SUBSCRIBED:
        _subscribe(subscriber, Method.PREFERENCE, CONSENT_VERSION)
    else:
        subscriber.save(update_fields=["user"])
    return subscriber


def member_unsubscribe(*, user: Any) -> None:
    subscriber = subscriber_for_user(user)
    if subscriber is not None:
        subscription_withdraw(subscriber_id=subscriber.pk, method=Method.PREFERENCE)


@transaction.atomic
def subscriber_import(*, email: str, wording_version: int) -> bool:
    """Staff bring in an address whose consent was collected elsewhere (a list kept before
    this site). Recorded as an import; an address that unsubscribed is not brought back.
    Returns whether it was subscribed now."""
    subscriber = _subscriber_for_email(normalise_email(email))
    if subscriber.status != SubscriberStatus.PENDING:
        return False
    _subscribe(subscriber, Method.IMPORT, wording_version)
    return True


# --- Issues -------------------------------------------------------------------------


def _check_staff(actor: Any) -> None:
    if not can_manage_newsletter(actor):
        raise PermissionDenied(_("Only the host staff write and send the newsletter."))


def _check_audience(audience: str, communities: Iterable[Any]) -> list[Any]:
    chosen = list(communities)
    if audience == Audience.COMMUNITIES and not chosen:
        raise ServiceError(_("Choose at least one community, or send to everyone subscribed."))
    return chosen if audience == Audience.COMMUNITIES else []


@transaction.atomic
def issue_create(
    *,
    actor: Any,
    subject: str,
    body: str,
    audience: str,
    communities: Iterable[Any] = (),
    in_archive: bool = True,
) -> Issue:
    _check_staff(actor)
    chosen = _check_audience(audience, communities)
    issue = Issue.objects.create(
        subject=subject,
        body=body,
        body_html=render_markdown(body),
        audience=audience,
        in_archive=in_archive,
        created_by=actor,
    )
    issue.communities.set(chosen)
    return issue


@transaction.atomic
def issue_update(
    *,
    actor: Any,
    issue: Issue,
    subject: str,
    body: str,
    audience: str,
    communities: Iterable[Any] = (),
    in_archive: bool = True,
) -> Issue:
    _check_staff(actor)
    chosen = _check_audience(audience, communities)
    locked = Issue.objects.select_for_update().get(pk=issue.pk)
    if locked.status != IssueStatus.DRAFT:
        raise ServiceError(_("This issue is already being sent: it can no longer be changed."))
    locked.subject, locked.body, locked.body_html = subject, body, render_markdown(body)
    locked.audience, locked.in_archive = audience, in_archive
    locked.save()
    locked.communities.set(chosen)
    return locked


@transaction.atomic
def issue_delete(*, actor: Any, issue: Issue) -> None:
    """Delete a draft; an issue that has begun sending is kept (it is a record)."""
    _check_staff(actor)
    deleted, _rows = Issue.objects.filter(pk=issue.pk, status=IssueStatus.DRAFT).delete()
    if not deleted:
        raise ServiceError(_("Only a draft can be deleted; this issue has been sent."))
    audit_record(actor=actor, action="newsletter.delete", target=issue, reason=issue.subject)


def issue_send_test(*, actor: Any, issue: Issue) -> str:
    """Queue a copy of the issue to the member of staff alone; returns their address."""
    from .tasks import issue_test_send

    _check_staff(actor)
    if not actor.email:
        raise ServiceError(_("Your account has no email address to send the test to."))
    issue_test_send.enqueue(issue.pk, actor.pk)
    return str(actor.email)


@transaction.atomic
def issue_send(*, actor: Any, issue: Issue) -> int:
    """Start sending a draft to its audience, in chunks of tasks; returns how many it goes
    to. Refused when nobody would receive it or when sending has already begun."""
    from .tasks import issue_send_chunk_task

    _check_staff(actor)
    locked = Issue.objects.select_for_update().get(pk=issue.pk)
    if locked.status != IssueStatus.DRAFT:
        raise ServiceError(_("This issue has already been sent."))
    total = audience_subscribers(locked).count()
    if not total:
        raise ServiceError(
            _("Nobody would receive this issue: its audience has no subscribed address yet.")
        )
    locked.status = IssueStatus.SENDING
    locked.send_started_at = timezone.now()
    locked.recipients_total = total
    locked.save(update_fields=["status", "send_started_at", "recipients_total", "updated_at"])
    audit_record(
        actor=actor,
        action="newsletter.send",
        target=locked,
        data={"audience": locked.audience, "recipients": total},
    )
    transaction.on_commit(lambda: issue_send_chunk_task.enqueue(locked.pk, 0))
    return total


@transaction.atomic
def issue_send_resume(*, actor: Any, issue: Issue) -> None:
    """Send again from the start of the audience what a stopped worker left unsent; those
    already sent are skipped (their deliveries exist)."""
    from .tasks import issue_send_chunk_task

    _check_staff(actor)
    if not Issue.objects.filter(pk=issue.pk, status=IssueStatus.SENDING).exists():
        raise ServiceError(_("This issue is not being sent."))
    audit_record(actor=actor, action="newsletter.resume", target=issue)
    transaction.on_commit(lambda: issue_send_chunk_task.enqueue(issue.pk, 0))


def issues_resume_stalled(*, idle: timedelta) -> int:
    """Resume sends whose worker stopped (nothing claimed for `idle`): with no cron and no
    one at the keyboard, a restart of the worker still finishes every issue. Returns how
    many were resumed."""
    from .tasks import issue_send_chunk_task

    cutoff = timezone.now() - idle
    stalled = (
        Issue.objects.filter(status=IssueStatus.SENDING, send_started_at__lt=cutoff)
        .annotate(last_claim=Max("deliveries__claimed_at"))
        .filter(Q(last_claim__isnull=True) | Q(last_claim__lt=cutoff))
        .values_list("pk", flat=True)
    )
    resumed = 0
    for pk in stalled:
        issue_send_chunk_task.enqueue(pk, 0)
        resumed += 1
    return resumed


def issue_send_chunk(*, issue_id: int, after_id: int) -> int | None:
    """Send the issue to the next chunk of its audience (subscriber ids above `after_id`,
    in order); return the last id for the next chunk, or None when the audience is done
    (the issue is then marked sent). Safe to run twice, or two at once."""
    issue = Issue.objects.filter(pk=issue_id, status=IssueStatus.SENDING).first()
    if issue is None:
        return None
    size = settings.PRACTICA_NEWSLETTER_CHUNK
    ids = list(
        audience_subscribers(issue)
        .filter(pk__gt=after_id)
        .order_by("pk")
        .values_list("pk", flat=True)[:size]
    )
    done = set(
        Delivery.objects.filter(issue=issue, subscriber_id__in=ids).values_list(
            "subscriber_id", flat=True
        )
    )
    todo = Subscriber.objects.filter(pk__in=[i for i in ids if i not in done]).select_related(
        "user"
    )
    connection = get_connection()
    try:
        for subscriber in todo.order_by("pk"):
            _deliver(issue, subscriber, connection)
    finally:
        connection.close()
    if len(ids) < size:
        Issue.objects.filter(pk=issue.pk, status=IssueStatus.SENDING).update(
            status=IssueStatus.SENT, sent_at=timezone.now()
        )
        return None
    return ids[-1]


def _deliver(issue: Issue, subscriber: Subscriber, connection: Any) -> None:
    address = (subscriber.user.email if subscriber.user else "") or subscriber.email
    try:
        delivery = Delivery.objects.create(issue=issue, subscriber=subscriber, email=address)
    except IntegrityError:
        return  # another run claimed it: it sends it
    message = issue_message(issue, to=address, unsubscribe=unsubscribe_url(subscriber.pk))
    message.connection = connection
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        log.warning("newsletter %s refused for subscriber %s", issue.pk, subscriber.pk)
        Delivery.objects.filter(pk=delivery.pk).update(failed=str(error)[:200])
        return
    except Exception:
        # Not sent: give the claim back, so that resuming sends it.
        Delivery.objects.filter(pk=delivery.pk).delete()
        raise
    Delivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now())
