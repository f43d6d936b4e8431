import uuid
from datetime import date
from pathlib import PurePath

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practica.communities.models import Community
from practica.core.models import Versioned


class ResourceKind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    TEMPLATE = "template", _("Template")
    GUIDE = "guide", _("Guide")
    CASE_STUDY = "case_study", _("Case study")
    TOOLKIT = "toolkit", _("Toolkit")
    LINK = "link", _("Link")
    RECORDING = "recording", _("Recording")


class Licence(models.TextChoices):
    ALL_RIGHTS = "all_rights_reserved", _("All rights reserved")
    CC_BY = "cc_by", _("Creative Commons Attribution (CC BY)")
    CC_BY_SA = "cc_by_sa", _("Creative Commons Attribution-ShareAlike (CC BY-SA)")
    CC_BY_NC = "cc_by_nc", _("Creative Commons Attribution-NonCommercial (CC BY-NC)")
    PUBLIC_DOMAIN = "public_domain", _("Public domain")


class ResourceStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")


class Resource(Versioned):
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="resources")
    # The working group whose folder it is in, if any (workgroups.permissions decides who
    # sees a members-only group's resources).
    group = models.ForeignKey(
        "workgroups.WorkingGroup",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="resources",
        verbose_name=_("working group"),
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=ResourceKind.choices)
    summary = models.TextField(_("summary"), max_length=3000)
    link_url = models.URLField(_("web link"), max_length=500, blank=True)
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="authored_resources", verbose_name=_("authors")
    )
    outside_authors = models.CharField(
        _("other authors"), max_length=300, blank=True, help_text=_("Names, separated by commas.")
    )
    tags = models.ManyToManyField("discussions.Tag", blank=True, related_name="resources")
    jurisdictions = models.CharField(
        _("jurisdictions"), max_length=300, blank=True, help_text=_("Separated by commas.")
    )
    language = models.CharField(_("language"), max_length=60)
    licence = models.CharField(_("licence"), max_length=24, choices=Licence.choices)
    current_as_of = models.DateField(_("current as of"))
    review_months = models.PositiveSmallIntegerField(_("review every (months)"), default=12)
    last_reviewed_at = models.DateTimeField(null=True, blank=True)
    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_reminded_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=ResourceStatus.choices)
    download_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Hidden by moderation: only its authors and the community's moderators see it.
    hidden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["community", "status"])]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resource_detail", args=[self.pk])

    @property
    def reviewed_on(self) -> date:
        return self.last_reviewed_at.date() if self.last_reviewed_at else self.current_as_of

    @property
    def review_due_on(self) -> date:
        return self.reviewed_on + relativedelta(months=self.review_months)

    @property
    def may_be_out_of_date(self) -> bool:
        return self.review_due_on <= timezone.localdate()

    @property
    def jurisdiction_list(self) -> list[str]:
        return [j.strip() for j in self.jurisdictions.split(",") if j.strip()]


def _stored_name(instance: "ResourceVersion", filename: str) -> str:
    """A server-generated name: never the uploaded path, only its checked extension."""
    suffix = PurePath(filename).suffix.lower()[:10]
    today = timezone.now()
    return f"library/{today:%Y/%m}/{uuid.uuid4().hex}{suffix}"


class ResourceVersion(models.Model):
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(upload_to=_stored_name, max_length=200)
    original_name = models.CharField(max_length=200)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=120)
    sha256 = models.CharField(max_length=64)
    # Shown in the browser rather than downloaded: only images re-encoded on upload.
    inline = models.BooleanField(default=False)
    note = models.CharField(_("what changed and why"), max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    extracted_text = models.TextField(blank=True)
    text_extracted_at = models.DateTimeField(null=True, blank=True)
    download_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "number"], name="one_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.resource_id} v{self.number}"

    def get_download_url(self) -> str:
        return reverse("version_download", args=[self.resource_id, self.pk])


class ResourceComment(models.Model):
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_name = models.CharField(max_length=120)
    author_occupation = models.CharField(max_length=100, blank=True)
    author_affiliation = models.CharField(max_length=200, blank=True)
    body = models.TextField(max_length=20_000)
    body_html = models.TextField(default="")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.author_name} on {self.resource_id}"
