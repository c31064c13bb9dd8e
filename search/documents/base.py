"""The base of every search document: shared fields, the registry, the index and its aliases.

Every content type shares the fields that cross-coalition search queries, filters and facets on
(title, summary, body, visibility, date, the vocabularies, ...), so they live in one index: scores
are comparable across types (one set of term statistics), one query and one set of aggregations
serve the whole search page, and one rebuild swaps everything at once.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Iterator
from types import SimpleNamespace

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import translation
from elasticsearch.dsl import Completion, Date, Document, Index, Keyword, Text

from cases.filters import FILTERS
from lodestar.permissions.search import PUBLIC
from lodestar.vocabularies.labels import term_labels_everywhere

from .. import wordforms
from ..models import IndexOutbox
from .analysis import LANGUAGE_ANALYZERS, english_text, phrase_shingles, searchable_text, spelling, stems_text

# Documents are indexed in their language (issue 15). English text is in title, summary and body
# (which every document fills, for results, highlights and typos) and in `stems`; a French or
# Spanish document's text is also in its language's fields, analysed with that language's
# hunspell dictionary, and its language's Snowball stems. Every document's metadata (its terms'
# labels in every language, its countries' names in every language) is in every language's stems
# field, so a query in any language meets it: "transporte" finds what is filed under Transport.
LANGUAGES = wordforms.LANGUAGES
OTHER_LANGUAGES = tuple(code for code in LANGUAGES if code != "en")
STEMS_FIELDS = {"en": "stems", **{code: f"stems_{code}" for code in OTHER_LANGUAGES}}
TITLE_STEMS_FIELDS = {"en": "title_stems", **{code: f"title_stems_{code}" for code in OTHER_LANGUAGES}}
TEXT_FIELDS_IN = {code: {f: f"{f}_{code}" for f in ("title", "summary", "body")} for code in OTHER_LANGUAGES}


def document_language(code: str | None) -> str:
    """One of LANGUAGES for a page locale's or a post's language code ("fr-ca" -> "fr"); else English."""
    code = (code or "en").split("-")[0].lower()
    return code if code in LANGUAGES else "en"


def facet_keyword() -> Keyword:
    """A keyword field the search page counts (a facet): its global ordinals are built at each
    refresh rather than by the first search after it, which would otherwise wait for them."""
    return Keyword(eager_global_ordinals=True)


class Row:
    """A values() row with the attributes a document's prepare_* methods read: "title" as
    row.title, "locale__language_code" as row.locale.language_code (row.locale None when every
    column of the relation is)."""

    def __init__(self, values: dict):
        related: dict[str, dict] = {}
        for name, value in values.items():
            relation, _, attribute = name.partition("__")
            if attribute:
                related.setdefault(relation, {})[attribute] = value
            else:
                self.__dict__[name] = value
        for relation, attributes in related.items():
            empty = all(value is None for value in attributes.values())
            self.__dict__[relation] = None if empty else SimpleNamespace(**attributes)


class SearchDocument(Document):
    """The fields every content type has; subclasses add their own and fill them from a model."""

    content_type = facet_keyword()
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
    summary = searchable_text()
    body = searchable_text()
    # What the document is filed under, as words: the names of its vocabulary terms (sectors, actor
    # type, stage, instruments, co-benefits, tool type, cost, ...), countries, region, city, forum
    # category. Searched with a weight between the title's and the body's.
    # Without length norms: a case study filed under many terms is no less about each of them.
    metadata = Text(
        analyzer=english_text,
        norms=False,
        index_options="offsets",
        fields={
            "shingles": Text(analyzer=phrase_shingles),
            **{code: Text(analyzer=LANGUAGE_ANALYZERS[code], norms=False) for code in OTHER_LANGUAGES},
        },
        copy_to=["all_text", "spell_all"],
    )
    # Every word of the title, summary, metadata and body: where a misspelt word is looked for.
    all_text = Text(analyzer=english_text)
    # Snowball stems of the same words (search.wordforms), and of the title alone: what a query must
    # match, so that "retrofitting" meets "retrofit" and "modelling" meets "modeling".
    stems = Text(analyzer=stems_text, norms=False)  # long case studies are not less about a word
    title_stems = Text(analyzer=stems_text)
    # Words for "did you mean": from every document, and from public documents only (for visitors).
    # Deleted documents' words linger in these until segments merge, so search.selectors only
    # offers a suggestion that a search with the caller's audiences confirms (collate).
    spell_all = Text(analyzer=spelling)
    spell_public = Text(analyzer=spelling)
    url = Keyword(index=False)
    language = Keyword()  # of the text as indexed: en, fr or es (see LANGUAGES above)
    # The interface languages that list this document: a page translated into French is found by
    # French readers as its French version only, by the others as the original (cases.translation).
    shown_in = Keyword()
    languages = Keyword()  # of the material described (a case study's or tool's languages)
    visibility = Keyword()
    date = Date()
    # Filter and facet fields (slugs or codes), shared by the content types that have them: the
    # library's come from cases.filters (added below the class), the forum's category is here.
    category = facet_keyword()
    # Every facet value of the document as "field:value" ("sectors:transport"): one aggregation
    # counts all the facets a search page shows at once (search.selectors.facet_aggregations).
    facet_values = facet_keyword()
    suggest = Completion(contexts=[{"name": "visibility", "type": "category", "path": "visibility"}])

    # Set by each content type (plain attributes: annotated ones would be taken for ES fields).
    document_type = ""  # the content_type value and outbox key, e.g. "case_study"
    label = ""  # what people see, e.g. "Case study"
    model = None  # the Django model whose rows become documents
    # The columns its prepare_* methods read ("locale__language_code" for page.locale.language_code),
    # if a rebuild may read rows (Row) instead of model instances: see scan(). Empty: instances.
    row_columns = ()

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
    def scan(cls, chunk_size: int) -> Iterator:
        """Every indexable object with its version, for a rebuild: rows where the type names its
        row_columns (a Wagtail page's set-up, Wagtail's and modelcluster's __init__, was a third of
        building its document), else model instances. Read through a server-side cursor."""
        found = cls.indexable_with_versions()
        if not cls.row_columns:
            return found.iterator(chunk_size=chunk_size)
        columns = ("pk", "search_version", *cls.row_columns)
        return (cls.row(values) for values in found.values(*columns).iterator(chunk_size=chunk_size))

    @classmethod
    def row(cls, values: dict) -> Row:
        """One of scan()'s rows; a type converts a column its instances would give otherwise."""
        return Row(values)

    @classmethod
    def document_id(cls, object_id) -> str:
        return f"{cls.document_type}-{object_id}"

    @classmethod
    def _preparers(cls) -> list[tuple[str, Callable]]:
        """(field, prepare_<field>) pairs, looked up once per class: a rebuild calls source() a lot."""
        cached = cls.__dict__.get("_prepare_cache")
        if cached is None:
            derived = (
                *("all_text", "spell_all", "spell_public", "suggest", "content_type", "object_id"),
                "facet_values",
                *STEMS_FIELDS.values(),
                *TITLE_STEMS_FIELDS.values(),
                *(name for fields in TEXT_FIELDS_IN.values() for name in fields.values()),
            )
            cached = [
                (name, getattr(cls, f"prepare_{name}"))
                for name in cls.field_names()
                if name not in derived and hasattr(cls, f"prepare_{name}")
            ]
            cls._prepare_cache = cached
        return cached

    @classmethod
    def labels_by_language(cls) -> dict[str, str]:
        """The content type's name in each language, translated once per class (as _preparers)."""
        cached = cls.__dict__.get("_labels_cache")
        if cached is None:
            cached = {}
            for code in LANGUAGES:
                with translation.override(code):
                    cached[code] = str(cls.label)
            cls._labels_cache = cached
        return cached

    @classmethod
    def source(cls, obj) -> dict:
        """The JSON sent to Elasticsearch for one object."""
        data = {"content_type": cls.document_type, "object_id": str(obj.pk), "language": "en"}
        for name, prepare in cls._preparers():
            data[name] = prepare(obj)
        data.setdefault("visibility", PUBLIC)
        data.setdefault("shown_in", list(LANGUAGES))  # not translated (discussions): for every reader
        language = data["language"] = document_language(data.get("language"))
        data["metadata"] = metadata_text(data, cls.labels_by_language())
        text = " ".join(filter(None, [data.get(f) for f in ("title", "summary", "metadata", "body")]))
        metadata_words = wordforms.words(data["metadata"])  # split and folded once for the other languages
        for code in LANGUAGES:
            if code == language:
                data[STEMS_FIELDS[code]] = wordforms.stemmed(text, code)
                data[TITLE_STEMS_FIELDS[code]] = wordforms.stemmed(data.get("title") or "", code)
            else:
                data[STEMS_FIELDS[code]] = " ".join(wordforms.stems_of_words(metadata_words, code))
        for name, field_name in TEXT_FIELDS_IN.get(language, {}).items():
            data[field_name] = data.get(name)
        if data["visibility"] == PUBLIC:
            data["spell_public"] = text
        data["suggest"] = {"input": suggestion_inputs(data.get("title") or "")}
        data["facet_values"] = facet_values(data)
        return {k: v for k, v in data.items() if v not in (None, "", [])}


