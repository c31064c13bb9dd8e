"""What Lodestar puts in Elasticsearch: one index, one Document class per content type.

Every content type shares the fields that cross-coalition search queries, filters and facets on
(title, summary, body, visibility, date, the vocabularies, ...), so they live in one index: scores
are comparable across types (one set of term statistics), one query and one set of aggregations
serve the whole search page, and one rebuild swaps everything at once.

The analysis uses only what Elasticsearch's server core provides, because CI and the local node
run the server without the analysis-common module (see docs/elasticsearch.md in the shared docs):
standard tokenizer, lowercase, stop words, hunspell stemming (en_US dictionaries in the node's
config dir, installed by scripts/services and by the production Dockerfile), shingles for phrase
relevance, and a completion field. Synonyms are expanded at query time (search.synonyms).

Adding a content type: subclass `SearchDocument`, set `document_type`, `label` and `model`, write
`get_queryset()` (only what may be found: live pages, visible posts, with its joins) and the
`prepare_<field>` methods, decorate it with `@register`, and say in search/signals.py which model
signals change it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from elasticsearch_dsl import (
    Completion,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Text,
    analyzer,
    token_filter,
)

from lodestar.members.models import Organisation, Profile
from lodestar.permissions.roles import ADMINISTRATORS_GROUP, MEMBERS_GROUP, MODERATORS_GROUP
from lodestar.permissions.search import MEMBERS_ONLY, PUBLIC

from .models import IndexOutbox

__all__ = ["MEMBERS_ONLY", "PUBLIC", "SearchDocument", "OrganisationDocument", "register"]

# --- Analysis (server core only) ----------------------------------------------------------------

english_stop = token_filter("english_stop", "stop", stopwords="_english_")
english_hunspell = token_filter("english_hunspell", "hunspell", locale="en_US", dedup=True)
word_shingles = token_filter(
    "word_shingles", "shingle", min_shingle_size=2, max_shingle_size=3, output_unigrams=False
)
spelling_shingles = token_filter(
    "spelling_shingles", "shingle", min_shingle_size=2, max_shingle_size=3, output_unigrams=True
)

# Words reduced to their dictionary stem: "cities" finds "city", "strategies" finds "strategy".
english_text = analyzer(
    "english_text", tokenizer="standard", filter=["lowercase", english_stop, english_hunspell]
)
# Runs of two and three words, so documents that contain the query's words side by side rank higher.
phrase_shingles = analyzer("phrase_shingles", tokenizer="standard", filter=["lowercase", word_shingles])
# Real words and short phrases as people spell them, for "did you mean".
spelling = analyzer("spelling", tokenizer="standard", filter=["lowercase", spelling_shingles])


def _text(**kwargs) -> Text:
    """A searchable text field with a shingled sub-field for phrase relevance."""
    return Text(
        analyzer=english_text,
        fields={"shingles": Text(analyzer=phrase_shingles)},
        copy_to=["all_text", "spell_all"],
        **kwargs,
    )


class SearchDocument(Document):
    """The fields every content type has; subclasses add their own and fill them from a model."""

    content_type = Keyword()
    object_id = Keyword()
    title = Text(
        analyzer=english_text,
        fields={
            "shingles": Text(analyzer=phrase_shingles),
            "exact": Keyword(normalizer="lowercase", ignore_above=256),
        },
        copy_to=["all_text", "spell_all"],
    )
    summary = _text()
    body = _text()
    # Every word of the title, summary and body: what a query must match (with typo tolerance).
    all_text = Text(analyzer=english_text)
    # Words for "did you mean": from every document, and from public documents only (for visitors).
    spell_all = Text(analyzer=spelling)
    spell_public = Text(analyzer=spelling)
    url = Keyword(index=False)
    language = Keyword()
    visibility = Keyword()
    date = Date()
    # Filter and facet fields (slugs or codes), shared by the content types that have them.
    sectors = Keyword()
    countries = Keyword()
    actor_type = Keyword()
    strategy_stage = Keyword()
    co_benefits = Keyword()
    policy_instruments = Keyword()
    tool_type = Keyword()
    cost = Keyword()
    category = Keyword()
    suggest = Completion(contexts=[{"name": "visibility", "type": "category", "path": "visibility"}])

    # Set by each content type (plain attributes: annotated ones would be taken for ES fields).
    document_type = ""  # the content_type value and outbox key, e.g. "case_study"
    label = ""  # what people see, e.g. "Case study"
    model = None  # the Django model whose rows become documents

    class Meta:
        dynamic = "strict"  # a field nobody declared is a bug, not something to guess a mapping for

    # --- What subclasses provide ---------------------------------------------------------------

    @classmethod
    def get_queryset(cls) -> QuerySet:
        """Every object that may be found, with the joins its prepare_* methods use."""
        raise NotImplementedError

    # --- Shared machinery ----------------------------------------------------------------------

    @classmethod
    def field_names(cls) -> list[str]:
        return list(cls._doc_type.mapping)

    @classmethod
    def indexable_with_versions(cls) -> QuerySet:
        """get_queryset() with each object's outbox version, read in the same statement (snapshot).

        Reading the version and the state together guarantees that a document sent with version v
        shows a state at least as new as the change that produced v.
        """
        version = IndexOutbox.objects.filter(
            document_type=cls.document_type, object_id=OuterRef("pk")
        ).values("version")[:1]
        return cls.get_queryset().annotate(
            search_version=Coalesce(Subquery(version), Value(0), output_field=IntegerField())
        )

    @classmethod
    def document_id(cls, object_id) -> str:
        return f"{cls.document_type}-{object_id}"

    @classmethod
    def source(cls, obj) -> dict:
        """The JSON sent to Elasticsearch for one object."""
        data = {"content_type": cls.document_type, "object_id": str(obj.pk), "language": "en"}
        for name in cls.field_names():
            if name in ("all_text", "spell_all", "spell_public", "suggest", "content_type", "object_id"):
                continue
            prepare = getattr(cls, f"prepare_{name}", None)
            if prepare is not None:
                data[name] = prepare(obj)
        data.setdefault("visibility", PUBLIC)
        if data["visibility"] == PUBLIC:
            data["spell_public"] = " ".join(
                filter(None, [data.get("title"), data.get("summary"), data.get("body")])
            )
        data["suggest"] = {"input": suggestion_inputs(data.get("title") or "")}
        return {k: v for k, v in data.items() if v not in (None, "", [])}


def suggestion_inputs(title: str) -> list[str]:
    """The title and its word suffixes, so that typing "zero" suggests "Net zero by 2050"."""
    words = title.split()[:12]
    inputs = [" ".join(words[i:]) for i in range(min(len(words), 6))]
    return [text[:100] for text in inputs if text]


# --- The registry of content types ---------------------------------------------------------------

DOCUMENTS: dict[str, type[SearchDocument]] = {}


def register(document: type[SearchDocument]) -> type[SearchDocument]:
    if not document.document_type or document.model is None:
        raise TypeError(f"{document.__name__} needs a document_type and a model")
    DOCUMENTS[document.document_type] = document
    return document


def document_for(document_type: str) -> type[SearchDocument]:
    return DOCUMENTS[document_type]


def all_documents() -> Iterable[type[SearchDocument]]:
    return DOCUMENTS.values()


# --- Index naming and settings --------------------------------------------------------------------


def read_alias() -> str:
    """What searches read: always exactly one complete index."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-content"


