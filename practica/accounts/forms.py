from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from practica.core.forms import LineField, TextField, formfield_for

from .models import Occupation, User
from .timezones import time_zone_choices


class ProfileForm(forms.ModelForm):
    # Rendered as groups by includes/form.html (docs/design.md, Forms).
    fieldsets = [
        (_("Who you are"), ["display_name", "affiliation", "occupation"]),
        (_("Where you work"), ["country", "jurisdiction", "languages", "time_zone"]),
        (_("What you know"), ["interests", "bio"]),
    ]

    class Meta:
        model = User
        fields = [
            "display_name",
            "affiliation",
            "occupation",
            "country",
            "jurisdiction",
            "languages",
            "interests",
            "bio",
            "time_zone",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"bio": _("Markdown, as in posts.")}
        formfield_callback = formfield_for

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        self.fields["display_name"].help_text = _("Shown on everything you write.")
        self.fields["affiliation"].required = True
        self.fields["time_zone"] = forms.ChoiceField(
            label=_("Time zone"),
            required=False,
            choices=[("", _("Automatic (your browser's, or the site's)")), *time_zone_choices()],
            help_text=self.fields["time_zone"].help_text,
        )


class ConductAcceptForm(forms.Form):
    accept = forms.BooleanField(
        label=_("I have read the code of conduct and agree to follow it."), required=True
    )


class ConductPublishForm(forms.Form):
    body = TextField(label=_("Text (Markdown)"), rows=18, max_length=50000)
    summary_of_changes = LineField(
        label=_("What changed"),
        max_length=300,
        required=False,
        help_text=_("Shown to members when they are asked to accept the new version."),
    )


class PeopleFilterForm(forms.Form):
    q = LineField(label=_("Name, affiliation, country or interest"), required=False, max_length=200)
    occupation = forms.ChoiceField(
        label=_("Occupation"),
        required=False,
        choices=[("", _("Any occupation")), *Occupation.choices],
    )


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form, doing the same work whether or not the address is taken.

    For a new address allauth hashes the password and sends a verification email; for a
    taken one it only sends an "account already exists" email, so the answer came about
    200 ms sooner and told who has an account. Hashing the password here too (and the
    adapter queuing both emails the same way) makes the two paths cost the same."""

    def try_save(self, request: HttpRequest) -> Any:
        if self.account_already_exists:
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)
