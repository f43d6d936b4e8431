"""The period a report covers, chosen by a preset or by dates, and the one before it."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PRESETS = {
    "30d": (_("Last 30 days"), 30),
    "quarter": (_("Last quarter (91 days)"), 91),
    "year": (_("Last year (365 days)"), 365),
}
DEFAULT = "30d"
LONGEST = 3 * 366


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included (UTC days)."""

    start: date
    end: date
    preset: str = ""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> "Period":
        end = self.start - timedelta(days=1)
        return Period(start=end - timedelta(days=self.days - 1), end=end)

    def query(self) -> str:
        if self.preset:
            return f"period={self.preset}"
        return f"start={self.start.isoformat()}&end={self.end.isoformat()}"


def preset_period(preset: str, *, today: date | None = None) -> Period:
    today = today or timezone.now().date()
    days = PRESETS.get(preset, PRESETS[DEFAULT])[1]
    return Period(start=today - timedelta(days=days - 1), end=today, preset=preset)


def period_from(params: Any, *, today: date | None = None) -> tuple[Period, str]:
    """The period the query asks for, and an error to show (the default period then)."""
    start, end = params.get("start", "").strip(), params.get("end", "").strip()
    if start or end:
        try:
            first, last = date.fromisoformat(start), date.fromisoformat(end)
        except ValueError:
            return preset_period(DEFAULT, today=today), str(
                _("Please give both dates as YYYY-MM-DD; the last 30 days are shown.")
            )
        if last < first:
            first, last = last, first
        if (last - first).days + 1 > LONGEST:
            return preset_period(DEFAULT, today=today), str(
                _("A report covers at most three years; the last 30 days are shown.")
            )
        return Period(start=first, end=last), ""
    preset = params.get("period", DEFAULT)
    if preset not in PRESETS:
        preset = DEFAULT
    return preset_period(preset, today=today), ""


def last_month(today: date) -> Period:
    """The calendar month before `today`'s."""
    end = today.replace(day=1) - timedelta(days=1)
    return Period(start=end.replace(day=1), end=end)
