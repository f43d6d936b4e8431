"""Edits that cannot silently replace someone else's: a version number on what two people
may edit at once (posts, comments, events, resources, a community's settings).

The edit form carries the version its editor read (`VersionField`); the service, holding the
row locked, calls `check_version`: if someone saved in between, it raises `EditConflict` and
nothing is written. The view then shows the editor both texts, theirs still in the form and
the saved one beside it, with the form now carrying the saved version, so that saving again
is a deliberate choice (`show_conflict`).
"""

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _

from .errors import ServiceError
from .models import Versioned


class EditConflict(ServiceError):
    """Someone saved `current` after the editor opened the form."""

    def __init__(self, current: Any) -> None:
        super().__init__(
            _("Someone else saved changes while you were editing. Nothing of yours was lost: "
              "your text is still in the form, and what is saved now is shown below it. "
              "Bring in what you want to keep, then save again.")
        )  # fmt: skip
        self.current = current


def check_version(obj: Versioned, expected: int | None) -> None:
    """For a row the caller holds locked and is about to save with changes: refuse if it
    changed since the editor read version `expected` (None: the caller did not say), then
    count this save."""
    if expected is not None and expected != obj.version:
        raise EditConflict(obj)
    obj.version += 1


class VersionField(forms.IntegerField):
    """The version the editor read, carried by the edit form."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, min_value=0, **kwargs)


def show_conflict(form: forms.BaseForm, error: EditConflict) -> None:
    """Keep the editor's text in `form`, let saving again replace the current version on
    purpose, and say what happened."""
    data = QueryDict(mutable=True)
    for name in form.data:
        data.setlist(name, form.data.getlist(name))  # type: ignore[attr-defined]
    data["version"] = str(error.current.version)
    form.data = data
    form.add_error(None, error.message)
