from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practica.accounts.models import Occupation
from practica.core.faces import COLOUR_CHOICES, colour_for, initials
from practica.core.models import TimeStampedModel, Versioned
from practica.core.pictures import picture_version
from practica.core.text import single_line


class FocusArea(models.Model):
    """The platform's own taxonomy of what communities work on; managed by staff."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")

    def __str__(self) -> str:
        return self.name


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members-only content")
    HIDDEN = "hidden", _("Hidden")


class JoinPolicy(models.TextChoices):
    OPEN = "open", _("Open: anyone may join")
    APPROVAL = "approval", _("On approval by the leaders")
    INVITATION = "invitation", _("By invitation only")


class CommunityStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ARCHIVED = "archived", _("Archived")


class Community(Versioned, TimeStampedModel):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    summary = models.CharField(_("short summary"), max_length=300)
    domain = models.TextField(
        _("domain statement"), max_length=5000, help_text=_("What the community is about.")
    )
    focus_areas = models.ManyToManyField(
        FocusArea, blank=True, related_name="communities", verbose_name=_("focus areas")
    )
    rules = models.TextField(
        _("community rules (Markdown)"),
        max_length=20_000,
        blank=True,
        help_text=_("Rules on top of the platform code of conduct."),
    )
    agreement_version = models.PositiveIntegerField(
        _("agreement in force"),
        default=0,
        editable=False,
        help_text=_("The version of the community's agreement members must accept; 0: none."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    join_policy = models.CharField(
        _("join policy"), max_length=16, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    eligibility = models.CharField(
        _("eligibility requirement"),
        max_length=300,
        blank=True,
        help_text=_(
            "Leave empty if anyone may join. Otherwise say who may, e.g. "
            "“Judges and justices of the peace only”: applicants declare it and "
            "leaders verify it."
        ),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=CommunityStatus.choices, default=CommunityStatus.ACTIVE
    )
    featured_days = models.PositiveSmallIntegerField(
        _("featured posts stay open for (days)"),
        default=60,
        help_text=_("The default; the leader publishing a featured post may choose another."),
    )
    email_content = models.BooleanField(
        _("emails may quote posts, events and resources"),
        default=False,
        help_text=_(
            "Public communities' emails always do. Otherwise, emails only say where to look, "
            "and the content stays on the platform."
        ),
    )
    email_posting = models.BooleanField(
        _("members may start discussions by email"),
        default=False,
        help_text=_(
            "A member's email to the community's address becomes a discussion: the subject "
            "its title, the text its post."
        ),
    )
    library_needs_approval = models.BooleanField(
        _("new library resources need a leader's approval"), default=False
    )
    hold_first_posts = models.BooleanField(
        _("hold new members' first post for review"),
        default=False,
        help_text=_("A leader publishes a new member's first post before others see it."),
    )
    # The community's face: a colour from the accessible palette (empty: one derived from
    # the name) and an emblem, a square image at two sizes made by core.pictures and served
    # only by `community_emblem`, which asks the permission layer (empty: initials).
    colour = models.CharField(_("colour"), max_length=16, choices=COLOUR_CHOICES, blank=True)
    emblem = models.FileField(
        _("emblem"), upload_to="faces/communities/", max_length=200, blank=True
    )
    emblem_small = models.FileField(upload_to="faces/communities/", max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("community_detail", args=[self.slug])

    @property
    def agreement_on_join(self) -> bool:
        """Is the community's agreement accepted on its join forms? Only where those joining
        can read it: a members-only community's stays with its members, who accept it
        before their first write instead."""
        return bool(self.agreement_version) and self.visibility == Visibility.PUBLIC

    @property
    def agreement_accepted_on_join(self) -> int:
        """The version a person accepts by joining now (0: none)."""
        return self.agreement_version if self.agreement_on_join else 0

    @property
    def email_address(self) -> str:
        """Where members start a discussion by email (practica/mailin); empty when the
        community takes none or the site takes no email."""
        domain = getattr(settings, "EMAIL_INBOUND_DOMAIN", "")
        return f"{self.slug}@{domain}" if self.email_posting and domain else ""

    @property
    def colour_key(self) -> str:
        return self.colour or colour_for(self.name)

    @property
    def initials(self) -> str:
        return initials(self.name)

    def emblem_version(self, size: str = "l") -> str:
        return picture_version((self.emblem if size == "l" else self.emblem_small).name or "")

    @property
    def is_restricted(self) -> bool:
        return bool(self.eligibility.strip())

    @property
    def is_active(self) -> bool:
        return self.status == CommunityStatus.ACTIVE

    @property
    def needs_review(self) -> bool:
        """Requests wait for a leader when the policy says so or eligibility must be verified."""
        return self.join_policy == JoinPolicy.APPROVAL or self.is_restricted


class Role(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    SECRETARY = "secretary", _("Secretary")
    MEMBER_AT_LARGE = "member_at_large", _("Member-at-large")
    MEMBER = "member", _("Member")


LEADER_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY, Role.MEMBER_AT_LARGE})
SINGLE_SEAT_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY})
MAX_MEMBERS_AT_LARGE = 4
ROLE_ORDER = [Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY, Role.MEMBER_AT_LARGE, Role.MEMBER]


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)
    # The version of the community's agreement this member accepted, as
    # `User.accepted_conduct_version` is for the code of conduct.
    agreement_version = models.PositiveIntegerField(_("agreement accepted"), default=0)
    # The end of the member's suspension here, kept by the suspensions themselves
    # (services.standing) and read with the member's roles, without a query of its own.
    suspended_until = models.DateTimeField(
        _("suspended until"), null=True, blank=True, editable=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "community"], name="one_membership"),
        ]
        indexes = [models.Index(fields=["community", "role"])]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} in {self.community} ({self.role})"

    @property
    def is_leader(self) -> bool:
        return self.role in LEADER_ROLES

    @property
    def is_suspended(self) -> bool:
        return bool(self.suspended_until and self.suspended_until > timezone.now())


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class JoinRequest(TimeStampedModel):
    """What an applicant told the leaders, kept as it was when they asked."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="join_requests")
    occupation = models.CharField(_("occupation"), max_length=32, choices=Occupation.choices)
    affiliation = models.CharField(_("affiliation"), max_length=200)
    interest = models.CharField(_("area of interest"), max_length=300)
    statement = models.TextField(_("statement"), max_length=3000)
    eligibility_declared = models.BooleanField(_("eligibility declared"), default=False)
    conduct_version = models.PositiveIntegerField(_("code of conduct accepted"), default=0)
    agreement_version = models.PositiveIntegerField(_("community agreement accepted"), default=0)
    status = models.CharField(
        _("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    eligibility_verified = models.BooleanField(_("eligibility verified"), default=False)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "community"],
                condition=Q(status="pending"),
                name="one_pending_request",
            )
        ]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")

    def __str__(self) -> str:
        return f"{self.user} → {self.community} ({self.status})"


class Invitation(models.Model):
    """A single-use, expiring link sent by email; only a hash of its token is stored."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    token_hash = models.CharField(max_length=64, unique=True)
    message = models.TextField(_("message"), blank=True, max_length=2000)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.community}"

    @property
    def state(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class CommunityProposal(TimeStampedModel):
    """A proposed community; accepted, it becomes one with the proposer as chair."""

    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_proposals"
    )
    name = models.CharField(_("name"), max_length=120)
    domain = models.TextField(
        _("domain"), max_length=5000, help_text=_("What would the community be about?")
    )
    rationale = models.TextField(
        _("rationale"),
        max_length=5000,
        help_text=_("Why is it needed? What would members do together?"),
    )
    audience = models.TextField(_("who it is for"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    community = models.ForeignKey(
        Community, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("community proposal")
        verbose_name_plural = _("community proposals")

    def __str__(self) -> str:
        return self.name

    def default_summary(self) -> str:
        """The directory's one-line summary when staff give none: the domain, on one line."""
        return single_line(self.domain)[:300]


# Members' standing (trust levels, suspensions): their own module, part of this app's models.
from .standing_models import (  # noqa: E402, F401
    TRUST_ORDER,
    Suspension,
    TrustLevel,
    TrustOverride,
)
