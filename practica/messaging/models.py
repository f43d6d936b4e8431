"""Private conversations between members, blocks, and requests to an expert (a question,
or mentoring).

Nothing here is indexed for search or shown to anyone but a conversation's participants
(and, for a message flagged through practica.moderation, staff).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

GROUP_MAX = 10  # people in one conversation, the sender included
BODY_MAX = 20_000
SUBJECT_MAX = 200


class Conversation(models.Model):
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Copied from the newest message: the inbox orders and counts unread by it alone.
    last_message_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self) -> str:
        return self.subject or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("conversation_detail", args=[self.pk])


class Participant(models.Model):
    """One person in a conversation: what they have read, and whether they left."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    joined_at = models.DateTimeField(default=timezone.now)
    last_read_at = models.DateTimeField(null=True, blank=True)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="one_participant_row")
        ]
        indexes = [models.Index(fields=["user", "left_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.conversation_id}"


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"), max_length=BODY_MAX)
    body_html = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    by_email = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["conversation", "created_at"])]
        verbose_name = _("private message")
        verbose_name_plural = _("private messages")

    def __str__(self) -> str:
        return f"#{self.pk} in {self.conversation_id}"


class Block(models.Model):
    """`blocker` no longer hears from `blocked`: no new conversation, no message."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="one_block_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.blocker_id} blocks {self.blocked_id}"


class RequestKind(models.TextChoices):
    QUESTION = "question", _("A question")
    MENTORING = "mentoring", _("Mentoring")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ExpertRequest(models.Model):
    """A member asks another, from their profile, for an answer or for mentoring."""

    kind = models.CharField(_("kind"), max_length=12, choices=RequestKind.choices)
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.CharField(_("what about"), max_length=SUBJECT_MAX)
    context = models.TextField(_("context"), max_length=BODY_MAX)
    status = models.CharField(
        max_length=12, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)
    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "status"]),
            models.Index(fields=["sender", "created_at"]),
        ]
        verbose_name = _("request to an expert")
        verbose_name_plural = _("requests to experts")

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        return reverse("expert_request_detail", args=[self.pk])
