from django import forms
from django.utils.translation import gettext_lazy as _

from practica.core.forms import LineField, TextField

from .models import BODY_MAX, SUBJECT_MAX


class NewMessageForm(forms.Form):
    subject = LineField(label=_("Subject"), max_length=SUBJECT_MAX, required=False)
    others = LineField(
        label=_("Also to"),
        max_length=500,
        required=False,
        help_text=_(
            "For a small group: others' @handles, separated by commas (at most 10 people)."
        ),
    )
    body = TextField(
        label=_("Message"),
        max_length=BODY_MAX,
        rows=8,
        help_text=_("Markdown works. Only the people in the conversation will see it."),
    )

    def handles(self) -> list[str]:
        raw = self.cleaned_data.get("others", "")
        return list(
            dict.fromkeys(h.strip().lstrip("@").lower() for h in raw.split(",") if h.strip())
        )


class ReplyForm(forms.Form):
    body = TextField(label=_("Your reply"), max_length=BODY_MAX, rows=5)


class AskForm(forms.Form):
    topic = LineField(label=_("What about"), max_length=SUBJECT_MAX)
    context = TextField(
        label=_("Context"),
        max_length=BODY_MAX,
        rows=8,
        help_text=_(
            "What you need, what you have tried, and why you are asking this person. If "
            "they accept, this becomes the first message of a private conversation."
        ),
    )


class DecideForm(forms.Form):
    note = TextField(
        label=_("A note"),
        max_length=2000,
        rows=4,
        required=False,
        help_text=_("If you accept, it becomes your first message; if you decline, it tells why."),
    )
