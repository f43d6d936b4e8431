"""Personal calendar feed tokens."""

import secrets

from django.db import transaction

from practica.accounts.models import User

from ..models import (
    CalendarToken,
)


def calendar_token_for(user: User) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    return token


@transaction.atomic
def calendar_token_reset(*, user: User) -> CalendarToken:
    """A new secret: every calendar address given out before stops working."""
    CalendarToken.objects.filter(user=user).delete()
    return CalendarToken.objects.create(user=user, token=secrets.token_urlsafe(32))
