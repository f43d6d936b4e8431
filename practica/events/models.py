import uuid
import zoneinfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practica.communities.models import Community
from practica.core.models import Versioned


class EventKind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    WORKSHOP = "workshop", _("Workshop")
    MEETING = "meeting", _("Meeting")
    CONFERENCE = "conference", _("Conference")
    OTHER = "other", _("Other")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Anyone")
    MEMBERS = "members", _("Members of the community")
    LEADERS = "leaders", _("The leadership group only")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class Repeat(models.TextChoices):
    NONE = "", _("Does not repeat")
    WEEKLY = "weekly", _("Every week on the same day")
    MONTHLY_WEEKDAY = "monthly_weekday", _("Every month on the same weekday (e.g. second Tuesday)")
    MONTHLY_DATE = "monthly_date", _("Every month on the same date")


class EventSeries(models.Model):
    """A repeating event: its occurrences are Event rows sharing this series."""

    rule = models.CharField(max_length=20, choices=Repeat.choices)
    until = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.rule} until {self.until}"


class Event(Versioned):
    community = models.ForeignKey(
        Community, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    series = models.ForeignKey(
        EventSeries, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices)
    description = models.TextField(_("description (Markdown)"), max_length=20_000)
    description_html = models.TextField(editable=False, default="")
    # The language it is written in (a code from PRACTICA_CONTENT_LANGUAGES): search stems by it.
    language = models.CharField(_("written in"), max_length=8, blank=True)
    # Stored in UTC; `time_zone` is the zone the organiser set the wall-clock time in.
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=64)
    is_online = models.BooleanField(_("online"), default=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    meeting_url = models.URLField(_("meeting link"), max_length=500, blank=True)
    joining_instructions = models.TextField(_("joining instructions"), max_length=3000, blank=True)
    audience = models.CharField(
        _("who may attend"), max_length=16, choices=Audience.choices, default=Audience.MEMBERS
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_deadline = models.DateTimeField(_("registration closes"), null=True, blank=True)
    needs_approval = models.BooleanField(_("registration needs a leader's approval"), default=False)
    allow_self_attendance = models.BooleanField(
        _("attendees may mark themselves as attended"), default=False
    )
    status = models.CharField(
        max_length=16, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    sequence = models.PositiveIntegerField(default=0, help_text="RFC 5545 SEQUENCE")
    cancel_reason = models.CharField(max_length=500, blank=True)
    followup_post = models.ForeignKey(
        "discussions.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Hidden by moderation: only its organiser and the community's moderators see it.
    hidden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["community", "starts_at"])]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("event_detail", args=[self.pk])

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):  # type: ignore[no-untyped-def]
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self):  # type: ignore[no-untyped-def]
        return self.ends_at.astimezone(self.zone)

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def registration_closed(self) -> bool:
        deadline = self.registration_deadline or self.starts_at
        return timezone.now() >= deadline


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    CONFIRMED = "confirmed", _("Registered")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    DECLINED = "declined", _("Declined")


ACTIVE_STATUSES = (
    RegistrationStatus.PENDING,
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
)


class Registration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(max_length=16, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    attended = models.BooleanField(default=False)
    reminders_sent = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_each")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.event_id} ({self.status})"


class MaterialKind(models.TextChoices):
    MATERIAL = "material", _("Material")
    RECORDING = "recording", _("Recording")


class Material(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="materials")
    kind = models.CharField(max_length=16, choices=MaterialKind.choices)
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), max_length=500)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "created_at"]

    def __str__(self) -> str:
        return self.title


class CalendarToken(models.Model):
    """The secret in a person's calendar feed addresses; resetting it revokes old links."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"calendar of {self.user_id}"
