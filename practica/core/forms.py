"""Form fields for text that every form uses, so that each states its limit and one-line
fields refuse what would break a header, a calendar file or a log line.

`tests/core/test_form_fields.py` walks every form of the site and fails for a text field
that is not one of these (or does not carry `validate_single_line`), or has no limit.
"""

import html
from typing import Any

from django import forms
from django.db import models
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import format_lazy
from django.utils.translation import ngettext_lazy

from .text import validate_single_line


def limit_text(max_length: int) -> Any:
    return ngettext_lazy("At most %(n)s character.", "At most %(n)s characters.", "n") % {
        "n": max_length
    }


class LineField(forms.CharField):
    """One line of text: no line breaks or control characters, at most `max_length`
    characters (the browser's `maxlength` and the error message say so)."""

    default_validators = [validate_single_line]

    def __init__(self, *, max_length: int, **kwargs: Any) -> None:
        super().__init__(max_length=max_length, **kwargs)


class LinkField(forms.URLField):
    """A web address on one line (https:// assumed when no scheme is typed)."""

    default_validators = [*forms.URLField.default_validators, validate_single_line]

    def __init__(self, *, max_length: int = 500, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(max_length=max_length, **kwargs)


class TextField(forms.CharField):
    """Several lines of text, at most `max_length` characters, the limit stated in the help.

    No `maxlength` attribute on the text area: browsers cut pasted text there without a word,
    whereas the server refuses it with a message and keeps the whole text in the form."""

    widget = forms.Textarea

    def __init__(self, *, max_length: int, rows: int | None = None, **kwargs: Any) -> None:
        super().__init__(max_length=max_length, **kwargs)
        if rows is not None:
            self.widget.attrs["rows"] = rows
        limit = limit_text(max_length)
        self.help_text = format_lazy("{} {}", self.help_text, limit) if self.help_text else limit

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


def formfield_for(model_field: models.Field, **kwargs: Any) -> forms.Field | None:
    """`Meta.formfield_callback` for model forms: model text fields become the fields above."""
    if type(model_field) is models.TextField:
        kwargs.setdefault("form_class", TextField)
    elif type(model_field) is models.CharField and not model_field.choices:
        kwargs.setdefault("form_class", LineField)
    return model_field.formfield(**kwargs)


class QuickSelect(forms.Select):
    """A <select> written in Python: Django's widget renders a template for each option,
    which costs more than the rest of a page once a list holds dozens (every community)."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        chosen = {str(v) for v in self.format_value(value)}
        options = "".join(
            f'<option value="{html.escape(str(key))}"'
            f"{' selected' if str(key) in chosen else ''}>{html.escape(str(label))}</option>"
            for key, label in self.choices
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        # Every value and label is escaped above; the attributes by flatatt.
        return format_html('<select name="{}"{}>{}</select>', name, attributes, mark_safe(options))
