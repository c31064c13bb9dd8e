"""The query service: one search across every content type, for the page, the API and listings.

What it does for the person searching: words match with typo tolerance and stemming (a misspelt
or plural word still finds the document), titles weigh more than summaries and summaries more than
bodies, words found side by side (shingles, phrases) and an exact title rank first, recent
documents get a gentle lift, synonyms from the moderators' vocabulary find each other, filters
come with facet counts that stay useful (a filter does not zero its own facet's other values),
snippets are HTML-escaped and then highlighted, and few hits bring a "did you mean".

In three languages (issue 15): each word is looked for by its English, French and Spanish stems
(documents hold their own text in their language's stems field and their terms' labels in all
three), a French or Spanish document's text also ranks through its language's hunspell fields,
and documents in the visitor's interface language are lifted (LANGUAGE_WEIGHT): a French visitor
sees French documents first and still finds the English ones. Facet values show in the interface
language.

It only sends match / multi_match / term queries built from the text, never a query-string
syntax, so quotes, operators or odd scripts in the input cannot make Elasticsearch fail.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from django.core.cache import cache
from django.utils import formats, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout, TransportError
from elasticsearch import ApiError, NotFoundError

from cases.filters import FILTERS, Filter, term_names
from forum import models as forum_models
from lodestar import visitor_cache
from lodestar.permissions import searchable_audiences, visible_categories
from lodestar.permissions.search import PUBLIC as PUBLIC_AUDIENCE
from lodestar.vocabularies.labels import term_labels

from . import wordforms
from .client import query_client
from .documents import DOCUMENTS, read_alias
from .documents.base import (
    LANGUAGES,
    OTHER_LANGUAGES,
    STEMS_FIELDS,
    TEXT_FIELDS_IN,
    TITLE_STEMS_FIELDS,
    document_language,
)
from .models import normalise_term
from .synonyms import CACHE_KEY as SYNONYMS_KEY
from .synonyms import expand, expansions

T = TypeVar("T")

MAX_QUERY_LENGTH = 200
MAX_SUGGEST_LENGTH = 50
PER_PAGE = 20
MAX_RESULT_WINDOW = 10_000
FEW_HITS = 3
DID_YOU_MEAN_CANDIDATES = 5  # corrections checked against what the person may see; the best one kept
SORTS = {"relevance": gettext_lazy("Best match"), "date": gettext_lazy("Newest first")}


class SearchUnavailable(Exception):
    """Elasticsearch cannot answer now; the caller tells the person to try again shortly."""


class QueryRejected(ValueError):
    """The query cannot be run as given; the message says what to change."""


# --- Facets: the filter fields and how their values are shown ------------------------------------


def _category_labels(slugs: Iterable[str]) -> dict[str, str]:
    return term_names(forum_models.Category, slugs)


def _content_type_labels(values: Iterable[str]) -> dict[str, str]:
    names = _content_type_names()
    return {v: names.get(v, v) for v in values}


@dataclass(frozen=True)
class FacetField:
    name: str
    label: str
    labels: Callable[[Iterable[str]], dict[str, str]]
    # For values that are private in themselves (forum categories): the values this person may
    # see named. Others keep the slug the person typed, so a name never leaks through a label.
    nameable: Callable[[object, Iterable[str]], set[str]] | None = None


VISIBLE_CATEGORIES_KEY = "search:visible-categories:"


def _visible_category_slugs(user, slugs: Iterable[str]) -> set[str]:
    """Which of these forum categories the person may see named.

    The categories each audience may see are kept in the cache under the visitor-cache generation,
    which a category's change bumps (lodestar.visitor_cache): read per search, they were the one
    database query of a search with forum hits, about 2 ms of its tail.
    """
    key = VISIBLE_CATEGORIES_KEY + ",".join(sorted(searchable_audiences(user)))
    visible = _under_generation(
        key, lambda _generation: frozenset(visible_categories(user).values_list("slug", flat=True))
    )
    return visible.intersection(slugs)


def _library_facet(spec: Filter) -> FacetField:
    """A library filter of cases.filters as a facet: its label, and its values' names (a term's in
    the interface language, from the vocabularies' translated names)."""
    if spec.vocabulary is not None:
        vocabulary = spec.vocabulary
        return FacetField(spec.index_field, spec.label, lambda values: term_labels(vocabulary, values))
    return FacetField(spec.index_field, spec.label, spec.value_labels)


FACETS: list[FacetField] = [
    FacetField("content_type", pgettext_lazy("kind of content", "Type"), _content_type_labels),
    *(_library_facet(spec) for spec in FILTERS),
    FacetField("category", gettext_lazy("Forum category"), _category_labels, _visible_category_slugs),
]
FACET_NAMES = [f.name for f in FACETS]


def register_facet_labels(name: str, labels: Callable[[Iterable[str]], dict[str, str]]) -> None:
    """Let a content app's values be shown by name (e.g. forum categories), without importing it here."""
    for i, facet in enumerate(FACETS):
        if facet.name == name:
            FACETS[i] = FacetField(name, facet.label, labels, facet.nameable)


# --- What callers pass in and get back ---------------------------------------------------------


@dataclass(frozen=True)
class SearchRequest:
    query: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    # Only documents dated in (after, up to]: what is new for a saved search's alert.
    published_between: tuple[datetime, datetime] | None = None


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue]


@dataclass
class SearchHit:
    content_type: str
    content_type_label: str
    object_id: str
    url: str
    title: SafeString  # HTML-escaped, with <mark> around matched words
    snippet: SafeString
    date: datetime | None
    score: float | None
    visibility: str


SUGGESTION_START, SUGGESTION_END = "\u0002", "\u0003"


def _highlighted_suggestion(option: dict) -> SafeString:
    """The corrected query, HTML-escaped, with the corrected words in <strong>."""
    escaped = _escape(option.get("highlighted", option["text"]))
    return SafeString(escaped.replace(SUGGESTION_START, "<strong>").replace(SUGGESTION_END, "</strong>"))  # nosec


@dataclass
class SearchResults:
    request: SearchRequest
    hits: list[SearchHit]
    total: int
    page: int
    pages: int
    facets: list[Facet]
    did_you_mean: str = ""
    did_you_mean_html: SafeString = field(default_factory=lambda: SafeString(""))

    @property
    def first_index(self) -> int:
        return (self.page - 1) * self.request.per_page + 1

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


# --- Building the query ---------------------------------------------------------------------------

