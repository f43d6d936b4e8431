from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Activity(models.Model):
    """One thing that happened that members could care about: who did what to what, where.

    Written in the same transaction as the change it records (services.activity_record) and
    handed to subscribers after commit. It sits below every domain app, so it names the
    community by id and the target generically; `places` says what it touches, as the keys
    members watch ("community:3", "post:17", "tag:evidence", "series:4", "person:9").
    `notes` are what the domain wants said to people it concerns directly (a reply's
    author, the mentioned, the applicant); `watchers` what those who watch its places are
    told; `mail` how emails about it thread and are answered.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verb = models.CharField(_("what happened"), max_length=60)
    target_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    community_id = models.PositiveIntegerField(null=True, blank=True)
    places = models.JSONField(default=list, blank=True)
    notes = models.JSONField(default=list, blank=True)
    watchers = models.JSONField(default=dict, blank=True)
    mail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["community_id", "created_at"])]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return f"{self.verb} #{self.target_id}"
