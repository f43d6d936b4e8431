"""Faces in templates: `{% load faces %}`, then

    {% avatar person %}                    a 32 px avatar beside a visible name
    {% avatar person size="l" decorative=False %}   alone, so it carries the name
    {% emblem community size="m" %}        a community's emblem
    <div class="{{ community|face_class }}">  the community's colour, for accents

A person's photo shows only to readers who may see their profile (signed-in members); other
readers, and emails, get initials on a colour from the name. Which one is decided from the
template's `request.user`; a fragment rendered once and shared between readers must set
`show_photos` in its context and keep that value among the parts of its cache key
(`photos_shown(user)` gives it), so that a visitor is never handed a member's copy.

Avatars beside a visible name are decorative (alt="", hidden from screen readers): the name
is already read. No style attribute anywhere (the Content-Security-Policy forbids them):
sizes and colours are classes in site.css, "Avatars and emblems".
"""

from functools import lru_cache
from typing import Any

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from practica.accounts.models import ProfileVisibility
from practica.accounts.permissions import can_view_profiles, is_staff

register = template.Library()

# size name → CSS pixels, and the stored picture that covers it on a high-density screen.
PIXELS = {"xs": 24, "s": 32, "m": 48, "l": 96, "xl": 128}
PICTURE = {"xs": "s", "s": "s", "m": "l", "l": "l", "xl": "l"}


def photos_shown(user: Any) -> bool:
    """Does this reader see members' photos (rather than initials)?"""
    return can_view_profiles(user)


@lru_cache(maxsize=8)
def _pattern(name: str, prefix: str) -> str:
    """The address of `name` for any key and size, reversed once per process."""
    return reverse(name, args=["4040404", "zz"]).replace("4040404", "{}").replace("zz", "{}")


def _url(name: str, key: object, picture: str, version: str) -> str:
    return _pattern(name, get_script_prefix()).format(key, picture) + "?v=" + version


def _context_shows_photos(context: template.Context) -> bool:
    if "show_photos" in context:
        return bool(context["show_photos"])
    request = context.get("request")
    return photos_shown(getattr(request, "user", None) or context.get("user"))


def _photo_may_show(context: template.Context, person: Any) -> bool:
    """Photos of people who show their profile only to their communities' members are
    left out (initials instead) unless the reader is that person or staff: asking whether
    the reader shares a community would cost a query per face, and the photo's address
    would answer 404 to a reader who does not (directory.permissions.can_view_profile)."""
    if getattr(person, "profile_visibility", None) != ProfileVisibility.COMMUNITIES:
        return True
    if "show_photos" in context:
        return False
    request = context.get("request")
    reader = getattr(request, "user", None) or context.get("user")
    return getattr(reader, "pk", None) == person.pk or is_staff(reader)


def _face(initials: str, size: str, colour: str, kind: str, label: str | None) -> SafeString:
    classes = f"{kind} {kind}--{size} face--{colour}"
    if label is None:
        return format_html('<span class="{}" aria-hidden="true">{}</span>', classes, initials)
    return format_html(
        '<span class="{}" role="img" aria-label="{}"><span aria-hidden="true">{}</span></span>',
        classes,
        label,
        initials,
    )


def _img(url: str, size: str, kind: str, alt: str) -> SafeString:
    px = PIXELS[size]
    return format_html(
        '<img class="{} {}--{}" src="{}" alt="{}" width="{}" height="{}" loading="lazy" '
        'decoding="async">',
        kind,
        kind,
        size,
        url,
        alt,
        px,
        px,
    )


@register.simple_tag(takes_context=True)
def avatar(
    context: template.Context, person: Any, size: str = "s", decorative: bool = True
) -> SafeString | str:
    if person is None:
        return ""
    size = size if size in PIXELS else "s"
    name = person.name
    if (
        person.photo
        and person.is_active
        and _context_shows_photos(context)
        and _photo_may_show(context, person)
    ):
        picture = PICTURE[size]
        url = _url("person_photo", person.pk, picture, person.photo_version(picture))
        return _img(url, size, "avatar", "" if decorative else name)
    return _face(person.initials, size, person.face_colour, "avatar", None if decorative else name)


@register.simple_tag(takes_context=True)
def profile_linked(context: template.Context, person: Any) -> bool:
    """Link a name to the person's profile? Not for visitors when the profile is not
    public: it would answer 404 (directory.permissions.can_view_profile has the full rule;
    this one costs no query and follows the same reader split as photos)."""
    if person is None or not person.is_active:
        return False
    if getattr(person, "profile_visibility", None) == ProfileVisibility.PUBLIC:
        return True
    return _context_shows_photos(context)


@register.simple_tag(takes_context=True)
def author_linked(context: template.Context, item: Any) -> bool:
    """Link the author of a post or comment (`item`) to their profile? Only where the
    reader may open it: a public profile for anyone, a members' one for signed-in readers,
    one shown to communities only for its owner and staff, and never in HTML shared by
    several readers (`show_photos` in the context: the thread's cached comments), whose
    key tells signed-in readers from visitors and nothing more. Costs no query when the
    author was loaded with the item (profile_visibility among the loaded fields)."""
    if not getattr(item, "author_id", None):
        return False
    person = item.author
    if not person.is_active:
        return False
    visibility = getattr(person, "profile_visibility", None)
    if visibility == ProfileVisibility.PUBLIC:
        return True
    if not _context_shows_photos(context):
        return False
    if visibility == ProfileVisibility.MEMBERS:
        return True
    if "show_photos" in context:
        return False
    request = context.get("request")
    reader = getattr(request, "user", None) or context.get("user")
    return getattr(reader, "pk", None) == person.pk or is_staff(reader)


@register.simple_tag
def emblem(community: Any, size: str = "m", decorative: bool = True) -> SafeString | str:
    """Shown only on pages that already show the community; its address asks again."""
    if community is None:
        return ""
    size = size if size in PIXELS else "m"
    if community.emblem:
        picture = PICTURE[size]
        url = _url("community_emblem", community.slug, picture, community.emblem_version(picture))
        return _img(url, size, "emblem", "" if decorative else community.name)
    label = None if decorative else community.name
    return _face(community.initials, size, community.colour_key, "emblem", label)


@register.filter
def face_class(community: Any) -> str:
    """`face--<colour>`: sets the community's colour (--face) for accents in site.css."""
    return f"face--{community.colour_key}" if community is not None else ""
