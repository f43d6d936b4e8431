"""A community's agreement (terms of engagement) and one-year plan.

The agreement is one draft per community, edited by the leaders, opened for the members'
comments for a period, then published as a numbered `AgreementVersion` that is kept. The
version in force is also on `Community.agreement_version`, and what each member accepted on
`Membership.agreement_version`: the community-level write check compares the two, as the
platform's compares `User.accepted_conduct_version` with the code of conduct in force.
Endorsing is separate and voluntary: a member says they stand behind a version.

A plan is drafted, commented on and published the same way; its goals hold activities
linked to the community's own posts, events and resources, each with an owner, a due date
and a status, whose share done is the plan's progress.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practica.communities.models import Community

BODY_MAX = 30_000
COMMENT_MAX = 5_000


class Agreement(models.Model):
    """The community's draft of its next agreement version, and its comment period."""

    community = models.OneToOneField(Community, on_delete=models.CASCADE, related_name="+")
    draft = models.TextField(_("draft (Markdown)"), max_length=BODY_MAX, blank=True)
    summary_of_changes = models.CharField(_("what changed"), max_length=300, blank=True)
    comments_until = models.DateTimeField(_("open for comments until"), null=True, blank=True)
    # Who wrote this draft (everyone who saved it since the last version): shown as authors.
    authors = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    updated_at = models.DateTimeField(_("updated"), null=True, blank=True)

    class Meta:
        verbose_name = _("agreement draft")
        verbose_name_plural = _("agreement drafts")

    def __str__(self) -> str:
        return f"{_('Agreement draft')} — {self.community}"

    @property
    def comments_open(self) -> bool:
        return self.comments_until is not None and self.comments_until > timezone.now()


class AgreementVersion(models.Model):
    """One published version of a community's agreement; the highest is in force."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="agreement_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    body = models.TextField(_("text (Markdown)"), max_length=BODY_MAX)
    summary_of_changes = models.CharField(_("what changed"), max_length=300, blank=True)
    authors = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["community", "number"], name="one_agreement_number")
        ]
        verbose_name = _("agreement version")
        verbose_name_plural = _("agreement versions")

    def __str__(self) -> str:
        return f"{self.community} — {_('agreement')} v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("agreement_version", args=[self.community.slug, self.number])


class Endorsement(models.Model):
    """A member stands behind a version of the agreement."""

    version = models.ForeignKey(
        AgreementVersion, on_delete=models.CASCADE, related_name="endorsements"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "user"], name="one_endorsement_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.user} endorsed {self.version}"


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Plan(models.Model):
    """A one-year plan; a community has at most one draft at a time, and the latest
    published plan is its current one."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction (Markdown)"), max_length=BODY_MAX, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(
        _("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    comments_until = models.DateTimeField(_("open for comments until"), null=True, blank=True)
    authors = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["community"], condition=Q(status="draft"), name="one_draft_plan"
            )
        ]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return f"{self.community} — {self.title}"

    def get_absolute_url(self) -> str:
        if self.status == PlanStatus.DRAFT:
            return reverse("plan_draft", args=[self.community.slug])
        return reverse("plan_detail", args=[self.community.slug, self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == PlanStatus.DRAFT

    @property
    def comments_open(self) -> bool:
        return (
            self.is_draft
            and self.comments_until is not None
            and self.comments_until > timezone.now()
        )


class Goal(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("description"), max_length=3000, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class PlanActivity(models.Model):
    """Something the community will do towards a goal, linked to what shows it."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("activity"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    post = models.ForeignKey(
        "discussions.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resource = models.ForeignKey(
        "library.Resource", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("plan activity")
        verbose_name_plural = _("plan activities")

    def __str__(self) -> str:
        return self.title


class DraftComment(models.Model):
    """A member's comment on a draft (the agreement's or a plan's) while it is open."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    # The agreement draft's comments belong to the version it will become.
    agreement_number = models.PositiveIntegerField(null=True, blank=True)
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(_("comment"), max_length=COMMENT_MAX)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(plan__isnull=True, agreement_number__isnull=False)
                | Q(plan__isnull=False, agreement_number__isnull=True),
                name="draft_comment_on_one_thing",
            )
        ]

    def __str__(self) -> str:
        return f"{self.author} on {self.plan or self.agreement_number}"
