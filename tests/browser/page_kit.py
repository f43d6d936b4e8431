"""What the every-page test needs to name a page: who looks at it, at which address."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from tests.browser.showcase import Showcase

ROLES = ("visitor", "member", "leader", "staff")
V, M, L, S = "visitor", "member", "leader", "staff"
ALL = (V, M, L)
SIGNED_IN = (M, L)


@dataclass(frozen=True)
class Page:
    key: str  # the screenshot's name
    url_name: str | None  # the URL pattern it shows (None: an address that matches none)
    path: Callable[[Showcase], str]
    roles: tuple[str, ...]
    status: int = 200
    post_bytes: int = 0  # reached by a form sending this much (the 413 page)


def url(name, *args):
    return lambda w: reverse(name, args=[a(w) if callable(a) else a for a in args])


def slug(w):
    return w.community.slug


def p(key, roles, *args, name=None, status=200):
    return Page(key, name or key, url(name or key, *args), roles, status)
