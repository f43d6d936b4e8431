from datetime import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practica.accounts.timezones import time_zone_choices
from practica.core.forms import LineField, LinkField, TextField
from practica.core.text import validate_single_line
from practica.core.versioning import VersionField

from .models import Audience, EventKind, MaterialKind, Repeat


class EventForm(forms.Form):
    # Rendered as groups by includes/form.html (docs/design.md, Forms).
    fieldsets = [
        (_("What"), ["title", "kind", "language", "description"]),
        (
            _("When"),
            [
                "start_date",
                "start_time",
                "end_date",
                "end_time",
                "time_zone",
                "repeat",
                "repeat_until",
            ],
        ),
        (_("Place"), ["is_online", "meeting_url", "joining_instructions", "venue", "address"]),
        (
            _("Who and how many"),
            [
                "audience",
                "capacity",
                "registration_deadline",
                "needs_approval",
                "allow_self_attendance",
            ],
        ),
    ]

    title = LineField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    language = forms.ChoiceField(
        label=_("Written in"), required=False, choices=settings.PRACTICA_CONTENT_LANGUAGES
    )
    description = TextField(
        label=_("Description"),
        max_length=20_000,
        rows=6,
        help_text=_("Markdown, as in posts."),
    )
    start_date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    end_date = forms.DateField(
        label=_("End date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: the same day."),
    )
    end_time = forms.TimeField(label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}))
    time_zone = forms.ChoiceField(
        label=_("Time zone"), help_text=_("The zone the times above are in.")
    )
    is_online = forms.TypedChoiceField(
        label=_("Where"),
        coerce=lambda v: v == "online",
        widget=forms.RadioSelect,
        choices=[("online", _("Online")), ("in_person", _("In person"))],
        initial="online",
    )
    meeting_url = LinkField(
        label=_("Meeting link"),
        required=False,
        help_text=_("https:// only. Shown only to registered people."),
    )
    joining_instructions = TextField(
        label=_("Joining instructions"),
        required=False,
        max_length=3000,
        rows=3,
        help_text=_("Shown only to registered people."),
    )
    venue = LineField(label=_("Venue"), required=False, max_length=200)
    address = LineField(label=_("Address"), required=False, max_length=300)
    audience = forms.ChoiceField(label=_("Who may attend"), choices=Audience.choices)
    capacity = forms.IntegerField(
        label=_("Capacity"), required=False, min_value=1, help_text=_("Empty: no limit.")
    )
    registration_deadline = forms.DateTimeField(
        label=_("Registration closes"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("In the event's time zone. Empty: when the event starts."),
    )
    needs_approval = forms.BooleanField(
        label=_("A leader approves each registration"), required=False
    )
    allow_self_attendance = forms.BooleanField(
        label=_("Attendees may mark themselves as attended"), required=False
    )
    repeat = forms.ChoiceField(label=_("Repeats"), choices=Repeat.choices, required=False)
    repeat_until = forms.DateField(
        label=_("Repeats until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, editing: bool = False, platform: bool = False, **kwargs: Any):
        kwargs.setdefault("initial", {}).setdefault("time_zone", settings.TIME_ZONE)
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [("UTC", "UTC"), *time_zone_choices()]
        if editing:
            del self.fields["repeat"], self.fields["repeat_until"]
            self.fields["version"] = VersionField()
        if platform:
            self.fields["audience"].choices = [
                (Audience.PUBLIC, _("Anyone")),
                (Audience.MEMBERS, _("Anyone signed in")),
            ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start_date, start_time, end_time = (
            data.get(k) for k in ("start_date", "start_time", "end_time")
        )
        if start_date and start_time and end_time:
            data["local_start"] = datetime.combine(start_date, start_time)
            data["local_end"] = datetime.combine(data.get("end_date") or start_date, end_time)
            if data["local_end"] <= data["local_start"]:
                self.add_error("end_time", _("The event must end after it starts."))
        if data.get("repeat") and not data.get("repeat_until"):
            self.add_error("repeat_until", _("Say until when the event repeats."))
        deadline = data.get("registration_deadline")
        if deadline is not None:  # typed in the event's zone, not the reader's
            data["registration_deadline_local"] = timezone.make_naive(deadline)
        return data


class MaterialForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=MaterialKind.choices)
    title = LineField(label=_("Title"), max_length=200)
    url = LinkField(label=_("Link"))


class CancelForm(forms.Form):
    reason = TextField(
        label=_("Message to the people registered"), required=False, max_length=500, rows=3
    )


class EventFilterForm(forms.Form):
    community = forms.ChoiceField(label=_("Community"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *EventKind.choices]
    )
    month = forms.RegexField(
        max_length=7,
        label=_("Month"),
        required=False,
        regex=r"^\d{4}-\d{2}$",
        validators=[validate_single_line],
        widget=forms.DateInput(attrs={"type": "month"}),
        error_messages={"invalid": _("Choose a month, like 2027-03.")},
    )

    def __init__(self, *args: Any, communities: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["community"].choices = [("", _("All communities"))] + [
            (c.slug, c.name) for c in communities
        ]
