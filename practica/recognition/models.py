from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practica.communities.models import Community


class Badge(models.TextChoices):
    """The badges; each one's rule is in badges.RULES (shown on the badges page)."""

    FIRST_ANSWER = "first_answer", _("First accepted answer")
    HELPFUL_TEN = "helpful_ten", _("Ten helpful reactions")
    RESOURCE_USED = "resource_used", _("A resource used 100 times")
    RESOURCE_CURRENT = "resource_current", _("Kept current for a year")
    EVENT_RUN = "event_run", _("Ran an event")
    REQUEST_ANSWERED = "request_answered", _("Answered before the deadline")
    MEMBER_YEAR = "member_year", _("A year of membership")
    MENTOR = "mentor", _("Mentor")


class Award(models.Model):
    """A badge held by a member, in the community where it was earned (None: on the
    platform, for badges that belong to no community). Kept equal to what the badge's rule
    says of the record as it stands (services.awards_sync)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    badge = models.CharField(max_length=24, choices=Badge.choices)
    community = models.ForeignKey(
        Community, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    earned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-earned_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "badge", "community"],
                condition=Q(community__isnull=False),
                name="one_award_a_community",
            ),
            models.UniqueConstraint(
                fields=["user", "badge"],
                condition=Q(community__isnull=True),
                name="one_award_on_the_platform",
            ),
        ]
        indexes = [models.Index(fields=["badge", "community"])]
        verbose_name = _("badge held")
        verbose_name_plural = _("badges held")

    def __str__(self) -> str:
        return f"{self.badge} for {self.user_id} in {self.community_id}"


class Preference(models.Model):
    """A member's choices about recognition (a profile setting kept here, beside it)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    hide_badges = models.BooleanField(
        _("hide my badges"),
        default=False,
        help_text=_("Nobody else sees your badges, on your profile or in your communities."),
    )

    def __str__(self) -> str:
        return f"recognition preference of {self.user_id}"