# What a result shows (SearchHit): only these come back, not the long stemmed and metadata text.
RESULT_FIELDS = ["content_type", "object_id", "url", "title", "summary", "date", "visibility"]
TITLE_BOOST = 4
TEXT_FIELDS = [f"title^{TITLE_BOOST}", "summary^2", "metadata^1.5", "body"]
SHINGLE_FIELDS = ["title.shingles^3", "summary.shingles^1.5", "body.shingles"]  # labels are short: no phrases
STEM_FIELDS = ["title_stems^3", "stems"]
# A word the index does not know (a typo) is looked for by the index's words within a few edits of
# it, its lookalikes (_lookalikes): of each field, the LOOKALIKES nearest, as a fuzzy match with
# max_expansions would expand it. All_text gates (which documents match), the title ranks and is marked.
LOOKALIKES = 30
LOOKALIKE_FIELDS = ("all_text", "title")
ONE_EDIT_FROM, TWO_EDITS_FROM = 5, 8  # letters (Elasticsearch's fuzziness AUTO:5,8)


def allowed_edits(word: str) -> int:
    """Edits allowed in a word the index does not know: none up to 4 letters, 1 up to 7, then 2.
    "cake" must not become "case"; "decarbonisaton" must still find "decarbonisation". A word
    with none allowed cannot match (it would match too much), though it still ranks by its title."""
    return 0 if len(word) < ONE_EDIT_FROM else 1 if len(word) < TWO_EDITS_FROM else 2


def clean_query(raw: str) -> str:
    """Collapse whitespace and drop control characters; refuse queries too long to mean anything."""
    text = "".join(ch for ch in raw if ch.isprintable() or ch.isspace())
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryRejected(
            gettext("Your search is %(length)s characters long; please use at most %(most)s characters.")
            % {"length": formats.number_format(len(text), force_grouping=True), "most": MAX_QUERY_LENGTH}
        )
    return text


@dataclass(frozen=True)
class QueryPlan:
    """The query's meaningful words, their stems, and which stems the index holds.

    A word whose stem is in the index is matched exactly (by stem); only a word the index does not
    know is looked for with typo tolerance, so real words never drift to lookalikes ("cake" to
    "case"), and "did you mean" is only considered when some word is unknown. Each word has a stem
    per language (`stems` the English ones, `translated` the French and Spanish ones): it is known
    if any of them is in its language's stems field.
    """

    words: tuple[str, ...]
    stems: tuple[str, ...]
    known: frozenset[str]
    language: str = "en"  # the visitor's interface language: its documents are lifted
    translated: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (language, stem of each word)
    known_translated: frozenset[tuple[str, str]] = frozenset()  # (language, stem)
    # (variant, the languages whose stems field holds enough of its words for it to match); a
    # variant missing here is looked for in every language.
    variant_reach: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # (variant, the synonym it puts in place of the query's term: a match holds all of its words)
    variant_synonyms: tuple[tuple[str, str], ...] = ()
    # (unknown word, field, its lookalikes there as (term, boost), the nearest first: _lookalikes)
    lookalikes: tuple[tuple[str, str, tuple[tuple[str, float], ...]], ...] = ()
    # (language, stem) of known_translated that a document in that language holds: only its
    # documents rank by that language's fields (ranks_in)
    held_in_own_language: frozenset[tuple[str, str]] = frozenset()

    def reach(self, variant: str) -> tuple[str, ...]:
        """The languages in which a synonym variant can match (see _variant_reach)."""
        return dict(self.variant_reach).get(variant, LANGUAGES)

    def synonym(self, variant: str) -> str:
        """The synonym a variant puts in (the whole variant if the plan does not know it)."""
        return dict(self.variant_synonyms).get(variant, variant)

    def stems_in(self, language: str) -> tuple[str, ...]:
        if language == "en":
            return self.stems
        return dict(self.translated).get(language, ())

    def is_known(self, language: str, stem: str) -> bool:
        if language == "en":
            return stem in self.known
        return (language, stem) in self.known_translated

    def known_stems(self, i: int) -> list[tuple[str, str]]:
        """The i-th word's (language, stem) pairs that the index holds."""
        pairs = [("en", self.stems[i])] + [(code, stems[i]) for code, stems in self.translated]
        return [(code, stem) for code, stem in dict.fromkeys(pairs) if self.is_known(code, stem)]

    def ranks_in(self, language: str, stems: Iterable[str]) -> bool:
        """Whether a document in `language` may hold any of these stems there, and so rank by them.

        Every document is ranked by the English fields. A French or Spanish stems field also
        holds the other documents' labels, so a stem known there may be in no French or Spanish
        document at all: then that language's ranking clauses can only score zero, and each costs
        its setup in every search ("long-term strategy" spent a quarter of its time in them).
        """
        return language == "en" or any((language, stem) in self.held_in_own_language for stem in stems)

    @property
    def unknown_words(self) -> list[str]:
        return [w for i, w in enumerate(self.words) if not self.known_stems(i)]

    def lookalikes_of(self, word: str, field_name: str) -> tuple[tuple[str, float], ...]:
        """An unknown word's lookalikes in one of LOOKALIKE_FIELDS, as (term, boost)."""
        return next((terms for w, f, terms in self.lookalikes if (w, f) == (word, field_name)), ())

    def typos_in(self, field_name: str) -> list[tuple[str, float]]:
        """The lookalikes of every unknown word in one field."""
        return [term for word in self.unknown_words for term in self.lookalikes_of(word, field_name)]


def required_matches(count: int) -> int:
    """How many of a query's meaningful words a document must match.

    All of one or two, all but one of three or four, half of a longer question (whose words
    are partly the asker's own: "how did a city pay for electric buses without ...").
    """
    if count <= 2:
        return count
    if count <= 4:
        return count - 1
    return max(3, math.ceil(count / 2))


KNOWN_STEMS_KEY = "search:known-stem:v2:"  # v2: (generation, held, held by its language's documents)
KNOWN_STEMS_SECONDS = 60 * 60


def _known_stem_keys(pairs: list[tuple[str, str]], audiences: list[str]) -> dict[tuple[str, str], str]:
    """Cache keys of (language, stem) answers: per audience and per stems field, never per visitor's
    interface language (the answer, "some document holds it", does not depend on who asks)."""
    scope = ",".join(sorted(audiences))
    return {
        (
            code,
            stem,
        ): f"{KNOWN_STEMS_KEY}{scope}:{STEMS_FIELDS[code]}:{hashlib.sha256(stem.encode()).hexdigest()[:32]}"
        for code, stem in pairs
    }


def interface_language() -> str:
    """The visitor's interface language (from the address, site/languages.py), as a document language."""
    return document_language(translation.get_language())


def shown_to_reader() -> dict:
    """The filter that keeps one version of each translated page: the one the reader's language lists."""
    return {"term": {"shown_in": interface_language()}}


def query_words(query: str) -> tuple[str, ...]:
    """The query's meaningful words: without English, French or Spanish function words."""
    return tuple(w for w in wordforms.words(query) if w not in wordforms.QUERY_STOP_WORDS)


