"""A member's standing: trust levels set by leaders, and suspensions.

Kept apart from `models.py` (imported at its end, so Django finds them in the app) because
they are about people's conduct rather than the communities themselves.
"""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Community


class TrustLevel(models.TextChoices):
    """Reached by time since joining, reading and contributions without upheld flags
    (`practica.communities.trust`); a leader may set a member's level in their community."""

    NEW = "new", _("New")
    MEMBER = "member", _("Member")
    REGULAR = "regular", _("Regular")


TRUST_ORDER = [TrustLevel.NEW, TrustLevel.MEMBER, TrustLevel.REGULAR]


class TrustOverride(models.Model):
    """A leader's decision on a member's level in their community, over the computed one."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    level = models.CharField(_("trust level"), max_length=16, choices=TrustLevel.choices)
    reason = models.TextField(_("reason"), blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_at = models.DateTimeField(_("set"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["community", "user"], name="one_trust_override"),
        ]
        verbose_name = _("trust level set by a leader")
        verbose_name_plural = _("trust levels set by leaders")

    def __str__(self) -> str:
        return f"{self.user} in {self.community}: {self.level}"


class SuspensionQuerySet(models.QuerySet["Suspension"]):
    def active(self, at: datetime | None = None) -> "SuspensionQuerySet":
        now = at or timezone.now()
        return self.filter(lifted_at__isnull=True, starts_at__lte=now, ends_at__gt=now)


class Suspension(models.Model):
    """A member may read but not write in `community` (everywhere when it is None, decided
    by staff) from `starts_at` until `ends_at`, or until lifted early. It ends by itself:
    every check compares `ends_at` with now."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suspensions"
    )
    community = models.ForeignKey(
        Community,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="suspensions",
        help_text=_("Empty: everywhere on the platform."),
    )
    starts_at = models.DateTimeField(_("from"), default=timezone.now)
    ends_at = models.DateTimeField(_("until"))
    reason = models.TextField(_("reason"), max_length=2000)
    rule = models.CharField(_("rule"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(_("lifted"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lift_reason = models.TextField(_("reason for lifting"), blank=True)
    end_told = models.BooleanField(default=False)

    objects = SuspensionQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [
            models.Index(fields=["user", "ends_at"]),
            models.Index(
                fields=["ends_at"], name="suspension_end_untold", condition=Q(end_told=False)
            ),
        ]
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")

    def __str__(self) -> str:
        where = self.community.name if self.community_id else _("everywhere")  # type: ignore[union-attr]
        return f"{self.user}: suspended ({where}) until {self.ends_at:%Y-%m-%d}"

    @property
    def is_platform_wide(self) -> bool:
        return self.community_id is None

    def is_active(self, at: datetime | None = None) -> bool:
        now = at or timezone.now()
        return self.lifted_at is None and self.starts_at <= now < self.ends_at
