from django import forms
from django.utils.translation import gettext_lazy as _

from practica.communities.models import Community
from practica.core.forms import LineField, TextField

from .consent import CONSENT_VERSION, CONSENT_WORDING
from .models import Audience


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    # The version of the wording the visitor saw, recorded with their consent.
    wording = forms.IntegerField(widget=forms.HiddenInput, initial=CONSENT_VERSION, required=False)

    def clean_wording(self) -> int:
        version = self.cleaned_data.get("wording")
        return version if version in CONSENT_WORDING else CONSENT_VERSION


class IssueForm(forms.Form):
    subject = LineField(label=_("Subject"), max_length=200)
    body = TextField(
        label=_("Text"),
        max_length=50_000,
        rows=18,
        help_text=_("Markdown: **bold**, *italic*, [a link](https://…), lists, ## headings."),
    )
    audience = forms.ChoiceField(
        label=_("Who receives it"),
        choices=Audience.choices,
        initial=Audience.ALL,
        widget=forms.RadioSelect,
    )
    communities = forms.ModelMultipleChoiceField(
        label=_("Communities"),
        queryset=Community.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "For the second choice: the members of these communities who subscribed to the "
            "newsletter."
        ),
    )
    in_archive = forms.BooleanField(
        label=_("Show it in the public archive once sent"),
        required=False,
        initial=True,
        help_text=_(
            "An issue for the members of a members-only or hidden community is never shown "
            "in the public archive."
        ),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["communities"].queryset = Community.objects.filter(  # type: ignore[attr-defined]
            status="active"
        ).order_by("name")

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("audience") == Audience.COMMUNITIES and not data.get("communities"):
            self.add_error(
                "communities",
                _("Choose at least one community, or send to everyone subscribed."),
            )
        return data
