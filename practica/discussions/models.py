from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practica.communities.models import Community
from practica.core.models import Versioned

TITLE_MAX = 200
BODY_MAX = 50_000
COMMENT_MAX = 20_000
TAGS_MAX = 5
TAG_MAX = 40


class Tag(models.Model):
    """A free-form topic, normalised to lower case with single spaces."""

    name = models.CharField(_("name"), max_length=TAG_MAX, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("tag_detail", args=[self.slug])


class PostKind(models.TextChoices):
    FEATURED = "featured", _("Featured post")
    DISCUSSION = "discussion", _("Discussion")
    QUESTION = "question", _("Question")
    SUMMARY = "summary", _("Summary")


class PostStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    RETURNED = "returned", _("Returned to the author")
    DECLINED = "declined", _("Declined")
    PUBLISHED = "published", _("Published")
    # Written and ready, waiting for its publication time (`publish_at`): seen only by
    # its author and the community's leaders until the scheduler publishes it.
    SCHEDULED = "scheduled", _("Scheduled")


class Post(Versioned):
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="posts")
    # The working group it belongs to, if any: a members-only group's posts are seen by
    # its members and the community's leaders only (workgroups.permissions).
    group = models.ForeignKey(
        "workgroups.WorkingGroup",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="posts",
        verbose_name=_("working group"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts"
    )
    # Who the author was when they wrote it: shown on the post even if the profile changes.
    author_name = models.CharField(max_length=120)
    author_occupation = models.CharField(max_length=100, blank=True)
    author_affiliation = models.CharField(max_length=200, blank=True)

    kind = models.CharField(_("kind"), max_length=16, choices=PostKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=PostStatus.choices, default=PostStatus.PUBLISHED
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    body = models.TextField(_("text (Markdown)"), max_length=BODY_MAX)
    body_html = models.TextField(editable=False, default="")
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts", verbose_name=_("tags"))
    # The language it is written in (a code from PRACTICA_CONTENT_LANGUAGES): search stems by it.
    language = models.CharField(_("written in"), max_length=8, blank=True)

    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)

    # Featured posts are open until this moment; it is the only source of truth for
    # "closed", so a post reads as closed the instant its period ends.
    open_until = models.DateTimeField(null=True, blank=True, db_index=True)
    closure_recorded_at = models.DateTimeField(null=True, blank=True)
    # A scheduled post is published by the scheduler at this moment.
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True, db_index=True)
    # From this moment the post leaves the home page and the lists (it moves to the
    # archives) and reads as expired; it stays at its address and in search.
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True, db_index=True)
    expiry_recorded_at = models.DateTimeField(null=True, blank=True)
    summary_of = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="summary",
        verbose_name=_("summary of"),
    )
    platform_featured = models.BooleanField(_("featured on the home page"), default=False)
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Hidden by moderation (flags past the community's threshold, or a moderator): only its
    # author and the community's moderators see it until it is restored.
    hidden_at = models.DateTimeField(null=True, blank=True)

    accepted_answer = models.ForeignKey(
        "Comment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment_count = models.PositiveIntegerField(default=0)

    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_note = models.TextField(_("note from the reviewer"), blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["community", "status", "-published_at"]),
            # A community's posts, pinned first, without sorting them all.
            models.Index(fields=["community", "status", "-pinned", "-published_at", "-id"]),
            # Newest first across communities (home, all posts, archives): read in order.
            models.Index(fields=["status", "-published_at", "-id"]),
            models.Index(fields=["status", "kind", "open_until"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="featured")
                | Q(status__in=["pending", "returned", "declined"])
                | Q(open_until__isnull=False),
                name="published_featured_has_period",
            )
        ]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("post_detail", args=[self.pk])

    @property
    def is_featured(self) -> bool:
        return self.kind == PostKind.FEATURED

    @property
    def is_closed(self) -> bool:
        """A featured post is closed from the moment its period ends."""
        return bool(self.is_featured and self.open_until and self.open_until <= timezone.now())

    @property
    def is_open_featured(self) -> bool:
        return self.is_featured and self.is_published and not self.is_closed

    @property
    def is_published(self) -> bool:
        return self.status == PostStatus.PUBLISHED and self.deleted_at is None

    @property
    def is_scheduled(self) -> bool:
        return self.status == PostStatus.SCHEDULED

    @property
    def is_expired(self) -> bool:
        return bool(self.expires_at and self.expires_at <= timezone.now())

    @property
    def is_question(self) -> bool:
        return self.kind == PostKind.QUESTION


class PostRevision(models.Model):
    """The text of a post before an edit, with who changed it and why."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=TITLE_MAX)
    body = models.TextField()
    tags = models.CharField(max_length=300, blank=True)
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.title} (before {self.created_at:%Y-%m-%d %H:%M})"


class Comment(Versioned):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments"
    )
    author_name = models.CharField(max_length=120)
    author_occupation = models.CharField(max_length=100, blank=True)
    author_affiliation = models.CharField(max_length=200, blank=True)
    body = models.TextField(max_length=COMMENT_MAX)
    body_html = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Hidden by moderation: shown as hidden to everyone but its author and moderators.
    hidden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["post", "created_at"])]

    def __str__(self) -> str:
        return f"{self.author_name} on {self.post_id}"

    def get_absolute_url(self) -> str:
        """Its lasting address: answers with the page of the thread it is on now."""
        return reverse("comment_goto", args=[self.pk])

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class CommentRevision(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="revisions")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"comment {self.comment_id} before {self.created_at:%Y-%m-%d %H:%M}"


class ReactionKind(models.TextChoices):
    HELPFUL = "helpful", _("Helpful")
    AGREE = "agree", _("Agree")
    THANKS = "thanks", _("Thanks")


class Reaction(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=ReactionKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "user", "kind"], name="one_reaction_each")
        ]

    def __str__(self) -> str:
        return f"{self.kind} on {self.comment_id}"


class PostRead(models.Model):
    """How far a reader has read a thread: every comment up to `last_comment_id` has been
    shown to them (comment ids grow with time), and so has each id in `seen_after`; and when
    they last came."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField()
    # Not a foreign key: a mark is a position in the thread, and stays one if that comment goes.
    last_comment_id = models.PositiveBigIntegerField(default=0)
    # Comments above the mark already shown: a thread reads as a tree, so page 1 can hold a
    # late reply while older comments wait on later pages. Never more than the thread has.
    seen_after = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "post"], name="one_read_mark")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.post_id} up to comment {self.last_comment_id}"
