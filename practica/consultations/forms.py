from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from practica.core.forms import LineField, TextField
from practica.discussions.models import BODY_MAX, TITLE_MAX

from .models import QUESTION_MAX, Audience, QuestionKind


class SurveyForm(forms.Form):
    title = LineField(label=_("Title"), max_length=200)
    intro = TextField(
        label=_("Introduction"), max_length=5000, rows=4, required=False,
        help_text=_("Markdown. Say why you ask and what you will do with the answers."),
    )  # fmt: skip
    audience = forms.ChoiceField(
        label=_("Who is asked"), choices=Audience.choices, widget=forms.RadioSelect
    )
    anonymous = forms.BooleanField(
        label=_("Anonymous: nobody, not even the leaders, can see who answered what"),
        required=False,
        initial=True,
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = forms.DateField(
        label=_("Closes at the end of"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, opened: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if opened:  # promised to those who answered: shown, not changed
            for name in ("audience", "anonymous", "opens_on"):
                self.fields[name].disabled = True


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of question"), choices=QuestionKind.choices, widget=forms.RadioSelect
    )
    text = LineField(label=_("Question"), max_length=QUESTION_MAX)
    help = LineField(label=_("Hint"), max_length=300, required=False)
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    choices = TextField(
        label=_("Options, one a line"), max_length=2200, rows=4, required=False,
        help_text=_("Single and multiple choice only."),
    )  # fmt: skip
    scale_min = forms.IntegerField(label=_("Scale from"), min_value=0, max_value=1, initial=1)
    scale_max = forms.IntegerField(label=_("Scale to"), min_value=2, max_value=10, initial=5)
    scale_low = LineField(label=_("The lowest means"), max_length=60, required=False)
    scale_high = LineField(label=_("The highest means"), max_length=60, required=False)

    fieldsets = [
        (None, ["kind", "text", "help", "required", "choices"]),
        (_("A scale only"), ["scale_min", "scale_max", "scale_low", "scale_high"]),
    ]


class SummaryPostForm(forms.Form):
    title = LineField(label=_("Title"), max_length=TITLE_MAX)
    body = TextField(label=_("Text"), max_length=BODY_MAX, rows=16,
                     help_text=_("Markdown. Edit it before you publish."))  # fmt: skip
