"""How each member wants each category of notification by email."""

from collections.abc import Iterable

from django.db import transaction

from .models import ALWAYS_EMAILED, DEFAULT_DELIVERY, Category, Delivery, EmailSettings, Preference


def deliveries_of(user_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """Every member's delivery for every category (their choice, else the default), in
    one query."""
    ids = list(user_ids)
    chosen: dict[int, dict[str, str]] = {
        uid: {str(c): str(d) for c, d in DEFAULT_DELIVERY.items()} for uid in ids
    }
    for uid, category, delivery in Preference.objects.filter(user_id__in=ids).values_list(
        "user_id", "category", "delivery"
    ):
        chosen[uid][category] = delivery
    return chosen


def preference_set(*, user_id: int, category: str, delivery: str) -> None:
    if category not in Category.values or delivery not in Delivery.values:
        raise ValueError((category, delivery))
    if delivery == Delivery.NEVER and category in ALWAYS_EMAILED:
        raise ValueError((category, delivery))
    Preference.objects.update_or_create(
        user_id=user_id, category=category, defaults={"delivery": delivery}
    )


def email_preferences_set(
    *,
    user_id: int,
    deliveries: dict[str, str],
    digest_hour: int,
    weekly_day: int,
    mailing_list: bool,
) -> None:
    """A member's email choices at once: a delivery per category, when digests come (hour
    0-23 and day 0 Monday … 6 Sunday, in their time zone), and mailing-list mode."""
    if not (0 <= digest_hour <= 23 and 0 <= weekly_day <= 6):
        raise ValueError((digest_hour, weekly_day))
    with transaction.atomic():
        for category, delivery in deliveries.items():
            preference_set(user_id=user_id, category=category, delivery=delivery)
        EmailSettings.objects.update_or_create(
            user_id=user_id,
            defaults={
                "digest_hour": digest_hour,
                "weekly_day": weekly_day,
                "mailing_list": mailing_list,
            },
        )
