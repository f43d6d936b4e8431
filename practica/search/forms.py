from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from practica.core.forms import LineField, QuickSelect

from .models import Kind

_DATE = {"type": "date"}


class SearchForm(forms.Form):
    """The filters; the query itself (`q`) is read by query.parse, which explains itself."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        widget=QuickSelect,
        choices=[("", _("Everything")), *Kind.choices],
    )
    community = forms.ChoiceField(label=_("Community"), required=False, widget=QuickSelect)
    tag = LineField(label=_("Tag"), required=False, max_length=60)
    author = LineField(
        label=_("Author"), required=False, max_length=40, help_text=_("Their @handle.")
    )
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(_DATE))
    until = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(_DATE))
    jurisdiction = LineField(label=_("Jurisdiction"), required=False, max_length=100)
    language = forms.ChoiceField(label=_("Written in"), required=False, widget=QuickSelect)
    answered = forms.ChoiceField(
        label=_("Questions"),
        required=False,
        widget=QuickSelect,
        choices=[("", _("All")), ("yes", _("Answered")), ("no", _("Unanswered"))],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        widget=QuickSelect,
        choices=[("", _("Relevance")), ("new", _("Newest"))],
    )

    def __init__(self, *args: Any, communities: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["community"].choices = [("", _("All communities"))] + [
            (c.slug, c.name) for c in communities
        ]
        self.fields["language"].choices = [
            ("", _("Any language")),
            *settings.PRACTICA_CONTENT_LANGUAGES,
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("This date is before the “From” date."))
        return data
