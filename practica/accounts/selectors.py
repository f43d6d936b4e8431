from typing import Any

from allauth.account.models import EmailAddress
from django.core.cache import cache

from .models import CodeOfConduct

CONDUCT_CACHE_KEY = "conduct:current-version"


def conduct_current() -> CodeOfConduct | None:
    return CodeOfConduct.objects.order_by("-version").first()


def conduct_current_version() -> int:
    """The version in force (0 when none is published); cached, cleared on publish."""
    version = cache.get(CONDUCT_CACHE_KEY)
    if version is None:
        current = conduct_current()
        version = current.version if current else 0
        cache.set(CONDUCT_CACHE_KEY, version, 300)
    return int(version)


def user_addresses(user: Any) -> set[str]:
    """The account's address and its other verified addresses, in lower case."""
    verified = EmailAddress.objects.filter(user_id=user.pk, verified=True).values_list(
        "email", flat=True
    )
    return {address.lower() for address in [user.email, *verified] if address}