def plan_query(query: str, audiences: list[str], language: str | None = None) -> QueryPlan:
    """Which of the query's stems the caller's audience can find (see prepare_query)."""
    return prepare_query(query, audiences, language)[0]


PLAN_KEY = "search:plan:v4:"  # v2: kept as (generation, (plan, variants)); v3: with lookalikes; v4: ranks_in


def _plan_key(query: str, audiences: list[str], language: str) -> str:
    scope = ",".join(sorted(audiences))
    return f"{PLAN_KEY}{scope}:{language}:{hashlib.sha256(query.encode()).hexdigest()[:32]}"


def prepare_query(
    query: str, audiences: list[str], language: str | None = None
) -> tuple[QueryPlan, list[str]]:
    """The query's plan (which of its stems the audience can find) and its synonym variants.

    Kept in the cache per audience and interface language under the visitor-cache generation,
    which every change the index shows and every change to the synonyms bumps: a query asked
    again before the next change takes one cache read (most searches on a site repeat others).
    """
    language = document_language(language) if language else interface_language()
    return _under_generation(
        _plan_key(query, audiences, language),
        lambda generation: _prepare_afresh(query, audiences, language, generation),
    )


def _under_generation(key: str, afresh: Callable[[object | None], T]) -> T:
    """The value kept at `key` for the standing visitor-cache generation, or `afresh(generation)`,
    then kept for it (the generation and the value come in one cache round trip). While Redis is
    unreachable every call computes afresh (generation None) and nothing is kept.
    """
    try:
        cached = cache.get_many([visitor_cache.GENERATION_KEY, key])
    except Exception:  # noqa: BLE001 - the cache (Redis) being down must not break search
        cached = {}
    generation = cached.get(visitor_cache.GENERATION_KEY)
    if generation is not None and cached.get(key, (None,))[0] == generation:
        return cached[key][1]
    value = afresh(generation)
    if generation is not None:
        with contextlib.suppress(Exception):  # as above: the next call computes afresh
            cache.set(key, (generation, value), KNOWN_STEMS_SECONDS)
    return value


def _prepare_afresh(
    query: str, audiences: list[str], language: str, generation: object | None
) -> tuple[QueryPlan, list[str]]:
    """prepare_query's work, for a query not planned under this generation yet.

    Known stems are counted over live documents the audiences may see, never over the whole
    index: a word that only members-only or deleted content holds stays "unknown" to a visitor,
    so whether it gets fuzziness or a suggestion says nothing about private content.
    Each stem's answer is kept in the cache (per audience) under the visitor-cache generation,
    which every change the index shows bumps (search.indexing.renew_visitors_pages): so most searches
    skip that request, and a word just published is known at once. The generation, those answers
    and the synonym groups come in one cache round trip, the answers for the synonyms' words
    (variant_reach) in a second.
    `language`: the interface language, whose documents rank first; `generation`: the visitor-cache
    generation prepare_query read (None: look it up).
    """
    words = query_words(query)
    stems = tuple(wordforms.stem(w) for w in words)
    translated = tuple((code, tuple(wordforms.stem_in(w, code) for w in words)) for code in OTHER_LANGUAGES)
    pairs = list(dict.fromkeys([("en", s) for s in stems] + [(c, s) for c, ss in translated for s in ss]))
    keys = _known_stem_keys(pairs, audiences)
    try:
        cached = cache.get_many([SYNONYMS_KEY, *keys.values()])
    except Exception:  # noqa: BLE001 - the cache (Redis) being down must not break search
        cached = {}
    synonyms = dict(expansions(query, cached.get(SYNONYMS_KEY)))
    variants = list(synonyms)
    if not stems:
        return QueryPlan(words, stems, frozenset(), language, translated), variants
    variant_pairs = {v: variant_stems(v) for v in variants}
    extra = [(c, s) for by_code in variant_pairs.values() for c, ss in by_code.items() for s in ss]
    extra = [pair for pair in dict.fromkeys(extra) if pair not in keys]
    if extra:  # the synonyms' words, whose answers are kept alike: one more cache round trip
        extra_keys = _known_stem_keys(extra, audiences)
        with contextlib.suppress(Exception):  # as above
            cached.update(cache.get_many(list(extra_keys.values())))
        keys.update(extra_keys)
        pairs += extra
    if generation is None:
        generation = visitor_cache.current_generation()  # None while Redis is unreachable
    held = {  # (language, stem): (held by some document, by one in that language)
        pair: answer[1:]
        for pair in pairs
        if (answer := cached.get(keys[pair])) and generation is not None and answer[0] == generation
    }
    unsure = [pair for pair in pairs if pair not in held]
    if unsure:
        found = _stems_found(unsure, audiences)
        held.update(found)
        if generation is not None:
            with contextlib.suppress(Exception):  # as above: the next search asks again
                cache.set_many(
                    {keys[pair]: (generation, *found[pair]) for pair in unsure}, KNOWN_STEMS_SECONDS
                )
    known = {pair for pair, (anywhere, _) in held.items() if anywhere}
    plan = QueryPlan(
        words,
        stems,
        frozenset(stem for code, stem in known if code == "en"),
        language,
        translated,
        frozenset(pair for pair in known if pair[0] != "en"),
        _variant_reach(query, synonyms, known),
        tuple(synonyms.items()),
        held_in_own_language=frozenset(pair for pair, (_, own) in held.items() if own and pair[0] != "en"),
    )
    if plan.unknown_words:
        plan = dataclasses.replace(plan, lookalikes=_lookalikes(list(dict.fromkeys(plan.unknown_words))))
    return plan, [v for v in variants if plan.reach(v)]


def variant_stems(variant: str) -> dict[str, list[str]]:
    """A synonym variant's stems in each language's stems field (none for a variant of stop words)."""
    return {code: found for code in LANGUAGES if (found := wordforms.stems(variant, code))}


@functools.lru_cache(maxsize=4096)
def _variant_parts(variant: str, synonym: str, code: str) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """A variant's stems in one language, as _variant_clause matches them: the synonym's, all of
    which a match holds, the query's other words', and how many of those it holds (as many as the
    query itself needs, the synonym counting as one word). Cached: every search builds its clauses."""
    synonym_stems = wordforms.stems(synonym, code)
    others = wordforms.stems(variant, code)
    for stem in synonym_stems:
        if stem in others:
            others.remove(stem)
    return tuple(synonym_stems), tuple(others), max(0, required_matches(len(others) + 1) - 1)


def _meaningful_stems(text: str, code: str) -> set[str]:
    return {wordforms.stem_in(word, code) for word in query_words(text)}


