from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from practica.accounts.models import User
from practica.core.forms import LineField, TextField

from .models import GOAL_MAX, NAME_MAX, SUMMARY_MAX, GroupVisibility


class _PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} — {obj.affiliation}" if getattr(obj, "affiliation", "") else obj.name


class GroupForm(forms.Form):
    name = LineField(label=_("Name"), max_length=NAME_MAX)
    goal = TextField(
        label=_("Goal"),
        max_length=GOAL_MAX,
        rows=5,
        help_text=_("What the group sets out to do, and for whom. Markdown."),
    )
    lead = _PersonChoice(
        label=_("Lead"),
        queryset=User.objects.none(),
        help_text=_("A member of the community: they add and remove the group's members."),
    )
    ends_on = forms.DateField(
        label=_("End date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("When the group means to have finished its work."),
    )
    visibility = forms.ChoiceField(
        label=_("Who sees its posts and resources"),
        choices=GroupVisibility.choices,
        widget=forms.RadioSelect,
        initial=GroupVisibility.COMMUNITY,
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = people


class ArchiveForm(forms.Form):
    summary = TextField(
        label=_("Closing summary"),
        max_length=SUMMARY_MAX,
        rows=10,
        help_text=_("What the group did, what it produced and where it left off. Markdown. "
                    "The group becomes read-only."),
    )  # fmt: skip


class AddMemberForm(forms.Form):
    user = _PersonChoice(label=_("Add a member of the community"), queryset=User.objects.none())

    def __init__(self, *args: Any, people: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = people
