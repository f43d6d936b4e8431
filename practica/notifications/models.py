from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """Kinds of notification a member sets email for, each on its own."""

    REPLIES = "replies", _("Replies to me and mentions")
    WATCHED = "watched", _("New posts and comments in what I watch")
    FEATURED = "featured", _("Featured posts and their summaries")
    EVENTS = "events", _("Events")
    LIBRARY = "library", _("The library")
    DECISIONS = "decisions", _("Decisions about me")
    DUTIES = "duties", _("My duties as a leader or staff")
    REQUESTS = "requests", _("Requests for information routed to me")
    MESSAGES = "messages", _("Private messages and requests to me")


class Delivery(models.TextChoices):
    NOW = "now", _("At once")
    DAILY = "daily", _("In the daily digest")
    WEEKLY = "weekly", _("In the weekly digest")
    NEVER = "never", _("Never")


# What a member gets before choosing: what concerns them at once, the rest in a digest.
DEFAULT_DELIVERY = {
    Category.REPLIES: Delivery.NOW,
    Category.WATCHED: Delivery.DAILY,
    Category.FEATURED: Delivery.NOW,
    Category.EVENTS: Delivery.NOW,
    Category.LIBRARY: Delivery.NOW,
    Category.DECISIONS: Delivery.NOW,
    Category.DUTIES: Delivery.NOW,
    Category.REQUESTS: Delivery.NOW,
    Category.MESSAGES: Delivery.NOW,
}
# Leaders' and staff's duties (a join request, a post to review) cannot be turned off:
# at once or in a digest, they always arrive.
ALWAYS_EMAILED = {Category.DUTIES}
# Muting a thread or a person silences everything about it except these.
UNMUTABLE = {Category.DECISIONS, Category.DUTIES}


class Level(models.TextChoices):
    WATCHING = "watching", _("Watching")
    TRACKING = "tracking", _("Tracking")
    NORMAL = "normal", _("Normal")
    MUTED = "muted", _("Muted")


LEVEL_RANK = {Level.MUTED: 0, Level.NORMAL: 1, Level.TRACKING: 2, Level.WATCHING: 3}


class Notification(models.Model):
    """Something a person should know, shown on the site and (optionally) emailed.

    Holds only what the sender chose to put in it: domain apps decide, through their
    permission layer, who receives it and what it may say; `activity`, when it came from
    one, is asked again (practica.activity.services.readers_among) before it is emailed.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    activity = models.ForeignKey(
        "activity.Activity", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=40)
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.DECISIONS
    )
    # Notifications with the same group show as one line on the notification centre.
    group = models.CharField(max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # What the email says, when it must say less than the site (content that may not leave
    # the platform); empty: the same as the notification.
    email_title = models.CharField(max_length=200, blank=True)
    email_body = models.TextField(blank=True)
    # Who the email comes from, shown at its top: a community's name, initials, colour (a
    # palette colour's hex) and emblem (a stored picture's name), as `email_badge` gives.
    email_badge = models.JSONField(default=dict, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["recipient", "emailed_at", "category"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "recipient"], name="one_notification_per_activity"
            )
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.title


class Watch(models.Model):
    """How closely a member follows a place: a community, post, tag, event series or
    person, named by the key activities list in their `places`."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=120)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_watch_per_key")]
        indexes = [models.Index(fields=["key", "level"])]
        verbose_name = _("watch")
        verbose_name_plural = _("watches")

    def __str__(self) -> str:
        return f"{self.key}: {self.level}"


class Preference(models.Model):
    """How a member wants one category of notification by email (default: DEFAULT_DELIVERY)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=20, choices=Category.choices)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "category"], name="one_preference_per_category")
        ]

    def __str__(self) -> str:
        return f"{self.category}: {self.delivery}"


# When digests come for a member who has not chosen (hour 0-23, day 0 Monday … 6 Sunday).
DEFAULT_DIGEST_HOUR, DEFAULT_WEEKLY_DAY = 7, 0


class EmailSettings(models.Model):
    """A member's email as a whole: when digests come, mailing-list mode, and whether their
    address still takes mail."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_settings"
    )
    digest_hour = models.PositiveSmallIntegerField(
        _("hour of the digest"), default=DEFAULT_DIGEST_HOUR
    )
    # 0 Monday … 6 Sunday, in the member's time zone.
    weekly_day = models.PositiveSmallIntegerField(
        _("day of the weekly digest"), default=DEFAULT_WEEKLY_DAY
    )
    mailing_list = models.BooleanField(
        _("mailing-list mode"),
        default=False,
        help_text=_("Every new post and comment in what you watch, by email, as it comes."),
    )
    hard_bounces = models.PositiveSmallIntegerField(default=0)
    stopped_at = models.DateTimeField(null=True, blank=True)  # too many bounces: no email

    class Meta:
        verbose_name = _("email settings")
        verbose_name_plural = _("email settings")

    def __str__(self) -> str:
        return str(self.user_id)


from .digests.models import DigestKind, DigestSent  # noqa: E402, F401 - one app, two modules
