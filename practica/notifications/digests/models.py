from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DigestKind(models.TextChoices):
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


class DigestSent(models.Model):
    """One member's digest of one kind for one period, claimed before it is sent.

    The unique constraint is the guard against a second copy: a chunk task claims its
    members' rows first (an insert that a row already there refuses), sends only those it
    claimed, and stamps `sent_at` on each as soon as its message has left. A run
    interrupted and started again finds the rows claimed and skips them; a claim left
    without `sent_at` for longer than DIGEST_CLAIM_STALE_MINUTES (its worker died before
    sending) may be taken over within the digest's catch-up hours."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=DigestKind.choices)
    # The member's local date of the scheduled hour (ISO), for weekly ones too.
    period = models.CharField(max_length=10)
    claim = models.CharField(max_length=32)
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    # What it carried: 0 when there was nothing new and nothing was sent.
    items = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = "notifications"
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "period"], name="one_digest_per_period")
        ]
        indexes = [models.Index(fields=["kind", "period"]), models.Index(fields=["claimed_at"])]
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")

    def __str__(self) -> str:
        return f"{self.kind} {self.period}"
