from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from practica.accounts.models import Occupation
from practica.core.forms import LineField

from .models import TAG_MAX, ExpertiseArea, Level


class ExpertiseAddForm(forms.Form):
    """Add one area from the taxonomy, or one free tag, with a level."""

    area = forms.ModelChoiceField(
        label=_("An area from the list"),
        queryset=ExpertiseArea.objects.none(),
        required=False,
        empty_label=_("(none: I will type a tag)"),
    )
    tag = LineField(
        label=_("Or a tag of your own"),
        required=False,
        max_length=TAG_MAX,
        help_text=_("For what the list does not name, e.g. “restorative justice circles”."),
    )
    level = forms.TypedChoiceField(
        label=_("Level"), choices=Level.choices, coerce=int, initial=Level.PRACTITIONER
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = ExpertiseArea.objects.all()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("area")) == bool((data.get("tag") or "").strip()):
            raise forms.ValidationError(_("Choose an area from the list, or type a tag, not both."))
        return data


class ExpertiseLevelForm(forms.Form):
    level = forms.TypedChoiceField(label=_("Level"), choices=Level.choices, coerce=int)


class PeopleFilterForm(forms.Form):
    q = LineField(label=_("Name or affiliation"), required=False, max_length=200)
    area = forms.ModelChoiceField(
        label=_("Area of expertise"),
        queryset=ExpertiseArea.objects.none(),
        required=False,
        empty_label=_("Any area"),
        to_field_name="slug",
    )
    tag = LineField(label=_("Expertise tag"), required=False, max_length=TAG_MAX)
    level = forms.TypedChoiceField(
        label=_("At least"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Any level")), *Level.choices],
    )
    jurisdiction = LineField(label=_("Jurisdiction"), required=False, max_length=100)
    language = LineField(label=_("Language spoken"), required=False, max_length=60)
    occupation = forms.ChoiceField(
        label=_("Occupation"),
        required=False,
        choices=[("", _("Any occupation")), *Occupation.choices],
    )
    # Same words for a community that does not exist and one whose members the viewer may
    # not see: the answer tells nothing about which.
    community = forms.ChoiceField(
        label=_("Community"),
        required=False,
        error_messages={"invalid_choice": _("Choose one of the listed communities.")},
    )
    welcomes_questions = forms.BooleanField(label=_("Welcomes questions"), required=False)
    open_to_mentoring = forms.BooleanField(label=_("Open to mentoring"), required=False)

    def __init__(self, *args: Any, communities: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = ExpertiseArea.objects.all()  # type: ignore[attr-defined]
        self.fields["community"].choices = [  # type: ignore[attr-defined]
            ("", _("Any community")),
            *((c.slug, c.name) for c in communities),
        ]
