from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """Something a person should know, shown on the site and (optionally) emailed.

    Holds only what the sender chose to put in it: domain apps decide, through their
    permission layer, who receives it and what it may say.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=40)
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
        indexes = [models.Index(fields=["recipient", "read_at"])]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.title
