from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from practica.core.forms import LineField, TextField, formfield_for
from practica.core.pictures import PICTURE_MAX_MB
from practica.core.regions import region_choices

from .models import User
from .timezones import time_zone_choices


class ProfileForm(forms.ModelForm):
    # Rendered as groups by includes/form.html (docs/design.md, Forms).
    fieldsets = [
        (_("Who you are"), ["display_name", "affiliation", "affiliation_type", "occupation"]),
        (_("Where you work"), ["country", "region", "jurisdiction", "languages", "time_zone"]),
        (_("What you know"), ["interests", "bio"]),
        (
            _("Being found"),
            ["welcomes_questions", "open_to_mentoring", "profile_visibility"],
        ),
    ]

    class Meta:
        model = User
        fields = [
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
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5}),
            "profile_visibility": forms.RadioSelect,
        }
        help_texts = {"bio": _("Markdown, as in posts.")}
        formfield_callback = formfield_for

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        self.fields["display_name"].help_text = _("Shown on everything you write.")
        self.fields["affiliation"].required = True
        # The subdivisions of the member's own country are offered too (as typed, or kept).
        country = self.data.get("country") or self.instance.country
        self.fields["region"] = forms.ChoiceField(
            label=self.fields["region"].label,
            required=False,
            choices=[
                ("", _("Not given")),
                *region_choices(country),
            ],
            help_text=self.fields["region"].help_text,
        )
        self.fields["time_zone"] = forms.ChoiceField(
            label=_("Time zone"),
            required=False,
            choices=[("", _("Automatic (your browser's, or the site's)")), *time_zone_choices()],
            help_text=self.fields["time_zone"].help_text,
        )
        # A radio with a choice always made: required, and the stored value is the initial.
        # Left out of a post (an older page, a script), the choice stays as it was.
        self.fields["profile_visibility"].required = True
        if self.is_bound and not self.data.get("profile_visibility"):
            data = self.data.copy()
            data["profile_visibility"] = self.instance.profile_visibility
            self.data = data


class PhotoForm(forms.Form):
    """The profile photo, beside the profile form in the same <form>: checked and made
    square by the service, so that a refused file leaves everything else as typed."""

    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
    )
    remove_photo = forms.BooleanField(
        label=_("Remove my photo and show my initials instead"), required=False
    )

    def __init__(self, *args: Any, has_photo: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["photo"].help_text = gettext(
            "A JPEG, PNG, GIF or WebP picture of up to %(mb)s MB. It is cropped to a square "
            "from its centre and made smaller; its metadata (such as where it was taken) is "
            "removed. Members who are signed in see it beside your name."
        ) % {"mb": PICTURE_MAX_MB}
        if has_photo:
            self.fields["photo"].label = _("Replace the photo")
        else:
            del self.fields["remove_photo"]


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
