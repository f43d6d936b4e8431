"""Flags, the cases they open, and what moderators decide.

A `Case` is one flagged or moderated item (a post, comment, resource, event, profile or
private message): the moderation queue lists cases, and each case's flags say which rule
members think it breaks. `Warning`s and `Notice`s are what the member moderated is told.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practica.communities.models import Community

NOTE_MAX = 2000
REASON_MAX = 2000


class Kind(models.TextChoices):
    POST = "post", _("Post")
    COMMENT = "comment", _("Comment")
    RESOURCE = "resource", _("Library resource")
    EVENT = "event", _("Event")
    PROFILE = "profile", _("Profile")
    MESSAGE = "message", _("Private message")


class CaseState(models.TextChoices):
    OPEN = "open", _("Flagged, waiting for review")
    HIDDEN = "hidden", _("Hidden pending review")
    RESOLVED = "resolved", _("Resolved")


class Outcome(models.TextChoices):
    DISMISSED = "dismissed", _("Flags dismissed: no rule broken")
    HIDDEN = "hidden", _("Hidden by a moderator")
    RESTORED = "restored", _("Restored")
    EDITED = "edited", _("Edited by a moderator")


class Case(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    object_id = models.BigIntegerField()
    # Whose queue: the community's leaders, or staff (`to_staff`, or no community).
    community = models.ForeignKey(
        Community, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    to_staff = models.BooleanField(default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    label = models.CharField(max_length=300)
    state = models.CharField(max_length=16, choices=CaseState.choices, default=CaseState.OPEN)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    # The weighted open flags: the item is hidden when it reaches the community's threshold.
    weight = models.FloatField(default=0)
    opened_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_case_per_item")
        ]
        indexes = [
            models.Index(fields=["community", "state", "opened_at"]),
            models.Index(fields=["state", "opened_at"]),
        ]
        verbose_name = _("moderation case")
        verbose_name_plural = _("moderation cases")

    def __str__(self) -> str:
        return self.label

    @property
    def is_waiting(self) -> bool:
        return self.state != CaseState.RESOLVED


class FlagOutcome(models.TextChoices):
    OPEN = "open", _("Waiting for review")
    UPHELD = "upheld", _("Upheld: the moderators acted")
    DISMISSED = "dismissed", _("Dismissed: no rule broken")


class Flag(models.Model):
    """One member's report that an item breaks a rule. Only staff ever see who flagged."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="flags")
    flagger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_flags"
    )
    rule = models.CharField(max_length=40)
    rule_label = models.CharField(max_length=300)
    note = models.TextField(_("note"), max_length=NOTE_MAX, blank=True)
    weight = models.FloatField(default=1)
    outcome = models.CharField(max_length=16, choices=FlagOutcome.choices, default=FlagOutcome.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "flagger"], name="one_flag_per_member")
        ]
        indexes = [models.Index(fields=["flagger", "outcome"])]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")

    def __str__(self) -> str:
        return f"{self.rule} on {self.case_id}"


class Warning(models.Model):
    """A private warning to a member, citing the rule they broke."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_warnings"
    )
    community = models.ForeignKey(
        Community, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="warnings"
    )
    rule = models.CharField(max_length=40)
    rule_label = models.CharField(max_length=300)
    reason = models.TextField(_("reason"), max_length=REASON_MAX)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("warning")
        verbose_name_plural = _("warnings")

    def __str__(self) -> str:
        return f"warning to {self.member_id}: {self.rule}"


class Notice(models.Model):
    """What the author of a moderated item is told: the action, the rule, the reason, and
    for an edit the text before and after."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_notices"
    )
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notices")
    action = models.CharField(max_length=16)
    rule_label = models.CharField(max_length=300, blank=True)
    reason = models.TextField(blank=True)
    before = models.TextField(blank=True)
    after = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} notice to {self.member_id}"


class CommunityModeration(models.Model):
    """A community's moderation settings, set by its leaders."""

    community = models.OneToOneField(
        Community, on_delete=models.CASCADE, related_name="moderation_settings"
    )
    flag_threshold = models.FloatField(
        _("hide an item pending review when its weighted flags reach"),
        default=2,
        help_text=_(
            "Each flag counts 1, more for members whose flags were upheld before (up to 3). "
            "With 2, two members' flags hide an item until a leader reviews it."
        ),
    )

    def __str__(self) -> str:
        return f"moderation settings of {self.community_id}"


DEFAULT_THRESHOLD = 2.0