def write_alias() -> str:
    """What indexing writes to: the live index and, during a rebuild, the new one as well."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-content-write"


def index_definition(name: str) -> dict:
    """Settings and mappings of a content index: the same in tests, development and production."""
    index = Index(name)
    index.settings(
        number_of_shards=1,
        number_of_replicas=settings.ELASTICSEARCH_REPLICAS,
        # Keep delete tombstones long enough that a delayed older write cannot resurrect a document.
        gc_deletes="1h",
        max_result_window=10_000,
    )
    for document in [SearchDocument, *all_documents()]:
        index.document(document)
    body = index.to_dict()
    body["mappings"]["_source"] = {"excludes": ["spell_public"]}
    return body


# --- Content types -------------------------------------------------------------------------------

MEMBER_GROUPS = [MEMBERS_GROUP, MODERATORS_GROUP, ADMINISTRATORS_GROUP]


@register
class OrganisationDocument(SearchDocument):
    """A member organisation, as the public directory shows it: who takes part in the Coalition."""

    document_type = "organisation"
    label = "Member organisation"
    model = Organisation
    member_count = Integer()

    @classmethod
    def get_queryset(cls) -> QuerySet:
        member_profiles = Profile.objects.filter(
            organisation=OuterRef("pk"), user__is_active=True, user__groups__name__in=MEMBER_GROUPS
        )
        member_count = (
            member_profiles.order_by()
            .values("organisation")
            .annotate(n=Count("pk", distinct=True))
            .values("n")
        )
        return (
            Organisation.objects.filter(Exists(member_profiles))
            .select_related("actor_type")
            .annotate(member_count=Coalesce(Subquery(member_count), 0))
            .order_by("pk")
        )

    @staticmethod
    def prepare_title(org) -> str:
        return org.name

    @staticmethod
    def prepare_summary(org) -> str:
        members = f"{org.member_count} member" + ("" if org.member_count == 1 else "s")
        return f"{org.actor_type.name} in {org.country.name}. {members} on Lodestar."

    @staticmethod
    def prepare_url(org) -> str:
        return reverse("members:organisation_detail", kwargs={"slug": org.slug})

    @staticmethod
    def prepare_actor_type(org) -> str:
        return org.actor_type.slug

    @staticmethod
    def prepare_countries(org) -> list[str]:
        return [org.country.code]

    @staticmethod
    def prepare_date(org):
        return org.created_at

    @staticmethod
    def prepare_member_count(org) -> int:
        return org.member_count

    @staticmethod
    def prepare_visibility(org) -> str:
        return PUBLIC  # the directory of member organisations is public
