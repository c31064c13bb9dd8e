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

from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from elasticsearch.dsl import (
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

from cases.models import CaseStudyPage, ToolPage
from forum.models import Post, Topic
from lodestar.members.models import Organisation, Profile
from lodestar.permissions.forum import category_audience, findable_posts, findable_topics
from lodestar.permissions.library import findable_pages
from lodestar.permissions.roles import ADMINISTRATORS_GROUP, MEMBERS_GROUP, MODERATORS_GROUP
from lodestar.permissions.search import MEMBERS_ONLY, PUBLIC
from lodestar.vocabularies.models import CoBenefit, PolicyInstrument, Sector, StrategyStage

from .models import IndexOutbox

__all__ = [
    "MEMBERS_ONLY",
    "PUBLIC",
    "CaseStudySearchDocument",
    "OrganisationDocument",
    "PostDocument",
    "SearchDocument",
    "ToolDocument",
    "TopicDocument",
    "register",
]

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
        # Offsets in the postings let the highlighter find matches without re-analysing the text:
        # it halved search latency in the benchmark.
        index_options="offsets",
        **kwargs,
    )


class SearchDocument(Document):
    """The fields every content type has; subclasses add their own and fill them from a model."""

    content_type = Keyword()
    object_id = Keyword()
    title = Text(
        analyzer=english_text,
        index_options="offsets",
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
    # Deleted documents' words linger in these until segments merge, so search.selectors only
    # offers a suggestion that a search with the caller's audiences confirms (collate).
    spell_all = Text(analyzer=spelling)
    spell_public = Text(analyzer=spelling)
    url = Keyword(index=False)
    language = Keyword()  # of the text as indexed (analysed as English for now)
    languages = Keyword()  # of the material described (a case study's or tool's languages)
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
    def _preparers(cls) -> list[tuple[str, Callable]]:
        """(field, prepare_<field>) pairs, looked up once per class: a rebuild calls source() a lot."""
        cached = cls.__dict__.get("_prepare_cache")
        if cached is None:
            derived = ("all_text", "spell_all", "spell_public", "suggest", "content_type", "object_id")
            cached = [
                (name, getattr(cls, f"prepare_{name}"))
                for name in cls.field_names()
                if name not in derived and hasattr(cls, f"prepare_{name}")
            ]
            cls._prepare_cache = cached
        return cached

    @classmethod
    def source(cls, obj) -> dict:
        """The JSON sent to Elasticsearch for one object."""
        data = {"content_type": cls.document_type, "object_id": str(obj.pk), "language": "en"}
        for name, prepare in cls._preparers():
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


# --- Shared helpers of the content types ------------------------------------------------------------


def html_to_text(html: str) -> str:
    """Readable text of sanitised HTML (rich text, rendered Markdown): tags dropped, entities decoded."""
    from html import unescape

    from django.utils.html import strip_tags

    # A space before each tag keeps words of adjacent blocks apart ("<p>a</p><p>b</p>" -> "a b").
    return " ".join(unescape(strip_tags(html.replace("<", " <"))).split())


def _slugs_of(term_model, relation: str) -> ArraySubquery:
    """The slugs of a page's terms, as one array column (no query, no model instance per term)."""
    return ArraySubquery(
        term_model.objects.filter(**{relation: OuterRef("pk")}).order_by("slug").values("slug")
    )


def _site_root_paths() -> list:
    """The sites' root paths, read once per process (and again after a minute), not once per page."""
    import time

    from wagtail.models import Site

    now = time.monotonic()
    cached = _site_root_paths.cache  # type: ignore[attr-defined]
    if cached is None or now - cached[0] > 60:
        cached = (now, sorted(Site.get_site_root_paths(), key=lambda s: -len(s.root_path)))
        _site_root_paths.cache = cached  # type: ignore[attr-defined]
    return cached[1]


_site_root_paths.cache = None  # type: ignore[attr-defined]


def page_url(page) -> str:
    """The page's address on its site, as a path (the page's own url_path minus the site root)."""
    for root in _site_root_paths():
        if page.url_path.startswith(root.root_path):
            return "/" + page.url_path[len(root.root_path) :]
    return ""


# Which pages may be found, and by whom: lodestar.permissions.library.findable_pages annotates
# each live page with its `audience` (the view restrictions above it, in Lodestar's roles).


def _page_visibility(page) -> str:
    return page.audience


# --- The library ------------------------------------------------------------------------------------


class LibraryPageDocument(SearchDocument):
    """What case studies and tools are filled with alike: a live library page (not registered)."""

    @staticmethod
    def prepare_title(page) -> str:
        return page.title

    @staticmethod
    def prepare_summary(page) -> str:
        return page.summary

    @staticmethod
    def prepare_url(page) -> str:
        return page_url(page)

    @staticmethod
    def prepare_visibility(page) -> str:
        return _page_visibility(page)

    @staticmethod
    def prepare_date(page):
        return page.first_published_at

    @staticmethod
    def prepare_sectors(page) -> list[str]:
        return page.sector_slugs

    @staticmethod
    def prepare_languages(page) -> list[str]:
        return list(page.languages)


@register
class CaseStudySearchDocument(LibraryPageDocument):
    """A published case study, with every term the library filters on.

    (Not "CaseStudyDocument": that is the library's model of a case study's attachments.)
    """

    document_type = "case_study"
    label = "Case study"
    model = CaseStudyPage

    @classmethod
    def get_queryset(cls) -> QuerySet:
        return (
            findable_pages(cls.model.objects.all())
            .select_related("actor_type", "strategy_stage")
            .annotate(
                sector_slugs=_slugs_of(Sector, "case_studies"),
                co_benefit_slugs=_slugs_of(CoBenefit, "case_studies"),
                policy_instrument_slugs=_slugs_of(PolicyInstrument, "case_studies"),
            )
            .order_by("pk")
        )

    @staticmethod
    def prepare_body(page) -> str:
        """The text of every section, quote and caption, then where it happened."""
        parts = []
        for block in page.body.raw_data:
            value = block.get("value") or {}
            if not isinstance(value, dict):
                continue
            if "text" in value:
                parts.append(html_to_text(value["text"] or ""))
            parts.extend(value.get(key) or "" for key in ("quote", "attribution", "caption"))
        parts.extend([page.region, page.city])
        return " ".join(p for p in parts if p)

    @staticmethod
    def prepare_countries(page) -> list[str]:
        return sorted(country.code for country in page.countries)

    @staticmethod
    def prepare_actor_type(page) -> str | None:
        return page.actor_type.slug if page.actor_type else None

    @staticmethod
    def prepare_strategy_stage(page) -> list[str]:
        return [page.strategy_stage.slug] if page.strategy_stage else []

    @staticmethod
    def prepare_co_benefits(page) -> list[str]:
        return page.co_benefit_slugs

    @staticmethod
    def prepare_policy_instruments(page) -> list[str]:
        return page.policy_instrument_slugs


@register
class ToolDocument(LibraryPageDocument):
    """A published tool or resource, with its type, cost, sectors and strategy stages."""

    document_type = "tool"
    label = "Tool"
    model = ToolPage

    @classmethod
    def get_queryset(cls) -> QuerySet:
        return (
            findable_pages(cls.model.objects.all())
            .select_related("tool_type")
            .annotate(
                sector_slugs=_slugs_of(Sector, "tools"),
                strategy_stage_slugs=_slugs_of(StrategyStage, "tools"),
            )
            .order_by("pk")
        )

    @staticmethod
    def prepare_body(page) -> str:
        return " ".join(
            p for p in [html_to_text(page.description or ""), f"Maintained by {page.maintainer}."] if p
        )

    @staticmethod
    def prepare_strategy_stage(page) -> list[str]:
        return page.strategy_stage_slugs

    @staticmethod
    def prepare_tool_type(page) -> str | None:
        return page.tool_type.slug if page.tool_type else None

    @staticmethod
    def prepare_cost(page) -> str:
        return page.cost


# --- The forum --------------------------------------------------------------------------------------


def _category_visibility(category) -> str:
    return category_audience(category)


@register
class TopicDocument(SearchDocument):
    """A published forum topic: its title, its question (first post) and its accepted answer."""

    document_type = "topic"
    label = "Forum discussion"
    model = Topic

    @classmethod
    def get_queryset(cls) -> QuerySet:
        from django.db.models import Prefetch

        return (
            findable_topics()
            .select_related("category", "accepted_post")
            .prefetch_related(
                Prefetch("posts", queryset=findable_posts().filter(position=1), to_attr="firsts"),
                "tags",
            )
            .order_by("pk")
        )

    @staticmethod
    def prepare_title(topic) -> str:
        return topic.title

    @staticmethod
    def prepare_summary(topic) -> str:
        first = topic.firsts[0] if topic.firsts else None
        return html_to_text(first.body_html)[:600] if first else ""

    @staticmethod
    def prepare_body(topic) -> str:
        first = topic.firsts[0] if topic.firsts else None
        parts = [html_to_text(first.body_html) if first else ""]
        accepted = topic.accepted_post
        if accepted is not None and accepted.status == Post.Status.PUBLISHED:
            parts.append(html_to_text(accepted.body_html))
        parts.append(" ".join(tag.name for tag in topic.tags.all()))
        return " ".join(p for p in parts if p)

    @staticmethod
    def prepare_url(topic) -> str:
        return topic.get_absolute_url()

    @staticmethod
    def prepare_visibility(topic) -> str:
        return _category_visibility(topic.category)

    @staticmethod
    def prepare_date(topic):
        return topic.created_at

    @staticmethod
    def prepare_category(topic) -> str:
        return topic.category.slug


@register
class PostDocument(SearchDocument):
    """A published reply in a published topic (the question itself is the topic's document)."""

    document_type = "post"
    label = "Forum reply"
    model = Post

    @classmethod
    def get_queryset(cls) -> QuerySet:
        return findable_posts().filter(position__gt=1).select_related("topic__category").order_by("pk")

    @staticmethod
    def prepare_title(post) -> str:
        return f"Re: {post.topic.title}"

    @staticmethod
    def prepare_body(post) -> str:
        return html_to_text(post.body_html)

    @staticmethod
    def prepare_url(post) -> str:
        return post.get_absolute_url()

    @staticmethod
    def prepare_visibility(post) -> str:
        return _category_visibility(post.topic.category)

    @staticmethod
    def prepare_date(post):
        return post.created_at

    @staticmethod
    def prepare_category(post) -> str:
        return post.topic.category.slug
