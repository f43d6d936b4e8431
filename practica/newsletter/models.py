from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .consent import Action, Method


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    SUBSCRIBED = "subscribed", _("Subscribed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class Subscriber(models.Model):
    """One address that may receive the newsletter, with its current state of consent.

    A visitor's address is `pending` until they follow the link in the confirmation email;
    a member subscribes from their preferences (their address is already verified) and is
    then linked through `user`, whose current address is used when sending. The history
    of consent is in ConsentRecord."""

    email = models.EmailField(_("email"), unique=True)  # stored in lower case
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_subscriber",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # When the last confirmation email was sent: another is not sent soon after.
    requested_at = models.DateTimeField(null=True, blank=True)
    subscribed_at = models.DateTimeField(_("subscribed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    consent_version = models.PositiveSmallIntegerField(_("version of the wording"), default=0)
    consent_method = models.CharField(
        _("how consent was given"), max_length=16, choices=Method.choices, blank=True
    )

    class Meta:
        indexes = [models.Index(fields=["status", "id"])]
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")

    def __str__(self) -> str:
        return self.email


class ConsentRecord(models.Model):
    """One step in an address's consent: asked, given or withdrawn; how; under which
    version of the wording (practica.newsletter.consent). Never edited."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    method = models.CharField(_("how"), max_length=16, choices=Method.choices)
    wording_version = models.PositiveSmallIntegerField(_("version of the wording"), default=0)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self) -> str:
        return f"{self.subscriber_id} {self.action} ({self.method}, v{self.wording_version})"


class IssueStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class Audience(models.TextChoices):
    ALL = "all", _("Everyone subscribed")
    COMMUNITIES = "communities", _("Subscribed members of chosen communities")


class Issue(models.Model):
    """One newsletter, written in Markdown by the host staff."""

    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"), max_length=50_000)
    body_html = models.TextField(editable=False, blank=True)  # rendered and sanitised
    audience = models.CharField(
        _("audience"), max_length=16, choices=Audience.choices, default=Audience.ALL
    )
    communities = models.ManyToManyField(
        "communities.Community", blank=True, related_name="+", verbose_name=_("communities")
    )
    in_archive = models.BooleanField(_("show in the public archive once sent"), default=True)
    status = models.CharField(
        _("status"), max_length=16, choices=IssueStatus.choices, default=IssueStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    send_started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # How many addresses were in the audience when sending began.
    recipients_total = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "sent_at"])]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def __str__(self) -> str:
        return self.subject


class Delivery(models.Model):
    """One issue to one subscriber: made before the email leaves (the claim), marked sent
    after. The unique constraint is what keeps a resumed or doubled send from mailing
    anyone twice."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField()
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    failed = models.CharField(max_length=200, blank=True)  # the server refused the address

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="one_delivery_per_issue")
        ]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.email}"
