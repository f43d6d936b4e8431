"""Requests for information: a published question with jurisdictions, a deadline and the
kind of answer wanted, routed to members who know, and closed by its outcome."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AnswerKind(models.TextChoices):
    DOCUMENT = "document", _("An example document")
    CONTACT = "contact", _("A contact")
    EXPERIENCE = "experience", _("Experience")
    RESEARCH = "research", _("Research")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    PARTLY = "partly", _("Partly answered")
    UNANSWERED = "unanswered", _("Unanswered")


class InformationRequest(models.Model):
    post = models.OneToOneField(
        "discussions.Post", on_delete=models.CASCADE, related_name="information_request"
    )
    jurisdictions = models.CharField(
        _("jurisdictions"), max_length=300, blank=True, help_text=_("Separated by commas.")
    )
    deadline = models.DateField(_("deadline"))
    answer_kind = models.CharField(
        _("kind of answer wanted"), max_length=16, choices=AnswerKind.choices
    )
    status = models.CharField(
        max_length=16, choices=RequestStatus.choices, default=RequestStatus.OPEN, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    warned_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["deadline", "id"]
        indexes = [models.Index(fields=["status", "deadline"])]
        verbose_name = _("request for information")
        verbose_name_plural = _("requests for information")

    def __str__(self) -> str:
        return f"request on post {self.post_id} ({self.status})"

    @property
    def jurisdiction_list(self) -> list[str]:
        return [j.strip() for j in self.jurisdictions.split(",") if j.strip()]

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.OPEN


class Routing(models.Model):
    """The asker sent the request to this member, who is told under "requests for me"."""

    request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="routings"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    routed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "user"], name="route_once_each")]

    def __str__(self) -> str:
        return f"{self.request_id} → {self.user_id}"


class Follower(models.Model):
    """A member who needs this too: they watch the question and are told of its answers."""

    request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="followers"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "user"], name="need_once_each")]

    def __str__(self) -> str:
        return f"{self.user_id} needs {self.request_id}"