def _variant_reach(
    query: str, synonyms: dict[str, str], known: set[tuple[str, str]]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Where each variant can match: the languages whose field holds its synonym's stems and
    enough of the other words', and where it is not the query itself.

    Where the index holds fewer, the clause (and its phrase in the ranking) cannot match anything
    and only costs time: of a search's time, synonyms took most (tests/bench/search_profile.py),
    mostly in languages that do not have them ("stratégie à long terme" in English documents).
    Where a variant has the query's own stems ("stratégie à long terme" is "long-term strategy"
    once stemmed in English), the query's clause already finds what it would, and ranking it
    again would count those words twice.
    """
    own = {code: _meaningful_stems(query, code) for code in LANGUAGES}

    def matchable(variant: str, code: str) -> bool:
        synonym_stems, others, needed = _variant_parts(variant, synonyms[variant], code)
        return (
            bool(synonym_stems)
            and all((code, stem) in known for stem in synonym_stems)
            and (sum((code, stem) in known for stem in others) >= needed)
            and _meaningful_stems(variant, code) != own[code]
        )

    return tuple(
        (variant, tuple(code for code in LANGUAGES if matchable(variant, code))) for variant in synonyms
    )


def _stems_found(
    pairs: list[tuple[str, str]], audiences: list[str]
) -> dict[tuple[str, str], tuple[bool, bool]]:
    """For each (language, stem) pair: whether some live document the audiences may see holds it,
    and whether one in that language does (QueryPlan.ranks_in). One request."""
    aggs = {}
    for i, (code, stem) in enumerate(pairs):
        held = {"term": {STEMS_FIELDS[code]: stem}}
        aggs[f"stem{i}"] = {"filter": held}
        if code != "en":
            aggs[f"own{i}"] = {"filter": {"bool": {"filter": [held, {"term": {"language": code}}]}}}
    try:
        response = query_client().search(
            index=read_alias(),
            size=0,
            track_total_hits=False,
            query={"bool": {"filter": [{"terms": {"visibility": audiences}}]}},
            aggs=aggs,
        )
    except NotFoundError:
        return dict.fromkeys(pairs, (False, False))  # no index yet: nothing to find
    except ApiError as error:
        raise SearchUnavailable(str(error)) from error
    except (TransportConnectionError, ConnectionTimeout, TransportError) as error:
        raise SearchUnavailable(str(error)) from error
    counts = response.body.get("aggregations", {})

    def held(name: str) -> bool:
        return bool(counts.get(name, {}).get("doc_count"))

    return {pair: (held(f"stem{i}"), held(f"own{i}")) for i, pair in enumerate(pairs)}


def _bm25_rarity(holding: int, documents: int) -> float:
    """Lucene's BM25 idf of a term that `holding` of `documents` documents hold. (A term's count
    includes deleted documents until segments merge, the documents' count does not: never more.)"""
    documents = max(documents, holding)
    return math.log(1 + (documents - holding + 0.5) / (holding + 0.5))


def _lookalikes(words: list[str]) -> tuple[tuple[str, str, tuple[tuple[str, float], ...]], ...]:
    """The index's words near each unknown word, in each of LOOKALIKE_FIELDS, weighted as a fuzzy
    match weighs them: found once, when the plan is made (and kept with it), where a fuzzy query
    expanded them again in every search, 10 of a typo's 16 ms at 10,000 documents (tests/bench).

    One request: a term suggester per word and field (the edits, prefix and number of words of a
    fuzzy match: on the bench corpus, 72 typo searches found the same hits with the same scores and
    marks as with fuzzy queries), how many documents hold the word as typed (a fuzzy match finds it
    too) and how many documents there are. A lookalike's boost is that of Elasticsearch's fuzzy
    rewrite (top_terms_blended_freqs): its similarity (1 - edits / the shorter length) times the
    rarity of the commonest lookalike, so that a rare one does not out-rank the common word the
    person meant. The gate does not look for a word with no edits allowed, so it has no
    lookalikes in all_text.
    """
    asked = [
        (word, field_name)
        for word in words
        for field_name in LOOKALIKE_FIELDS
        if field_name != "all_text" or allowed_edits(word)
    ]
    if not asked:
        return ()
    suggesters = {
        f"w{i}": {
            "text": word,
            "term": {
                "field": field_name,
                "suggest_mode": "always",
                "max_edits": allowed_edits(word),
                "prefix_length": 1,
                "min_word_length": ONE_EDIT_FROM,
                "size": LOOKALIKES,
                "sort": "score",
                "accuracy": 0.0,  # a fuzzy match keeps every word within the edits
                "max_term_freq": 0.99,  # however many documents hold the word as typed
            },
        }
        for i, (word, field_name) in enumerate(asked)
        if allowed_edits(word)
    }
    response = run_search(  # raises SearchUnavailable, as the search itself would
        size=0,
        track_total_hits=True,
        query={"match_all": {}},  # all documents: a term's rarity counts them all
        aggs={f"w{i}": {"filter": {"term": {name: word}}} for i, (word, name) in enumerate(asked)},
        suggest=suggesters or None,
    )
    if not response:
        return ()  # no index yet: nothing to find
    documents = response["hits"]["total"]["value"]
    found = []
    for i, (word, field_name) in enumerate(asked):
        as_typed = response.get("aggregations", {}).get(f"w{i}", {}).get("doc_count", 0)
        near = {word: (1.0, as_typed)} if as_typed else {}
        for entry in response.get("suggest", {}).get(f"w{i}", []):
            token = entry["text"]  # the word as the field analyses it (hunspell may give two)
            for option in entry["options"]:  # score: 1 - edits / the shorter length
                edits = round((1 - option["score"]) * min(len(token), len(option["text"])))
                if edits <= allowed_edits(token):
                    near.setdefault(option["text"], (option["score"], option["freq"]))
        nearest = sorted(near.items(), key=lambda item: (-item[1][0], -item[1][1], item[0]))[:LOOKALIKES]
        if not nearest:
            continue
        commonest = _bm25_rarity(max(holding for _, (_, holding) in nearest), documents)
        terms = tuple(
            (term, round(similarity * commonest / _bm25_rarity(holding, documents), 6))
            for term, (similarity, holding) in nearest
        )
        found.append((word, field_name, terms))
    return tuple(found)


# Words people add to a term's name to say which kind of term they mean ("waste sector", "air
# quality co-benefit"). They rank what is filed under the term first (its metadata says "Sector:
# Waste") but are not required: a discussion of landfill gas is about the waste sector too.
QUALIFIER_STEMS = frozenset(
    wordforms.stems(
        # and in French and Spanish (issue 15)
        "sector sectors co-benefit co-benefits instrument instruments secteur secteurs sectores"
    )
)


def _required_words(plan: QueryPlan) -> list[bool]:
    """Which of the query's words a document must match: all but qualifiers (unless all are)."""
    qualifiers = [stem in QUALIFIER_STEMS for stem in plan.stems]
    if all(qualifiers):
        return [True] * len(qualifiers)
    return [not q for q in qualifiers]


