"""Send the digests of one chunk of members, each at most once per period."""

import logging
import uuid
from datetime import datetime
from smtplib import SMTPRecipientsRefused

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ..emails import email_build
from ..models import Notification
from ..preferences import deliveries_of
from .compose import Digest, compose
from .models import DigestKind, DigestSent
from .registry import Window
from .schedule import DEFAULT_DAY, DEFAULT_HOUR, Slot, slot_for, stale_after, zone_of

log = logging.getLogger(__name__)


def digest_chunk_send(*, kind: str, user_ids: list[int], at: datetime) -> int:
    """Send the digests of `kind` due at `at` to those of `user_ids` not yet served this
    period; the number sent.

    Safe to run again, and alongside another run: each member's (kind, period) row is
    claimed before anything is read for them, and stamped sent as soon as their message
    has left. A member with nothing new gets no email (their row says so: items 0)."""
    kind = DigestKind(kind)
    slots = _due(kind, user_ids, at)
    if not slots:
        return 0
    mine = _claim(kind, slots)
    if not mine:
        return 0
    users = dict(get_user_model().objects.filter(pk__in=mine).values_list("pk", "email"))
    deliveries = deliveries_of(list(mine))
    windows = {uid: mine[uid].window(kind) for uid in mine}
    digests = compose(windows, deliveries)
    connection = get_connection()
    sent = 0
    empty: list[int] = []
    try:
        for digest in digests:
            if not digest.blocks:
                empty.append(digest.user_id)
                if digest.dropped_ids:
                    _mark_emailed(digest.dropped_ids)
                continue
            message = digest_message(digest, to=users[digest.user_id])
            message.connection = connection
            try:
                message.send()
            except SMTPRecipientsRefused:
                # This address only: the others are served; its claim stays unsent, so a
                # later run within the catch-up hours may try it again.
                log.warning("Digest refused for member %s", digest.user_id)
                continue
            # At once, not at the end of the chunk: a run that dies after this line has
            # sent this member their digest and says so.
            DigestSent.objects.filter(
                user_id=digest.user_id, kind=kind, period=mine[digest.user_id].period
            ).update(sent_at=timezone.now(), items=digest.items)
            _mark_emailed(digest.notification_ids + digest.dropped_ids)
            sent += 1
    finally:
        connection.close()
    if empty:
        periods = {mine[uid].period for uid in empty}
        DigestSent.objects.filter(
            user_id__in=empty, kind=kind, period__in=periods, sent_at__isnull=True
        ).update(sent_at=timezone.now(), items=0)
    return sent


def _due(kind: str, user_ids: list[int], at: datetime) -> dict[int, Slot]:
    """Each member's due slot at `at` (asked again: they may have changed their hour
    since the run was planned), for active members whose address takes mail."""
    users = (
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .exclude(email_settings__stopped_at__isnull=False)
        .values_list("pk", "time_zone", "email_settings__digest_hour", "email_settings__weekly_day")
    )
    slots: dict[int, Slot] = {}
    for uid, zone, hour, day in users:
        hour = DEFAULT_HOUR if hour is None else hour
        day = DEFAULT_DAY if day is None else day
        slot = slot_for(kind, zone_of(zone), hour, day, at)
        if slot is not None:
            slots[uid] = slot
    return slots


def _claim(kind: str, slots: dict[int, Slot]) -> dict[int, Slot]:
    """Claim each member's row for their period; those this call holds. A claim older
    than DIGEST_CLAIM_STALE_MINUTES and never sent is taken over."""
    claim = uuid.uuid4().hex
    now = timezone.now()
    DigestSent.objects.bulk_create(
        [
            DigestSent(user_id=uid, kind=kind, period=slot.period, claim=claim, claimed_at=now)
            for uid, slot in slots.items()
        ],
        ignore_conflicts=True,
    )
    by_period: dict[str, list[int]] = {}
    for uid, slot in slots.items():
        by_period.setdefault(slot.period, []).append(uid)
    theirs = Q(pk__in=[])
    for period, uids in by_period.items():
        theirs |= Q(period=period, user_id__in=uids)
    rows = DigestSent.objects.filter(theirs, kind=kind)
    rows.filter(sent_at__isnull=True, claimed_at__lt=now - stale_after()).update(
        claim=claim, claimed_at=now
    )
    held = set(rows.filter(claim=claim).values_list("user_id", flat=True))
    return {uid: slot for uid, slot in slots.items() if uid in held}


def _mark_emailed(ids: list[int]) -> None:
    if ids:
        Notification.objects.filter(pk__in=ids, emailed_at__isnull=True).update(
            emailed_at=timezone.now()
        )


def digest_message(digest: Digest, *, to: str) -> EmailMultiAlternatives:
    """The digest as plain text and as small HTML that common mail programs show (no style
    sheet, no remote image: attributes and inline styles only)."""
    window: Window = digest.window
    day = formats.date_format(window.end.date(), "DATE_FORMAT")
    if window.kind == DigestKind.DAILY:
        heading = _("Your daily digest, %(day)s") % {"day": day}
    else:
        heading = _("Your weekly digest, the week to %(day)s") % {"day": day}
    context = {"heading": heading, "blocks": digest.blocks, "site": settings.SITE_URL}
    text = render_to_string("notifications/digests/digest.txt", context)
    html = render_to_string("notifications/digests/digest.html", context)
    subject = _("[Practica] %(heading)s: %(count)d new") % {
        "heading": heading,
        "count": digest.items,
    }
    return email_build(
        to=to, user_id=digest.user_id, kind=window.kind, subject=subject, text=text, html=html
    )
