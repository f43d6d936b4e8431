from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyRollup(models.Model):
    """What one member wrote in one community on one day (UTC): the reports sum these
    instead of counting comments per view. Kept up to date by the activity record's
    subscriber (rollups.activity_rollup), rebuilt from scratch by `manage.py
    reports_rebuild`; each row is a recount, so a retried task changes nothing."""

    community_id = models.PositiveIntegerField()
    day = models.DateField()
    user_id = models.PositiveIntegerField()
    posts = models.PositiveIntegerField(default=0)
    comments = models.PositiveIntegerField(default=0)  # on the post itself
    replies = models.PositiveIntegerField(default=0)  # answering another comment

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["community_id", "day", "user_id"], name="one_rollup")
        ]
        indexes = [models.Index(fields=["day", "community_id"])]
        verbose_name = _("daily rollup")
        verbose_name_plural = _("daily rollups")

    def __str__(self) -> str:
        return f"{self.community_id} {self.day} {self.user_id}"


class ReportSent(models.Model):
    """A monthly report emailed: one row per (month, scope), claimed before sending so
    that the scheduler's next run does not send it again. `scope` is a community's id or
    "platform"."""

    month = models.CharField(max_length=7)  # "2026-11"
    scope = models.CharField(max_length=20)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["month", "scope"], name="one_report_sent")]

    def __str__(self) -> str:
        return f"{self.month} {self.scope}"
