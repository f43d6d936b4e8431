from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from practica.core.faces import colour_for, initials
from practica.core.pictures import picture_version


class Occupation(models.TextChoices):
    JUDGE = "judge", _("Judge or justice of the peace")
    LAWYER = "lawyer", _("Lawyer")
    PARALEGAL = "paralegal", _("Paralegal")
    LITIGATOR = "litigator", _("Litigator")
    COURT_STAFF = "court_staff", _("Court staff")
    TREATMENT = "treatment", _("Treatment professional")
    ACADEMIC = "academic", _("Academic")
    ADVOCATE = "advocate", _("Community advocate")
    LIVED_EXPERIENCE = "lived_experience", _("Person with lived experience")
    CONSULTANT = "consultant", _("Consultant")
    OTHER = "other", _("Other")


class AffiliationType(models.TextChoices):
    COURT = "court", _("Court or tribunal")
    GOVERNMENT = "government", _("Government")
    LEGAL_AID = "legal_aid", _("Legal aid or clinic")
    PRIVATE = "private", _("Law firm or private practice")
    COMMUNITY = "community", _("Community organisation")
    ACADEMIC = "academic", _("University or college")
    OTHER = "other", _("Other")


class ProfileVisibility(models.TextChoices):
    """Who may see a person's profile page, photo and directory card. What a profile shows
    about memberships still follows each community's own visibility."""

    PUBLIC = "public", _("Anyone, signed in or not")
    MEMBERS = "members", _("Anyone signed in")
    COMMUNITIES = "communities", _("Members of my communities")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, password, **extra)


class User(AbstractUser):
    """A person on the platform; the profile lives here because it is on every page."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)

    display_name = models.CharField(_("name"), max_length=120, blank=True)
    handle = models.SlugField(
        _("handle"),
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Others mention you as @handle. Chosen from your name; it does not change."),
    )
    affiliation = models.CharField(
        _("affiliation"),
        max_length=200,
        blank=True,
        help_text=_("Your court, agency, firm or organisation."),
    )
    occupation = models.CharField(
        _("occupation"), max_length=32, choices=Occupation.choices, blank=True
    )
    country = models.CharField(_("country"), max_length=100, blank=True)
    # ISO 3166-2 code ("CA-ON") from practica.core.regions; the reports count members by it.
    region = models.CharField(
        _("province, territory or state"),
        max_length=8,
        blank=True,
        help_text=_("Where you mainly work. Reports count members by it, never by name."),
    )
    affiliation_type = models.CharField(
        _("kind of organisation"), max_length=24, choices=AffiliationType.choices, blank=True
    )
    jurisdiction = models.CharField(
        _("jurisdictions"),
        max_length=200,
        blank=True,
        help_text=_(
            "The states, provinces or court systems you work in, if it matters. "
            "Separate with commas."
        ),
    )
    languages = models.CharField(
        _("languages spoken"), max_length=200, blank=True, help_text=_("Separate with commas.")
    )
    welcomes_questions = models.BooleanField(
        _("welcomes questions from other members"),
        default=False,
        help_text=_("Members who share no community with you may write to you."),
    )
    open_to_mentoring = models.BooleanField(_("open to mentoring"), default=False)
    profile_visibility = models.CharField(
        _("who sees my profile"),
        max_length=16,
        choices=ProfileVisibility.choices,
        default=ProfileVisibility.MEMBERS,
    )
    interests = models.CharField(
        _("areas of interest"), max_length=300, blank=True, help_text=_("Separate with commas.")
    )
    bio = models.TextField(_("short bio"), max_length=2000, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        help_text=_("Times are shown in this zone. Empty: your browser's, or the site's."),
    )
    accepted_conduct_version = models.PositiveIntegerField(
        _("code of conduct version accepted"), default=0
    )
    # The end of the person's platform-wide suspension, kept by the suspensions themselves
    # (practica.communities.services.standing), so that every write check reads it without
    # a query. In the past or empty: not suspended.
    suspended_until = models.DateTimeField(
        _("suspended everywhere until"), null=True, blank=True, editable=False
    )
    # A square photo at two sizes, made by core.pictures; served only by `person_photo`,
    # which asks the permission layer. Empty: initials on a colour from the name.
    photo = models.FileField(_("photo"), upload_to="faces/people/", max_length=200, blank=True)
    photo_small = models.FileField(upload_to="faces/people/", max_length=200, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []
    objects = UserManager()  # type: ignore[assignment,misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.email

    @property
    def region_name(self) -> str:
        """The name of the profile's province, territory or state (ISO 3166-2)."""
        from practica.core.regions import region_name

        return region_name(self.region) if self.region else ""

    @property
    def name(self) -> str:
        return self.display_name or str(_("Unnamed member"))

    @property
    def initials(self) -> str:
        return initials(self.display_name)

    @property
    def face_colour(self) -> str:
        """The palette key of the initials' background, from the name (or, without one, the
        account number: never the email address)."""
        return colour_for(self.display_name or str(self.pk))

    def photo_version(self, size: str = "l") -> str:
        return picture_version((self.photo if size == "l" else self.photo_small).name or "")

    @property
    def profile_complete(self) -> bool:
        """Name and affiliation appear on everything a member writes."""
        return bool(self.display_name.strip() and self.affiliation.strip())

    @property
    def language_list(self) -> list[str]:
        return [part.strip() for part in self.languages.split(",") if part.strip()]

    @property
    def jurisdiction_list(self) -> list[str]:
        return [part.strip() for part in self.jurisdiction.split(",") if part.strip()]

    @property
    def interest_list(self) -> list[str]:
        return [part.strip() for part in self.interests.split(",") if part.strip()]


class CodeOfConduct(models.Model):
    """One published version of the platform code of conduct; the highest is in force."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    body = models.TextField(_("text (Markdown)"))
    summary_of_changes = models.CharField(_("what changed"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-version"]
        verbose_name = _("code of conduct")
        verbose_name_plural = _("code of conduct versions")

    def __str__(self) -> str:
        return f"{_('Code of conduct')} v{self.version}"


class ConductAcceptance(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conduct_acceptances"
    )
    conduct = models.ForeignKey(CodeOfConduct, on_delete=models.PROTECT, related_name="+")
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "conduct"], name="one_acceptance_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.user} accepted v{self.conduct.version}"