def _scored_in_own_language(code: str, clause: dict, *, scored: bool = True) -> dict:
    """`clause` on a language's stems field: it gates every document, it scores only that language's
    (and none where `scored` is false: no document in that language can match, QueryPlan.ranks_in).

    English stems score as before issue 15. A French or Spanish stems field holds the whole text
    of its language's documents but only the metadata (terms' labels) of the others, so its words
    are rare there: scored for those others, a label would count several times over (once per
    language) and with an inflated weight, and a forum topic filed under "Long-term strategies"
    would out-rank the strategies themselves.
    """
    if code == "en":
        return clause
    if not scored:
        return {"bool": {"filter": [clause]}}
    return {
        "bool": {
            "filter": [clause],
            "should": [{"bool": {"filter": [{"term": {"language": code}}], "must": [clause]}}],
        }
    }


def _word_clause(i: int, plan: QueryPlan) -> dict | None:
    """The i-th word: by its stem in each language's field that holds it, else fuzzily if long enough."""
    known = []
    for code, stem in plan.known_stems(i):
        clause = {"term": {STEMS_FIELDS[code]: stem}}
        known.append(_scored_in_own_language(code, clause, scored=plan.ranks_in(code, [stem])))
    if len(known) == 1:
        return known[0]
    if known:
        return {"bool": {"should": known, "minimum_should_match": 1}}
    # By its lookalikes; None for a word with none (or short): it cannot match, and still counts
    # in required_matches.
    return _lookalike_clause(plan.lookalikes_of(plan.words[i], "all_text"), "all_text")


def _lookalike_clause(terms: Iterable[tuple[str, float]], field_name: str, boost: float = 1) -> dict | None:
    """Any of an unknown word's lookalikes in a field, each with its boost (times `boost`)."""
    clauses = [{"term": {field_name: {"value": term, "boost": boost * weight}}} for term, weight in terms]
    if len(clauses) <= 1:
        return clauses[0] if clauses else None
    return {"bool": {"should": clauses}}


def _variant_clause(variant: str, plan: QueryPlan) -> dict | None:
    """A synonym variant by stem in each language's field that can match: every word of the synonym
    (a part of it, "low development" of "long-term low emission development strategy", means
    nothing) and, like the query itself, enough of the query's other words."""
    ways = []
    synonym = plan.synonym(variant)
    for code in plan.reach(variant):
        synonym_stems, others, needed = _variant_parts(variant, synonym, code)
        if synonym_stems:
            field_name = STEMS_FIELDS[code]
            match = {"match": {field_name: {"query": " ".join(synonym_stems), "operator": "and"}}}
            if others:  # scored even when none is needed: they rank the matches
                match = {
                    "bool": {
                        "must": [match],
                        "should": [{"term": {field_name: stem}} for stem in others],
                        "minimum_should_match": needed,
                    }
                }
            ways.append(_scored_in_own_language(code, match, scored=plan.ranks_in(code, synonym_stems)))
    if len(ways) <= 1:
        return ways[0] if ways else None
    return {"bool": {"should": ways, "minimum_should_match": 1}}


def _gate(query: str, plan: QueryPlan, variants: list[str]) -> dict:
    """Which documents match: enough of the query's words (by stem, or fuzzily if unknown), or a synonym."""
    required = _required_words(plan)
    words = [_word_clause(i, plan) for i, needed in enumerate(required) if needed]
    matchable = [clause for clause in words if clause]
    # (An empty bool would match everything: a query of short unknown words matches nothing.)
    ways = [
        {"bool": {"should": matchable, "minimum_should_match": required_matches(len(words))}}
        if matchable
        else {"match_none": {}}
    ]
    for variant in variants:
        clause = _variant_clause(variant, plan)
        if clause and clause not in ways:  # variants alike but for stop words have one clause
            ways.append(clause)
    return {"bool": {"should": ways, "minimum_should_match": 1}}


def _ranking(query: str, plan: QueryPlan, variants: list[str]) -> list[dict]:
    """How matches rank: the words in the weighted fields, their stems, side by side, the exact title.

    Each document ranks by the fields of its own language (_ranking_in): an English one as before
    issue 15, a French or Spanish one by its language's hunspell and stems fields, so a French
    title does not out-rank a Spanish one only because English analysis happens to reduce French
    plurals. The exact title counts in every language.
    A word the index does not know (a typo) is ranked by its lookalikes in the title only: the
    gate already finds them in all the text, and each more field to expand fuzzily cost as much as
    the rest of the query in the benchmark (tests/bench/search_profile.py).
    """
    ranking = [
        *(_ranking_in(code, query, plan, variants) for code in LANGUAGES if _ranked_in(code, plan, variants)),
        {"term": {"title.exact": {"value": normalise_term(query), "boost": 25}}},
    ]
    typos = _lookalike_clause(plan.typos_in("title"), "title", TITLE_BOOST)
    if typos:
        ranking.append(typos)
    return ranking


def _ranked_in(code: str, plan: QueryPlan, variants: list[str]) -> bool:
    """Whether documents in a language can rank by its fields: one holds a stem of the query's or
    of a synonym that reaches that language."""
    stems = [*plan.stems_in(code)]
    for variant in variants:
        if code in plan.reach(variant):
            synonym_stems, others, _ = _variant_parts(variant, plan.synonym(variant), code)
            stems += [*synonym_stems, *others]
    return plan.ranks_in(code, stems)


def _ranking_in(code: str, query: str, plan: QueryPlan, variants: list[str]) -> dict:
    """The ranking clauses for the documents in one language (only theirs: a filter on `language`)."""
    if code == "en":
        text_fields, title, body, stem_fields = TEXT_FIELDS, "title", "body", STEM_FIELDS
        shingles = [
            {
                "multi_match": {
                    "query": query,
                    "fields": SHINGLE_FIELDS,
                    "type": "best_fields",
                    "tie_breaker": 0.3,
                }
            }
        ]
    else:
        fields = TEXT_FIELDS_IN[code]
        title, body = fields["title"], fields["body"]
        text_fields = [
            f"{title}^{TITLE_BOOST}",
            f"{fields['summary']}^2",
            f"metadata.{code}^1.5",
            body,
        ]
        stem_fields = [f"{TITLE_STEMS_FIELDS[code]}^3", STEMS_FIELDS[code]]
        shingles = []  # no shingled fields per language: the phrase on the title stands in
    stemmed = " ".join(plan.stems_in(code))
    return {
        "bool": {
            "filter": [{"term": {"language": code}}],
            "should": [
                {
                    "multi_match": {
                        "query": query,
                        "fields": text_fields,
                        "type": "best_fields",
                        "tie_breaker": 0.3,
                    }
                },
                {
                    "multi_match": {
                        "query": stemmed,
                        "fields": stem_fields,
                        "type": "best_fields",
                        "tie_breaker": 0.3,
                    }
                },
                *shingles,
                {"match_phrase": {title: {"query": query, "slop": 2, "boost": 3}}},
                *[
                    {
                        "multi_match": {
                            "query": synonym,
                            "fields": [f for f in text_fields if f != body],  # see _phrase_synonyms
                            "type": "phrase",
                            "slop": 1,
                            "boost": 0.8,
                        }
                    }
                    for synonym in _phrase_synonyms(plan, variants, code)
                ],
            ],
        }
    }


