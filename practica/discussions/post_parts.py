"""Parts that higher apps add to a post's page and to the form that writes a post.

A poll (practica.consultations) is shown under a post's text and offered on the new-post
form, yet discussions imports nothing above it: those apps register here when ready.
Without any, the page and the form are as before.
"""

from collections.abc import Callable
from typing import Any, Protocol

from django.http import HttpRequest
from django.utils.safestring import SafeString

from .models import Post

PagePart = Callable[[HttpRequest, Post], SafeString]


class FormPart(Protocol):
    """Extra fields on the new-post form, kept and checked with it, saved after the post."""

    template_name: str

    def form(self, request: HttpRequest, data: Any) -> Any: ...

    def save(self, form: Any, *, actor: Any, post: Post) -> None: ...


_parts: list[PagePart] = []
_form_parts: list[FormPart] = []


def part_add(part: PagePart) -> None:
    if part not in _parts:
        _parts.append(part)


def form_part_add(part: FormPart) -> None:
    if not any(type(p) is type(part) for p in _form_parts):
        _form_parts.append(part)


def page_parts(request: HttpRequest, post: Post) -> list[SafeString]:
    """The HTML each registered part shows under `post` for this request."""
    return [html for html in (part(request, post) for part in _parts) if html]


def form_parts(request: HttpRequest, data: Any) -> list[tuple[FormPart, Any]]:
    """Each registered part with its form, bound to `data` (None: unbound)."""
    return [(part, part.form(request, data)) for part in _form_parts]
