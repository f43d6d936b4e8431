from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from practica.core.forms import LineField

from .models import (
    ALWAYS_EMAILED,
    DEFAULT_DELIVERY,
    DEFAULT_DIGEST_HOUR,
    DEFAULT_WEEKLY_DAY,
    Category,
    Delivery,
    EmailSettings,
    Level,
)

# What each level brings, in one line, for each kind of place (others: the first).
LEVEL_HELP: dict[str, dict[str, Any]] = {
    "": {
        Level.WATCHING: _("Every new post and every comment."),
        Level.TRACKING: _("New posts, replies to you and mentions."),
        Level.NORMAL: _("Featured posts and summaries, replies to you and mentions."),
        Level.MUTED: _("Nothing, except decisions about you and your duties."),
    },
    "post": {
        Level.WATCHING: _("Every new comment on this thread."),
        Level.TRACKING: _("Replies to you and mentions, even where you watch the community."),
        Level.NORMAL: _("As your community and tag settings say, and replies to you."),
        Level.MUTED: _("Nothing from this thread, not even replies to you."),
    },
    "tag": {
        Level.WATCHING: _("Every new post with this tag, and every comment on them."),
        Level.TRACKING: _("Every new post with this tag."),
        Level.NORMAL: _("Nothing more than your other settings bring."),
        Level.MUTED: _("No posts because of this tag; your community settings still apply."),
    },
    "series": {
        Level.WATCHING: _("New dates, and every change to any date of the series."),
        Level.TRACKING: _("New dates in the series."),
        Level.NORMAL: _("Changes to the dates you registered for."),
        Level.MUTED: _("Nothing about these events, except decisions about you."),
    },
    "person": {
        Level.WATCHING: _("Every post and comment this person writes."),
        Level.TRACKING: _("Every post this person writes."),
        Level.NORMAL: _("Replies and mentions from them, as from anyone."),
        Level.MUTED: _("Nothing from this person, not even replies or mentions."),
    },
}


def level_choices(prefix: str) -> list[dict[str, str]]:
    """The four levels, strongest first, each with its name and what it brings on a
    place of kind `prefix`."""
    help_for = LEVEL_HELP.get(prefix, LEVEL_HELP[""])
    return [
        {"value": level.value, "label": str(level.label), "help": str(help_for[level])}
        for level in (Level.WATCHING, Level.TRACKING, Level.NORMAL, Level.MUTED)
    ]


class WatchForm(forms.Form):
    key = LineField(max_length=120)
    level = forms.ChoiceField(
        label=_("Notifications"),
        choices=Level.choices,
        error_messages={"required": _("Choose how closely to follow it.")},
    )


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class EmailPreferencesForm(forms.Form):
    """One choice of delivery per category of notification, and when digests come."""

    digest_hour = forms.TypedChoiceField(
        label=_("Hour of the digests"),
        coerce=int,
        choices=[(hour, f"{hour:02d}:00") for hour in range(24)],
        help_text=_("In your time zone (set on your profile; without one, the site's)."),
    )
    weekly_day = forms.TypedChoiceField(
        label=_("Day of the weekly digest"), coerce=int, choices=WEEKDAYS
    )
    mailing_list = forms.BooleanField(
        label=_("Mailing-list mode"),
        required=False,
        help_text=_(
            "Every new post and comment in what you watch, by email, as it comes, threaded "
            "so that you can follow and answer from your mail program."
        ),
    )

    def __init__(
        self, *args: Any, chosen: dict[str, str], settings: EmailSettings | None, **kwargs: Any
    ) -> None:
        initial = {
            f"delivery_{category}": chosen.get(category, DEFAULT_DELIVERY[Category(category)])
            for category in Category.values
        }
        if settings is not None:
            initial |= {
                "digest_hour": settings.digest_hour,
                "weekly_day": settings.weekly_day,
                "mailing_list": settings.mailing_list,
            }
        else:
            initial |= {
                "digest_hour": DEFAULT_DIGEST_HOUR,
                "weekly_day": DEFAULT_WEEKLY_DAY,
                "mailing_list": False,
            }
        super().__init__(*args, initial=initial, **kwargs)
        deliveries = {}
        for category in Category:
            always = category in ALWAYS_EMAILED
            deliveries[f"delivery_{category.value}"] = forms.ChoiceField(
                label=category.label,
                choices=[c for c in Delivery.choices if not (always and c[0] == Delivery.NEVER)],
                help_text=_("So that nothing waiting for you is missed, these always come.")
                if always
                else "",
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose how this kind of notification reaches you."),
                    "invalid_choice": _("Choose one of the ways offered."),
                },
            )
        self.fields = {**deliveries, **self.fields}
        self.fieldsets = [
            (_("By email, per kind of notification"), list(deliveries)),
            (_("Digests"), ["digest_hour", "weekly_day"]),
            (_("Following from your inbox"), ["mailing_list"]),
        ]

    def deliveries(self) -> dict[str, str]:
        return {category: self.cleaned_data[f"delivery_{category}"] for category in Category.values}
