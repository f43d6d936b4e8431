"""Polls inside posts, and surveys (consultations) built by a community's leaders.

Anonymity is kept by the tables themselves: an anonymous ballot adds to counters (polls)
or to a response with a random key and no time (surveys), and who took part is a separate
marker with no pointer to what they chose. Nothing in the database can say who chose what.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

QUESTION_MAX = 300
OPTION_MAX = 200
OPTIONS_MAX = 10
TEXT_ANSWER_MAX = 5000


class ResultsShown(models.TextChoices):
    AFTER_VOTING = "voted", _("To each voter once they have voted")
    AFTER_CLOSING = "closed", _("Only once the poll has closed")


class Poll(models.Model):
    post = models.OneToOneField("discussions.Post", on_delete=models.CASCADE, related_name="poll")
    question = models.CharField(_("question"), max_length=QUESTION_MAX)
    multiple = models.BooleanField(_("several choices allowed"), default=False)
    anonymous = models.BooleanField(_("anonymous votes"), default=True)
    results = models.CharField(
        _("results shown"),
        max_length=8,
        choices=ResultsShown.choices,
        default=ResultsShown.AFTER_VOTING,
    )
    closes_at = models.DateTimeField(_("open until"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    def __str__(self) -> str:
        return self.question

    @property
    def is_closed(self) -> bool:
        return self.closes_at <= timezone.now()


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(max_length=OPTION_MAX)
    position = models.PositiveSmallIntegerField(default=0)
    # The number of ballots that chose it: the only record of an anonymous vote.
    votes = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class PollVoter(models.Model):
    """This person has voted in this poll: nothing here says for what.

    For an anonymous poll, `key_hash` is the hash of a random key kept, with the options
    chosen, in a signed cookie in the voter's browser only: the vote can be changed from
    there (the key proves the cookie is the latest), and the database still cannot say
    what anyone chose."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="voters")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "user"], name="poll_vote_once")]

    def __str__(self) -> str:
        return f"{self.user_id} voted in {self.poll_id}"


class PollVote(models.Model):
    """A named poll's vote: who chose which option (never made for anonymous polls)."""

    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="named_votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["option", "user"], name="poll_option_once")]

    def __str__(self) -> str:
        return f"{self.user_id} chose {self.option_id}"


class Audience(models.TextChoices):
    MEMBERS = "members", _("The community's members")
    LEADERS = "leaders", _("The community's leaders")
    PUBLIC = "public", _("Anyone with the link (a public consultation)")


def _token() -> str:
    return secrets.token_urlsafe(24)


class Survey(models.Model):
    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="surveys"
    )
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction (Markdown)"), max_length=5000, blank=True)
    intro_html = models.TextField(editable=False, default="")
    audience = models.CharField(
        _("who is asked"), max_length=8, choices=Audience.choices, default=Audience.MEMBERS
    )
    anonymous = models.BooleanField(_("anonymous answers"), default=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    # The public consultation's address: unguessable, so the link is the permission.
    token = models.CharField(max_length=40, unique=True, default=_token, editable=False)
    # None while the leaders build it; set when they open it to its audience.
    published_at = models.DateTimeField(null=True, blank=True)
    announced_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    summary_post = models.ForeignKey(
        "discussions.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_at", "-id"]
        indexes = [models.Index(fields=["community", "-opens_at"])]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.published_at is None

    @property
    def is_closed(self) -> bool:
        return self.closes_at <= timezone.now()

    @property
    def is_open(self) -> bool:
        now = timezone.now()
        return self.published_at is not None and self.opens_at <= now < self.closes_at

    @property
    def is_public(self) -> bool:
        return self.audience == Audience.PUBLIC

    @property
    def state(self) -> str:
        if self.is_draft:
            return str(_("Draft"))
        if self.is_closed:
            return str(_("Closed"))
        if self.is_open:
            return str(_("Open"))
        return str(_("Scheduled"))


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    SCALE = "scale", _("A scale")
    SHORT = "short", _("Short text")
    LONG = "long", _("Long text")


CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
TEXT_KINDS = (QuestionKind.SHORT, QuestionKind.LONG)


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=8, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=QUESTION_MAX)
    help = models.CharField(_("hint"), max_length=300, blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)
    position = models.PositiveSmallIntegerField(default=0)
    # Single and multiple choice: one option a line.
    choices = models.TextField(_("options, one a line"), blank=True)
    scale_min = models.SmallIntegerField(default=1)
    scale_max = models.SmallIntegerField(default=5)
    scale_low = models.CharField(_("the lowest means"), max_length=60, blank=True)
    scale_high = models.CharField(_("the highest means"), max_length=60, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text

    @property
    def options(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    @property
    def scale(self) -> list[int]:
        return list(range(self.scale_min, self.scale_max + 1))


class Respondent(models.Model):
    """This person has answered this survey: nothing here points at their answers."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="respondents")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "user"], name="survey_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} answered {self.survey_id}"


class Response(models.Model):
    """One person's answers. A random key and, when anonymous, no person and no time: rows
    cannot be matched to respondents by their order or their moment."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "user"],
                condition=models.Q(user__isnull=False),
                name="survey_named_response_once",
            )
        ]

    def __str__(self) -> str:
        return f"response to {self.survey_id}"


class Answer(models.Model):
    """One value of a response: a chosen option (one row each), a number, or text."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    option = models.PositiveSmallIntegerField(null=True, blank=True)
    number = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, max_length=TEXT_ANSWER_MAX)

    class Meta:
        indexes = [models.Index(fields=["question", "option"])]

    def __str__(self) -> str:
        return f"answer to {self.question_id}"
