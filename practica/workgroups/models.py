"""Working groups: a few members of a community working on a project together, with their
own posts and resources (discussions.Post.group, library.Resource.group).

This app sits beside communities, below discussions and library: they ask its permission
layer (`permissions.group_visible_q`, `can_see_group_content`) which group posts and
resources a reader may see."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practica.communities.models import Community

NAME_MAX = 120
GOAL_MAX = 5000
SUMMARY_MAX = 20_000


class GroupVisibility(models.TextChoices):
    COMMUNITY = "community", _("The whole community")
    MEMBERS = "members", _("The group's members only")


class WorkingGroup(models.Model):
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="groups")
    slug = models.SlugField(_("address"), max_length=80)
    name = models.CharField(_("name"), max_length=NAME_MAX)
    goal = models.TextField(_("goal (Markdown)"), max_length=GOAL_MAX)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="groups_led",
        verbose_name=_("lead"),
    )
    ends_on = models.DateField(_("end date"))
    visibility = models.CharField(
        _("who sees its posts and resources"),
        max_length=16,
        choices=GroupVisibility.choices,
        default=GroupVisibility.COMMUNITY,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    closing_summary = models.TextField(_("closing summary (Markdown)"), blank=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "slug"], name="one_group_slug_each")
        ]
        indexes = [models.Index(fields=["community", "archived_at"])]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("group_detail", args=[self.community.slug, self.slug])

    @property
    def members_only(self) -> bool:
        return self.visibility == GroupVisibility.MEMBERS

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class GroupMemberStatus(models.TextChoices):
    REQUESTED = "requested", _("Asked to join")
    MEMBER = "member", _("Member")


class GroupMembership(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    status = models.CharField(
        max_length=16, choices=GroupMemberStatus.choices, default=GroupMemberStatus.MEMBER
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_group_membership")
        ]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.group_id} ({self.status})"