def _phrase_synonyms(plan: QueryPlan, variants: list[str], code: str) -> list[str]:
    """The synonyms of several words that can match in a language: ranked higher with their words
    side by side in the title, summary or labels. (The gate already holds all of a synonym's words;
    for one word there is no more to rank, and the query's own words have their phrase on the title.)

    Not in the body: there the gate's stems already score the synonym's words, and its phrase
    cost a tenth of the slowest searches' time (5 to 6% of raw p95 over the benchmark's mix) for
    a relevance suite scoring alike (nDCG@10 0.948 with it, 0.949 without).
    """
    synonyms = [plan.synonym(v) for v in variants if code in plan.reach(v)]
    return [synonym for synonym in dict.fromkeys(synonyms) if len(wordforms.words(synonym)) > 1]


def text_query(query: str, plan: QueryPlan, variants: list[str] | None = None) -> dict:
    """Which documents match (the `must` gate) and how they rank (the `should` clauses)."""
    variants = expand(query) if variants is None else variants
    if not plan.stems:
        return {"match_none": {}}
    return {"bool": {"must": [_gate(query, plan, variants)], "should": _ranking(query, plan, variants)}}


# Among documents that match alike, the library's evidence first: case studies, then tools and
# discussions, then replies (a reply repeats its topic's title). Small enough that text decides.
TYPE_WEIGHTS = {"tool": 0.9, "topic": 0.9, "organisation": 0.9, "post": 0.8}


# Documents in the visitor's interface language, over the others that match as well: enough that a
# French visitor's French documents come first among those about the same thing, not so much that a
# French document merely mentioning a word out-ranks the English case study about it.
LANGUAGE_WEIGHT = 2.0
# The best matches that recency and content type then reorder (_lifts): 10 pages of 20.
RESCORE_WINDOW = 200


def _in_language(query: dict, language: str = "en") -> dict:
    """The query, with the documents in the visitor's language weighed up (LANGUAGE_WEIGHT)."""
    return {
        "function_score": {
            "query": query,
            "functions": [{"filter": {"term": {"language": language}}, "weight": LANGUAGE_WEIGHT}],
            "boost_mode": "multiply",
        }
    }


def _lifts() -> dict:
    """What a match's score is multiplied by after the text: recency (recent documents up to 20%
    higher, so relevance still decides) and content type (TYPE_WEIGHTS).

    Applied as a rescore of the RESCORE_WINDOW best matches, not to every match: these factors
    (0.8 to 1.2) only reorder documents that match alike, and computed for each of 58,000 matches
    of a one-word query at 100,000 documents they cost as much as the text (tests/bench). Below
    the window (page 11 on) results keep the order of their text.
    """
    recency = {
        "function_score": {
            "query": {"match_all": {}},
            "functions": [
                {"weight": 1},
                {
                    "gauss": {"date": {"origin": "now", "offset": "30d", "scale": "730d", "decay": 0.5}},
                    "weight": 0.2,
                },
            ],
            "score_mode": "sum",
            "boost_mode": "replace",
        }
    }
    return {
        "function_score": {
            "query": recency,
            "functions": [
                {"filter": {"term": {"content_type": kind}}, "weight": weight}
                for kind, weight in TYPE_WEIGHTS.items()
            ],
            "score_mode": "first",
            "boost_mode": "multiply",
        }
    }


def _filter_clauses(filters: dict[str, tuple[str, ...]], *, without: str | None = None) -> list[dict]:
    return [{"terms": {name: list(values)}} for name, values in filters.items() if values and name != without]


def _highlight_query(field_name: str, query: str, variants: list[str], *, typos: Iterable[str] = ()) -> dict:
    """What to mark in one field: the words as typed, their stems and their synonyms.

    One match query on the field itself: every word of the query and its variants is marked
    wherever it occurs (the words are analysed alike in title, summary and body), and the
    highlighter has one small query to run per hit. The lookalikes of a typo (`typos`: those of
    the words the index does not know) are marked in titles only: marking a typo's fuzzy matches
    over every hit's summary and body doubled the search latency in the benchmark.
    """
    words = {"match": {field_name: " ".join(dict.fromkeys([query, *variants]))}}
    typos = list(dict.fromkeys(typos))
    if not typos:
        return words
    return {"bool": {"should": [words, {"terms": {field_name: typos}}]}}


FACET_SIZE = 50  # values shown per facet, the most frequent first
# Every value of every facet in one list; countries, the largest facet, have under 250. Each
# shard returns every value it has (shard_size), so the counts are exact with several shards too.
FACET_VALUES_SIZE = 10_000


def _with_filters(clauses: list[dict], aggregation: dict) -> dict:
    if not clauses:  # nothing to apply: no filter wrapper to evaluate per document
        return aggregation
    return {"filter": {"bool": {"filter": clauses}}, "aggs": {"values": aggregation}}


def facet_aggregations(filters: dict[str, tuple[str, ...]]) -> dict:
    """The facet counts: each facet's values among the hits with the other facets' filters applied.

    (The search's own filters are a post_filter, which aggregations do not see.) Every facet
    without a filter of its own sees the same documents, those of all the filters: one
    aggregation over `facet_values` counts them all, where one per facet cost a third of a search
    in the benchmark. A filtered facet is counted on its own, without its filter, so that its
    other values keep their counts.
    """
    aggregations = {
        "facet_values": _with_filters(
            _filter_clauses(filters),
            {"terms": {"field": "facet_values", "size": FACET_VALUES_SIZE, "shard_size": FACET_VALUES_SIZE}},
        )
    }
    for name in filters:
        aggregations[name] = _with_filters(
            _filter_clauses(filters, without=name),
            {"terms": {"field": name, "size": FACET_SIZE, "shard_size": FACET_VALUES_SIZE}},
        )
    return aggregations


def _buckets(answer: dict) -> list[dict]:
    return answer.get("values", answer).get("buckets", [])  # with or without a filter wrapper


