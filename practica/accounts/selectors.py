from typing import Any

from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.http import Http404

from .models import CodeOfConduct, User

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


def access_person_photo(*, viewer: Any, pk: int) -> User:
    """The person whose photo `viewer` asks for, or Http404 whether the person is missing,
    hidden from the viewer, or has no photo: the answer tells nothing."""
    from .permissions import can_view_profile

    person = User.objects.filter(pk=pk).only("pk", "is_active", "photo", "photo_small").first()
    if person is None or not person.photo or not can_view_profile(viewer, person):
        raise Http404
    return person


def people_list(*, query: str = "", occupation: str = "") -> QuerySet[User]:
    """Active people with a complete profile, for the People page."""
    qs = User.objects.filter(is_active=True).exclude(display_name="").exclude(affiliation="")
    if query:
        qs = qs.filter(
            Q(display_name__icontains=query)
            | Q(affiliation__icontains=query)
            | Q(interests__icontains=query)
            | Q(country__icontains=query)
        )
    if occupation:
        qs = qs.filter(occupation=occupation)
    return qs.order_by("display_name", "id")


def user_addresses(user: Any) -> set[str]:
    """The account's address and its other verified addresses, in lower case."""
    verified = EmailAddress.objects.filter(user_id=user.pk, verified=True).values_list(
        "email", flat=True
    )
    return {address.lower() for address in [user.email, *verified] if address}
