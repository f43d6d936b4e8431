"""How each member wants each category of notification by email."""

from collections.abc import Iterable

from .models import DEFAULT_DELIVERY, Category, Delivery, Preference


def deliveries_for(*, user_ids: Iterable[int], category: Category) -> dict[int, str]:
    ids = list(user_ids)
    chosen = dict(
        Preference.objects.filter(user_id__in=ids, category=category).values_list(
            "user_id", "delivery"
        )
    )
    default = DEFAULT_DELIVERY[category]
    return {uid: chosen.get(uid, default) for uid in ids}


def preference_set(*, user_id: int, category: str, delivery: str) -> None:
    if category not in Category.values or delivery not in Delivery.values:
        raise ValueError((category, delivery))
    Preference.objects.update_or_create(
        user_id=user_id, category=category, defaults={"delivery": delivery}
    )
