from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from practica.communities.models import Community
from practica.core.forms import TextField
from practica.discussions.models import BODY_MAX

from .models import NOTE_MAX, REASON_MAX, CommunityModeration
from .rules import rules_for


def _rule_choices(community: Community | None) -> list[tuple[str, str]]:
    return [(rule.code, str(rule.label)) for rule in rules_for(community)]


class FlagForm(forms.Form):
    rule = forms.ChoiceField(label=_("Which rule does it break?"), widget=forms.RadioSelect)
    note = TextField(
        label=_("Note for the moderators"),
        required=False,
        max_length=NOTE_MAX,
        rows=3,
        help_text=_(
            "Required for “Something else”. The author never learns who flagged, and "
            "neither do the leaders."
        ),
    )

    def __init__(self, *args: Any, community: Community | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rule"].choices = _rule_choices(community)


class ActionForm(forms.Form):
    """One form for every action on a case; each action uses the fields it needs."""

    reason = TextField(
        label=_("Reason (the author reads it)"),
        max_length=REASON_MAX,
        rows=3,
    )
    rule = forms.ChoiceField(label=_("Rule cited"), required=False)
    days = forms.IntegerField(
        label=_("Suspend for (days)"), required=False, min_value=1, max_value=365, initial=7
    )
    text = TextField(
        label=_("Text after your edit (Markdown)"),
        required=False,
        max_length=BODY_MAX,  # the longest text an edit changes: a post's
        rows=8,
    )

    def __init__(self, *args: Any, community: Community | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rule"].choices = [
            ("", _("The rule most flags cite")),
            *_rule_choices(community),
        ]


class SettingsForm(forms.ModelForm):
    class Meta:
        model = CommunityModeration
        fields = ["flag_threshold"]
        widgets = {"flag_threshold": forms.NumberInput(attrs={"min": 1, "max": 20, "step": 0.5})}
