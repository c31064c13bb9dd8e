"""What search keeps in the database: the synonym vocabulary and the indexing outbox."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from wagtail.admin.panels import FieldPanel


def normalise_term(term: str) -> str:
    """How a synonym is compared with a query: lower case, single spaces, hyphens kept."""
    return " ".join(term.lower().split())


class SynonymGroup(models.Model):
    """Terms that mean the same to people searching, e.g. "NDC" and "nationally determined contribution".

    A search for any term of a group also finds documents that use another term of it. Synonyms
    are expanded when a query runs, not when documents are indexed, so a moderator's edit takes
    effect at once, without re-indexing (and the local Elasticsearch has no synonym filter).
    """

    terms = models.TextField(
        max_length=2000,
        help_text="Two or more terms that searchers use interchangeably, one per line.",
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="Why these terms belong together (optional)."
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = "synonym group"
        ordering = ["pk"]

    def __str__(self) -> str:
        return " = ".join(self.term_list)

    @property
    def term_list(self) -> list[str]:
        """The group's distinct terms, in the order the moderator wrote them."""
        cleaned, seen = [], set()
        for line in (self.terms or "").splitlines():
            key = normalise_term(line)
            if key and key not in seen:
                seen.add(key)
                cleaned.append(" ".join(line.split()))
        return cleaned

    def clean(self):
        terms = self.term_list
        if len(terms) < 2:
            raise ValidationError(
                {"terms": "A synonym group needs at least two different terms, one per line."}
            )
        if any(len(term) > 80 for term in terms):
            raise ValidationError({"terms": "Each term can be at most 80 characters long."})
        self.terms = "\n".join(terms)


class IndexOutbox(models.Model):
    """One row per searchable object: the version of its latest change, and the version indexed.

    A content change bumps `version` (from the database sequence `search_index_version`) in the
    same transaction as the change itself, so a change can never be committed without its row.
    The row is pending while `indexed_version < version`; indexing tasks, the periodic drain and
    `search_index --repair` bring the index up to `version`. Versions follow commit order per
    object because the upsert locks the row (see search.outbox.record_changes), and they are sent
    to Elasticsearch as external versions so an older state never overwrites a newer one.
    """

    document_type = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    version = models.BigIntegerField()
    indexed_version = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField()
    indexed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document_type", "object_id"], name="one_outbox_row_per_object")
        ]
        indexes = [
            models.Index(
                fields=["id"],
                condition=Q(indexed_version__lt=F("version")),
                name="search_outbox_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.document_type} {self.object_id} v{self.version} (indexed v{self.indexed_version})"

    @property
    def is_pending(self) -> bool:
        return self.indexed_version < self.version