def facet_counts(aggregations: dict, filters: dict[str, tuple[str, ...]]) -> dict[str, dict[str, int]]:
    """Each facet's counts per value from facet_aggregations' answer, its FACET_SIZE most frequent."""
    counts: dict[str, dict[str, int]] = {name: {} for name in FACET_NAMES}
    for bucket in _buckets(aggregations.get("facet_values", {})):
        name, _, value = bucket["key"].partition(":")
        if name in counts and name not in filters:
            counts[name][value] = bucket["doc_count"]
    for name in filters:
        counts[name] = {b["key"]: b["doc_count"] for b in _buckets(aggregations.get(name, {}))}
    return {
        name: dict(sorted(values.items(), key=lambda item: (-item[1], item[0]))[:FACET_SIZE])
        for name, values in counts.items()
    }


def _spell_field(audiences: list[str]) -> str:
    return "spell_public" if audiences == [PUBLIC_AUDIENCE] else "spell_all"


def build_body(
    request: SearchRequest,
    *,
    audiences: list[str],
    page: int,
    plan: QueryPlan | None = None,
    variants: list[str] | None = None,
) -> dict:
    """The Elasticsearch request body (also used by the benchmark to measure the service's overhead).

    `plan` and `variants` are the query's prepare_query(), looked up here if not given.
    """
    if request.query and plan is None:
        plan, variants = prepare_query(request.query, audiences)
    if variants is None:
        variants = expand(request.query) if request.query else []
    ranked = bool(request.query) and request.sort != "date" and bool(plan.stems)
    if not request.query:
        matching = {"match_all": {}}
    elif request.sort == "date" and plan.stems:  # newest first: which documents match is all that counts
        matching = _gate(request.query, plan, variants)
    else:
        matching = _in_language(text_query(request.query, plan, variants), plan.language)
    query = {
        "bool": {"must": [matching], "filter": [{"terms": {"visibility": audiences}}, shown_to_reader()]}
    }
    if request.published_between:
        after, up_to = request.published_between
        query["bool"]["filter"].append(
            {"range": {"date": {"gt": after.isoformat(), "lte": up_to.isoformat()}}}
        )
    filters = {k: v for k, v in request.filters.items() if k in FACET_NAMES and v}
    body = {
        "query": query,
        "aggs": facet_aggregations(filters),
        "from": (page - 1) * request.per_page,
        "size": request.per_page,
        "track_total_hits": True,
        "_source": RESULT_FIELDS,
        "timeout": "1500ms",
    }
    if ranked:  # by score (a rescore takes no other sort), then recency and type among the best
        body["rescore"] = {
            "window_size": RESCORE_WINDOW,
            "query": {"rescore_query": _lifts(), "score_mode": "multiply"},
        }
    elif request.sort == "date" or not request.query:
        body["sort"] = [{"date": {"order": "desc", "missing": "_last"}}, "_score"]
    else:  # a query of stop words only: it matches nothing
        body["sort"] = ["_score", {"date": {"order": "desc", "missing": "_last"}}]
    if filters:
        body["post_filter"] = {"bool": {"filter": _filter_clauses(filters)}}
    if request.query:
        body["highlight"] = {
            "encoder": "html",  # the text is HTML-escaped before <mark> tags are added
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "require_field_match": False,
            "fields": {
                "title": {
                    "number_of_fragments": 0,
                    "highlight_query": _highlight_query(
                        "title",
                        request.query,
                        variants,
                        typos=[term for term, _ in plan.typos_in("title")],
                    ),
                },
                "summary": {
                    "number_of_fragments": 0,
                    "highlight_query": _highlight_query("summary", request.query, variants),
                },
                "body": {
                    "fragment_size": 180,
                    "number_of_fragments": 2,
                    "highlight_query": _highlight_query("body", request.query, variants),
                },
            },
        }
    return body


def suggestion_body(query: str, audiences: list[str]) -> dict:
    """The "did you mean" request: a phrase suggester over the words of what the person may see."""
    spell_field = _spell_field(audiences)
    return {
        "size": 0,
        "timeout": "1500ms",
        "suggest": {
            "did_you_mean": {
                "text": query,
                "phrase": {
                    "field": spell_field,
                    "size": DID_YOU_MEAN_CANDIDATES,
                    "max_errors": 2,
                    "confidence": 1.0,
                    "direct_generator": [
                        {"field": spell_field, "suggest_mode": "always", "min_word_length": 3}
                    ],
                    # Markers, not tags: the suggestion is escaped first, then the markers become tags.
                    "highlight": {"pre_tag": SUGGESTION_START, "post_tag": SUGGESTION_END},
                },
            }
        },
    }


# --- Running it ------------------------------------------------------------------------------------


def run_search(**kwargs) -> dict:
    """Run one search request body on the read alias; {} when no index exists yet.

    Raises QueryRejected for a query Elasticsearch refuses, SearchUnavailable when it cannot answer.
    """
    try:
        return query_client().search(index=read_alias(), **kwargs).body
    except NotFoundError:
        return {}  # no index yet (never built): nothing to find
    except ApiError as error:
        if error.status_code == 400:
            raise QueryRejected(
                gettext("This search could not be run; please simplify it and try again.")
            ) from error
        raise SearchUnavailable(str(error)) from error
    except (TransportConnectionError, ConnectionTimeout, TransportError) as error:
        raise SearchUnavailable(str(error)) from error


def _escape(text: str) -> SafeString:
    from django.utils.html import escape

    return escape(text)


def _content_type_names() -> dict[str, str]:
    """Each content type's name in the interface language (translated once per process)."""
    language = interface_language()
    return {name: document.labels_by_language()[language] for name, document in DOCUMENTS.items()}


def _hit(raw: dict, type_names: dict[str, str]) -> SearchHit:
    source, highlight = raw.get("_source", {}), raw.get("highlight", {})
    content_type = source.get("content_type", "")
    title = highlight.get("title", [None])[0]
    snippet = (highlight.get("summary") or [None])[0] or " … ".join(highlight.get("body", []))
    date = source.get("date")
    return SearchHit(
        content_type=content_type,
        content_type_label=type_names.get(content_type, content_type),
        object_id=source.get("object_id", ""),
        url=source.get("url", ""),
        # Highlights come HTML-escaped from Elasticsearch (encoder: html); the rest is escaped here.
        title=mark_safe(title) if title else _escape(source.get("title", "")),  # noqa: S308  # nosec
        snippet=mark_safe(snippet) if snippet else _escape(source.get("summary", "")),  # noqa: S308  # nosec
        date=datetime.fromisoformat(date) if date else None,
        score=raw.get("_score"),
        visibility=source.get("visibility", ""),
    )


