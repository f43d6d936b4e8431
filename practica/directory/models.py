"""The expertise taxonomy (managed by staff) and what each member declares they know."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

AREA_NAME_MAX = 80
TAG_MAX = 60


class ExpertiseArea(models.Model):
    """One area of justice work from the platform's taxonomy (sentencing, bail, …)."""

    name = models.CharField(_("name"), max_length=AREA_NAME_MAX, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("expertise area")
        verbose_name_plural = _("expertise areas")

    def __str__(self) -> str:
        return self.name


class Level(models.IntegerChoices):
    SOME = 1, _("Some experience")
    PRACTITIONER = 2, _("Practitioner")
    EXPERT = 3, _("Expert")


class Expertise(models.Model):
    """A member's declared expertise: an area from the taxonomy, or a free tag
    (lower case, trimmed), with a level. Exactly one of `area` and `tag` is set."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expertise"
    )
    area = models.ForeignKey(
        ExpertiseArea, null=True, blank=True, on_delete=models.CASCADE, related_name="experts"
    )
    tag = models.CharField(_("tag"), max_length=TAG_MAX, blank=True, db_index=True)
    level = models.PositiveSmallIntegerField(
        _("level"), choices=Level.choices, default=Level.PRACTITIONER
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-level", "area__position", "tag"]
        verbose_name = _("expertise")
        verbose_name_plural = _("expertise")
        constraints = [
            models.CheckConstraint(
                condition=(Q(area__isnull=False) & Q(tag="")) | (Q(area__isnull=True) & ~Q(tag="")),
                name="expertise_area_or_tag",
            ),
            models.UniqueConstraint(
                fields=["user", "area"], condition=Q(area__isnull=False), name="one_area_each"
            ),
            models.UniqueConstraint(
                fields=["user", "tag"], condition=~Q(tag=""), name="one_tag_each"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.area or self.tag} ({self.get_level_display()})"

    @property
    def label(self) -> str:
        return self.area.name if self.area_id and self.area else self.tag
