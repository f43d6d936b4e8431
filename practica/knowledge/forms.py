from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practica.core.forms import LineField

from .models import AnswerKind


class RequestForm(forms.Form):
    jurisdictions = LineField(
        label=_("Jurisdictions"),
        required=False,
        max_length=300,
        help_text=_("Where the answer should apply, separated by commas."),
    )
    deadline = forms.DateField(
        label=_("Deadline"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The day you need an answer by."),
    )
    answer_kind = forms.ChoiceField(
        label=_("What kind of answer do you need?"),
        choices=AnswerKind.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("initial", {}).setdefault(
            "deadline", timezone.localdate() + timedelta(days=14)
        )
        super().__init__(*args, **kwargs)

    def clean_deadline(self):  # type: ignore[no-untyped-def]
        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.localdate():
            raise forms.ValidationError(_("The deadline must be after today."))
        return deadline
