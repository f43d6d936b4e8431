from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    POST = "post", _("Posts")
    COMMENT = "comment", _("Comments")
    EVENT = "event", _("Events")
    RESOURCE = "resource", _("Library")
    COMMUNITY = "community", _("Communities")
    PERSON = "person", _("People")


class Document(models.Model):
    """One searchable thing in the index: what it is (kind and id) and what filters need.

    The words themselves live in the engine's own structure (an FTS5 table on SQLite, the
    `vector` tsvector column on PostgreSQL, both made by this app's migrations). Whether a
    reader may see a document is never stored here: the search asks the live rows.
    """

    kind = models.CharField(max_length=16, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    community_id = models.PositiveIntegerField(null=True, blank=True)
    author_id = models.PositiveIntegerField(null=True, blank=True)
    language = models.CharField(max_length=8, blank=True)
    # Tag slugs and folded jurisdictions, each wrapped in "|" to filter with one LIKE.
    tags = models.CharField(max_length=400, blank=True)
    jurisdictions = models.CharField(max_length=400, blank=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_document_each")
        ]
        indexes = [models.Index(fields=["community_id", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