# The library's filter fields, one keyword field each, as cases.filters declares them. (Added to the
# mapping before any content type subclasses it, so every document type has them.)
for _index_field in dict.fromkeys(spec.index_field for spec in FILTERS):
    SearchDocument._doc_type.mapping.field(_index_field, facet_keyword())
# A French or Spanish document's own text, analysed in its language (English documents leave them out).
for _code, _fields in TEXT_FIELDS_IN.items():
    for _field_name in _fields.values():
        SearchDocument._doc_type.mapping.field(_field_name, Text(analyzer=LANGUAGE_ANALYZERS[_code]))
    SearchDocument._doc_type.mapping.field(STEMS_FIELDS[_code], Text(analyzer=stems_text, norms=False))
    SearchDocument._doc_type.mapping.field(TITLE_STEMS_FIELDS[_code], Text(analyzer=stems_text))


# The fields the search page counts, in the order it shows them: the content type, the library's
# filters (cases.filters) and the forum's category.
FACET_FIELDS = ("content_type", *dict.fromkeys(spec.index_field for spec in FILTERS), "category")


def facet_values(data: dict) -> list[str]:
    """The document's value of every facet field, each as "field:value"."""
    values = []
    for name in FACET_FIELDS:
        found = data.get(name)
        if found:
            values.extend(f"{name}:{value}" for value in ([found] if isinstance(found, str) else found))
    return values