def _facets(aggs: dict, filters: dict[str, tuple[str, ...]], user=None) -> list[Facet]:
    facets = []
    counts = facet_counts(aggs, filters)
    for facet in FACETS:
        selected = set(filters.get(facet.name, ()))
        values = counts[facet.name]
        for value in selected - set(values):
            values[value] = 0  # a chosen filter stays visible (and can be removed) even with no hits
        if not values:
            continue
        labels = facet.labels(values)
        if facet.nameable is not None:
            nameable = facet.nameable(user, labels)
            labels = {value: name for value, name in labels.items() if value in nameable}
        facets.append(
            Facet(
                name=facet.name,
                label=facet.label,
                values=[
                    FacetValue(value=v, label=labels.get(v, v), count=n, selected=v in selected)
                    for v, n in sorted(
                        values.items(), key=lambda item: (-item[1], labels.get(item[0], item[0]))
                    )
                ],
            )
        )
    return facets


def results_from(request: SearchRequest, response: dict, *, page: int, user) -> SearchResults:
    """The page of results a response shows: hits, totals and facets (no "did you mean")."""
    total = response.get("hits", {}).get("total", {}).get("value", 0)
    max_page = MAX_RESULT_WINDOW // request.per_page
    filters = {k: v for k, v in request.filters.items() if k in FACET_NAMES and v}
    type_names = _content_type_names()
    return SearchResults(
        request=request,
        hits=[_hit(raw, type_names) for raw in response.get("hits", {}).get("hits", [])],
        total=total,
        page=page,
        pages=max(1, min(math.ceil(total / request.per_page), max_page)),
        facets=_facets(response.get("aggregations", {}), filters, user),
    )


def wants_suggestion(plan: QueryPlan, response: dict) -> bool:
    """Few hits and a word the index does not know: only then is "did you mean" asked for."""
    total = response.get("hits", {}).get("total", {}).get("value", 0)
    return total < FEW_HITS and any(len(w) >= 3 for w in plan.unknown_words)


def search_content(*, user, request: SearchRequest) -> SearchResults:
    """Search everything this person may see. Raises SearchUnavailable or QueryRejected."""
    audiences = searchable_audiences(user)
    max_page = MAX_RESULT_WINDOW // request.per_page
    page = min(max(request.page, 1), max_page)
    plan, variants = prepare_query(request.query, audiences) if request.query else (None, [])
    prepared = {"audiences": audiences, "plan": plan, "variants": variants}
    response = run_search(**build_body(request, page=page, **prepared))
    total = response.get("hits", {}).get("total", {}).get("value", 0)
    pages = max(1, min(math.ceil(total / request.per_page), max_page))
    if page > pages:  # out of range: show the last page rather than an empty one
        page = pages
        response = run_search(**build_body(request, page=page, **prepared))
    results = results_from(request, response, page=page, user=user)
    if plan is not None and wants_suggestion(plan, response):
        # Only now, and only for a word the index does not know: never for a name it holds.
        try:
            suggestions = run_search(**suggestion_body(request.query, audiences))
        except (SearchUnavailable, QueryRejected):
            suggestions = {}  # the results stand without a suggestion
        options = suggestions.get("suggest", {}).get("did_you_mean", [{}])[0].get("options", [])
        options = [o for o in options if normalise_term(o["text"]) != normalise_term(request.query)]
        option = _first_confirmed(options, audiences)
        if option is not None:
            results.did_you_mean = option["text"]
            results.did_you_mean_html = _highlighted_suggestion(option)
    return results


def _first_confirmed(options: list[dict], audiences: list[str]) -> dict | None:
    """The best correction that a live document this person may see contains, if any.

    The spelling fields' term dictionary still holds the words of deleted and replaced documents
    (a topic hidden by a moderator, a page restricted after publication) until Elasticsearch
    merges segments, and "did you mean" draws its candidates from it. A query never matches those
    documents, so each candidate is checked with the caller's audiences, all in one request
    (Elasticsearch's own `collate` needs the mustache module, which the server core lacks).
    """
    if not options:
        return None
    field_name = _spell_field(audiences)
    checks = {
        str(i): {"match": {field_name: {"query": option["text"], "operator": "and"}}}
        for i, option in enumerate(options)
    }
    try:
        response = run_search(
            query={"bool": {"filter": [{"terms": {"visibility": audiences}}]}},
            aggs={"candidates": {"filters": {"filters": checks}}},
            size=0,
            timeout="1500ms",
        )
    except (SearchUnavailable, QueryRejected):
        return None  # unconfirmed: offer nothing rather than a word nobody may see
    buckets = response.get("aggregations", {}).get("candidates", {}).get("buckets", {})
    return next((o for i, o in enumerate(options) if buckets.get(str(i), {}).get("doc_count")), None)


def suggest_titles(*, user, prefix: str, size: int = 8) -> list[dict]:
    """Titles that complete what the person is typing, among documents they may see."""
    prefix = " ".join(prefix.split())[:MAX_SUGGEST_LENGTH]
    if len(prefix) < 2:
        return []
    completion = {
        "field": "suggest",
        "size": size,
        "skip_duplicates": True,
        "contexts": {"visibility": searchable_audiences(user)},
    }
    if len(prefix) >= 4:
        completion["fuzzy"] = {"fuzziness": 1, "prefix_length": 2}
    response = run_search(
        suggest={"titles": {"prefix": prefix, "completion": completion}},
        source=["title", "url", "content_type"],
        size=0,
    )
    options = response.get("suggest", {}).get("titles", [{}])[0].get("options", [])
    return [
        {
            "title": o["_source"].get("title", ""),
            "url": o["_source"].get("url", ""),
            "type": DOCUMENTS[o["_source"]["content_type"]].label
            if o["_source"].get("content_type") in DOCUMENTS
            else "",
        }
        for o in options
    ]


def related_documents(*, user, document_type: str, object_id, size: int = 5) -> list[SearchHit]:
    """Documents like this one (more_like_this on title, summary and body), among those the person may see.

    For the "related" box of content pages; an unavailable search engine gives an empty box, since
    the page itself must still render.
    """
    document_id = f"{document_type}-{object_id}"
    try:
        response = run_search(
            query={
                "bool": {
                    "must": [
                        {
                            "more_like_this": {
                                "fields": ["title", "summary", "body"],
                                "like": [{"_index": read_alias(), "_id": document_id}],
                                "min_term_freq": 1,
                                "min_doc_freq": 1,
                                "max_query_terms": 25,
                                "minimum_should_match": "30%",
                            }
                        }
                    ],
                    "filter": [{"terms": {"visibility": searchable_audiences(user)}}, shown_to_reader()],
                    "must_not": [{"ids": {"values": [document_id]}}],
                }
            },
            source=RESULT_FIELDS,
            size=size,
        )
    except (SearchUnavailable, QueryRejected):
        return []
    type_names = _content_type_names()
    return [_hit(raw, type_names) for raw in response.get("hits", {}).get("hits", [])]
