from typing import Any

from django.core.cache import cache
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from practica.activity.services import Note, activity_record
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.core.pagecache import bump
from practica.core.pictures import replace_pictures, square_pictures

from .models import CodeOfConduct, ConductAcceptance, User
from .permissions import check_can_publish_conduct
from .selectors import CONDUCT_CACHE_KEY, conduct_current

PHOTO_FIELDS = ("photo", "photo_small")
PROFILE_FIELDS = (
    "display_name",
    "affiliation",
    "affiliation_type",
    "occupation",
    "country",
    "region",
    "jurisdiction",
    "languages",
    "interests",
    "bio",
    "time_zone",
    "welcomes_questions",
    "open_to_mentoring",
    "profile_visibility",
)


@transaction.atomic
def profile_update(
    *,
    user: User,
    photo: UploadedFile | None = None,
    remove_photo: bool = False,
    **fields: Any,
) -> User:
    """Save the profile; with `photo`, replace the photo (checked and made square first, so
    that a refused file changes nothing: ServiceError says why); with `remove_photo`,
    go back to initials."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    pictures = square_pictures(photo) if photo else None
    # As stored: a ModelForm has already set the instance's attributes to the new values.
    was_visible_to = (
        User.objects.filter(pk=user.pk).values_list("profile_visibility", flat=True).first()
    )
    for name, value in fields.items():
        setattr(user, name, value.strip() if isinstance(value, str) else value)
    update = list(fields)
    if not user.handle and user.display_name:
        user.handle = handle_for(user.display_name)
        update.append("handle")
    if pictures is not None or (remove_photo and user.photo):
        replace_pictures(user, PHOTO_FIELDS, pictures)
        update.extend(PHOTO_FIELDS)
        # Shared parts of signed-in pages (threads, post rows) may show the old photo.
        bump("communities", "content")
    elif user.profile_visibility != was_visible_to:
        # Shared pages link (or not) to the profile and show (or not) the photo.
        bump("communities", "content")
    user.save(update_fields=update)
    # Search (and anything else that shows people) reindexes the person after commit.
    activity_record(actor=user, verb="person.updated", target=user)
    return user


def handle_for(name: str, taken: set[str] | None = None) -> str:
    """A free @handle made from `name` (e.g. "ruth-okonkwo", "ruth-okonkwo-2")."""
    base = slugify(name)[:34].strip("-") or "member"
    handle, n = base, 2
    while (taken is not None and handle in taken) or (
        taken is None and User.objects.filter(handle=handle).exists()
    ):
        handle, n = f"{base}-{n}", n + 1
    return handle


@transaction.atomic
def conduct_publish(*, actor: User, body: str, summary_of_changes: str = "") -> CodeOfConduct:
    """Publish a new version; every member must accept it before their next write."""
    check_can_publish_conduct(actor)
    if not body.strip():
        raise ServiceError("The code of conduct cannot be empty.")
    current = conduct_current()
    conduct = CodeOfConduct.objects.create(
        version=(current.version + 1) if current else 1,
        body=body.strip(),
        summary_of_changes=summary_of_changes.strip(),
        published_by=actor,
    )
    transaction.on_commit(lambda: cache.delete(CONDUCT_CACHE_KEY))
    audit_record(actor=actor, action="conduct.publish", target=conduct)
    activity_record(
        actor=actor,
        verb="conduct.published",
        target=conduct,
        notes=[
            Note(
                audience="everyone", category="decisions", kind="conduct.published",
                title=_("A new code of conduct (version %(n)s)") % {"n": conduct.version},
                body=conduct.summary_of_changes, url=reverse("conduct"),
            )
        ],
    )  # fmt: skip
    return conduct


@transaction.atomic
def conduct_accept(*, user: User, conduct: CodeOfConduct) -> None:
    """Record that `user` accepted `conduct` (idempotent; never lowers the version)."""
    ConductAcceptance.objects.get_or_create(user=user, conduct=conduct)
    if user.accepted_conduct_version < conduct.version:
        user.accepted_conduct_version = conduct.version
        user.save(update_fields=["accepted_conduct_version"])