def metadata_text(data: dict, type_names: dict[str, str]) -> str:
    """The labels of the document's filter values (cases.filters), after its own metadata words.

    Each as the listing shows it, "Sector: Waste", so that "waste sector" or "free tool" find what
    is filed under them; and so in each interface language ("Secteur : Déchets", "Sector:
    Residuos", country names too), so that a search in any language finds them. `type_names`:
    the content type's name by language (SearchDocument.labels_by_language).
    """
    filed = []  # (position, values, their terms' names by language or None), read once for every language
    for position, spec in enumerate(FILTERS):
        values = data.get(spec.index_field)
        if values:
            values = [values] if isinstance(values, str) else values
            names = term_labels_everywhere(spec.vocabulary, values) if spec.vocabulary is not None else None
            filed.append((position, values, names))
    parts = []
    for code in LANGUAGES:
        parts.append(type_names[code])
        if code == "en":
            parts.append(data.get("metadata") or "")
        spec_labels = _filter_labels_in(code)
        for position, values, names in filed:
            if names is not None:
                labels = [by_language[code] for by_language in names.values()]
            else:
                labels = [_value_label_in(code, position, value) for value in values]
            parts.extend(f"{spec_labels[position]}: {label}" for label in labels)
    return ". ".join(dict.fromkeys(p for p in parts if p))


@functools.lru_cache(maxsize=4096)
def _value_label_in(code: str, position: int, value: str) -> str:
    """A choice's label or a country's name in one language (FILTERS[position]), looked up once per
    process: they change only with a release, and looking country names up was a fifth of it."""
    with translation.override(code):
        return FILTERS[position].value_labels([value])[value]


@functools.cache
def _filter_labels_in(code: str) -> tuple[str, ...]:
    """The filters' labels in one language, translated once per process: a rebuild repeats them
    for every document, and translating them each time was a third of building its text."""
    with translation.override(code):
        return tuple(str(spec.label) for spec in FILTERS)


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


def shards_for(documents: int) -> int:
    """How many primary shards an index of this many documents gets (see ELASTICSEARCH_DOCUMENTS_PER_SHARD).

    One for a small library: a shard scores with its own word statistics, which a few hundred
    documents split in two would make noticeably uneven.
    """
    wanted = math.ceil(documents / settings.ELASTICSEARCH_DOCUMENTS_PER_SHARD)
    return max(1, min(settings.ELASTICSEARCH_MAX_SHARDS, wanted))


def index_definition(name: str, *, shards: int = 1) -> dict:
    """Settings and mappings of a content index: the same in tests, development and production."""
    index = Index(name)
    index.settings(
        number_of_shards=shards,
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


# --- Shared helpers of the content types ------------------------------------------------------------


def html_to_text(html: str) -> str:
    """Readable text of sanitised HTML (rich text, rendered Markdown): tags dropped, entities decoded."""
    from html import unescape

    from django.utils.html import strip_tags

    # A space before each tag keeps words of adjacent blocks apart ("<p>a</p><p>b</p>" -> "a b").
    return " ".join(unescape(strip_tags(html.replace("<", " <"))).split())


def slugs_of(term_model, relation: str) -> ArraySubquery:
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
    """The page's address on its site, as a path (the page's own url_path minus the site root).

    A page of a translated tree (its root is the French or Spanish home page) is under its
    language's prefix: "/fr/library/...".
    """
    for root in _site_root_paths():
        if page.url_path.startswith(root.root_path):
            path = "/" + page.url_path[len(root.root_path) :]
            language = getattr(root, "language_code", None)
            if language and document_language(language) != settings.LANGUAGE_CODE:
                from lodestar.languages import in_language

                return in_language(path, document_language(language))
            return path
    return ""
