"""Reads of the library, each with the joins and prefetches its page needs (no N+1 queries).

Page models call these with their own managers (`published(CaseStudyPage.objects)`), so this
module never imports the models that import it. The listings (`listing_page`) are served by a
search engine when one is plugged in with `use_listing_search()` (the search app does, in its
AppConfig.ready: the library never imports search). The engine answers which page ids match, in
order, with counts per filter value; the cards are then read here in a fixed number of queries.
When it is unavailable, or none is plugged in, `filtered_listing` filters the same way in
PostgreSQL (without counts), with the filters of cases.filters. The CSV export always reads
PostgreSQL, with the same filters.

Every list shows each case study or tool once for its reader (cases.translation.one_per_page): in
French, the French translation where there is one, otherwise the English page (as its French alias),
never both; this costs no query more, whatever the number of pages.
"""

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Coalesce
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.images import get_image_model

from lodestar.permissions import open_data_pages

from .charts import narrow_chart, pathway_chart
from .filters import CASE_STUDY, TOOL, filters_of
from .tracker import track_page
from .translation import current_language, mark_read_in, one_per_page, versions_for_reader

SORT_ORDERS = {"newest": ("-first_published_at", "-pk"), "title": ("title", "pk")}
HERO_RENDITIONS = ("fill-480x270", "fill-960x540")


def _hero_images() -> Prefetch:
    """The cards' images with their renditions, in one query each."""
    return Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions(*HERO_RENDITIONS))


def published(pages) -> QuerySet:
    """Pages (a manager or queryset of one page type) anyone may read: live, without view
    restrictions. Drafts never appear."""
    return open_data_pages(pages.all())


def published_for_reader(pages) -> QuerySet:
    """Published pages, each once, in the interface's language where translated (cases.translation)."""
    return one_per_page(published(pages))


def live_index(indexes):
    """The live index page of a manager of index pages (the coalition view links to its listings),
    in the interface's language when it has one there."""
    return one_per_page(indexes.live()).first()


def _written_in() -> Coalesce:
    """The language a card's content is in (an alias's is its source's), for its `lang`: a join."""
    return Coalesce("alias_of__locale__language_code", "locale__language_code")


def case_study_cards(queryset: QuerySet) -> QuerySet:
    return (
        queryset.select_related("actor_type", "strategy_stage")
        .prefetch_related(_hero_images(), "sectors")
        .annotate(written_in=_written_in())
    )


def _tool_cards(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("tool_type").prefetch_related("sectors").annotate(written_in=_written_in())


CARDS = {CASE_STUDY: case_study_cards, TOOL: _tool_cards}


def filtered_listing(pages, *, kind: str, filters: dict, sort: str = "newest", index=None) -> QuerySet:
    """Published pages of `kind` matching the listing filters of cases.filters, in the chosen order,
    each once in the interface's language (`index`: the listing's page, one per language, which
    holds them all)."""
    queryset = published_for_reader(pages)
    for spec in filters_of(kind):
        if spec.param in filters:
            queryset = spec.apply(queryset, kind, filters[spec.param])
    return queryset.order_by(*SORT_ORDERS.get(sort, SORT_ORDERS["newest"]))


EXPORT_RELATIONS = {
    CASE_STUDY: (
        ("actor_type", "strategy_stage"),
        ("sectors", "policy_instruments", "co_benefits", "contributor_organisations", "milestones"),
    ),
    TOOL: (("document", "tool_type"), ("sectors", "strategy_stages")),
}


def export_rows(pages, *, kind: str, filters: dict, sort: str = "newest", index=None) -> QuerySet:
    """The same listing with everything its CSV export writes, prefetched."""
    joined, prefetched = EXPORT_RELATIONS[kind]
    return (
        filtered_listing(pages, kind=kind, filters=filters, sort=sort, index=index)
        .select_related(*joined)
        .prefetch_related(*prefetched)
    )


API_RELATIONS = {
    "cases.CaseStudyPage": (
        ("locale", "actor_type", "strategy_stage"),
        ("sectors", "policy_instruments", "co_benefits", "contributor_organisations", "milestones"),
    ),
    "cases.ToolPage": (("locale", "tool_type"), ("sectors", "strategy_stages")),
}


def api_pages(queryset: QuerySet) -> QuerySet:
    """The open-data API's pages with every related record `fields=*` serialises, in a fixed number
    of queries whatever the page size (the related tools: published public ones, in title order)."""
    joined, prefetched = API_RELATIONS.get(queryset.model._meta.label, (("locale",), ()))
    queryset = queryset.select_related(*joined).prefetch_related(*prefetched)
    if queryset.model._meta.label == "cases.CaseStudyPage":
        tools = queryset.model._meta.get_field("related_tools").related_model
        queryset = queryset.prefetch_related(
            Prefetch(
                "related_tools",
                queryset=published(tools.objects).order_by("title"),
                to_attr="published_related_tools",
            )
        )
    return queryset


def api_page_bodies(pages: list) -> list:
    """Read the StreamField bodies of a page of API results together: the images of their figures
    come in one query for all the pages instead of one per case study (Wagtail converts each page's
    stream on its own)."""
    models = {type(page) for page in pages}
    if len(models) != 1:
        return pages
    for field in [f for f in models.pop()._meta.concrete_fields if isinstance(f, StreamField)]:
        raw = [list(getattr(page, field.attname).raw_data) for page in pages]
        every_block = [block for blocks in raw for block in blocks]
        combined = StreamValue(field.stream_block, every_block, is_lazy=True)
        children = iter(list(combined))  # one query per block type that needs one, for every page
        for page, blocks in zip(pages, raw, strict=True):
            setattr(page, field.attname, StreamValue(field.stream_block, [next(children) for _ in blocks]))
    return pages


FEED_RELATIONS = {
    CASE_STUDY: (("actor_type",), ("sectors", "contributor_organisations")),
    TOOL: (("tool_type",), ("sectors",)),
}


def feed_entries(pages, *, kind: str, filters: dict, index, limit: int) -> list:
    """The newest published pages of a filtered listing, with what their feed entries show.

    Newest means last published (a revised case study comes back to the top of readers' lists).
    """
    joined, prefetched = FEED_RELATIONS[kind]
    updated = Coalesce("last_published_at", "first_published_at")
    entries = filtered_listing(pages, kind=kind, filters=filters, index=index).order_by(updated.desc(), "-pk")
    return list(entries.select_related(*joined).prefetch_related(*prefetched)[:limit])


def case_study_countries(case_studies) -> list[str]:
    """Countries that published case studies cover, for the country filter."""
    stored = published(case_studies).order_by().values_list("countries", flat=True).distinct()
    return sorted(set(itertools.chain.from_iterable(value.split(",") for value in stored if value)))


def featured_cases(entries, limit: int | None = None) -> list:
    """The first featured list's current entries (of FeaturedCase.objects), in the secretariat's
    order (expired ones drop out)."""
    entries = (
        entries.current()
        .of_first_list()
        .select_related("case_study", "case_study__actor_type")
        .prefetch_related(
            Prefetch(
                "case_study__hero_image",
                queryset=get_image_model().objects.prefetch_renditions(*HERO_RENDITIONS),
            ),
            "case_study__sectors",
        )
        .order_by("sort_order", "pk")
    )
    entries = list(entries[:limit] if limit is not None else entries)
    if entries and current_language() != settings.LANGUAGE_CODE:
        # The secretariat features the English pages: readers in French or Spanish get their version.
        case_studies = [entry.case_study for entry in entries]
        cards_of = case_study_cards(published(type(case_studies[0]).objects))
        for entry, version in zip(entries, versions_for_reader(case_studies, cards_of), strict=True):
            entry.case_study = version
    return entries


def case_study_detail_context(page) -> dict:
    """Everything a case study page shows besides its own fields, in a fixed number of queries."""
    milestones = list(page.milestones.all())
    return {
        "sectors": list(page.sectors.all()),
        "policy_instruments": list(page.policy_instruments.all()),
        "co_benefits": list(page.co_benefits.all()),
        "milestones": milestones,
        "documents": list(page.documents.select_related("document")),
        "related_tools": list(page.live_related_tools.select_related("tool_type")),
        "contributor_organisations": list(page.contributor_organisations.select_related("actor_type")),
        **_pathway(page, milestones),
    }


def _pathway(page, milestones) -> dict:
    """The tracker and both layouts of the chart, from the milestones already read."""
    tracker = track_page(page, milestones)
    wide = pathway_chart(page, milestones=milestones, tracker=tracker)
    narrow = narrow_chart(page, milestones=milestones, tracker=tracker)
    return {
        "tracker": tracker,
        "pathway": wide,
        "charts": [("wide", wide), ("narrow", narrow)] if wide else [],
    }


def tool_detail_context(page) -> dict:
    return {
        "sectors": list(page.sectors.all()),
        "strategy_stages": list(page.strategy_stages.all()),
        "used_in": list(
            published_for_reader(_case_studies_using(page)).select_related("actor_type").order_by("title")
        ),
    }


def _case_studies_using(tool):
    """Case studies naming this tool, in any of its languages (their translations and aliases name
    the English tool)."""
    case_studies = tool.used_in_case_studies.model
    return case_studies.objects.filter(
        pk__in=case_studies.related_tools.through.objects.filter(
            toolpage__translation_key=tool.translation_key
        ).values("casestudypage_id")
    )


def contributed_case_studies(case_studies, *, organisation=None, owner=None, limit: int = 12) -> list:
    """Published case studies an organisation contributed to, or a member wrote (profile pages)."""
    queryset = published_for_reader(case_studies)
    if organisation is not None:
        queryset = queryset.filter(contributor_organisations=organisation)
    if owner is not None:
        queryset = queryset.filter(owner=owner)
    return list(case_study_cards(queryset.order_by("-first_published_at", "-pk").distinct())[:limit])


# --- Listings, served by search when it is plugged in ------------------------------------------------


@dataclass
class ListingHits:
    """What a listing search answers: the page's ids in order, and counts for every filter value."""

    ids: list[int]
    total: int
    page: int
    counts: dict[str, dict[str, int]]  # filter field name -> value (slug or code) -> matching pages


class ListingSearchUnavailable(Exception):
    """The search engine cannot answer now; the listing falls back to the database."""


# (kind, filters as {field: slug or code}, sort, page number, per page) -> ListingHits
ListingSearch = Callable[..., ListingHits]
_listing_search: ListingSearch | None = None


def use_listing_search(search: ListingSearch | None) -> None:
    """Serve the listings through `search` (None: from the database only)."""
    global _listing_search
    _listing_search = search


@dataclass
class Listing:
    page_obj: Page
    counts: dict[str, dict[str, int]] | None  # None: counts are unavailable (database fallback)


class _Counted:
    """Stands for the whole result list in a Paginator: only its length is known."""

    def __init__(self, total: int):
        self.total = total

    def count(self) -> int:
        return self.total


def _filter_values(filters: dict) -> dict[str, str]:
    return {name: getattr(value, "slug", value) for name, value in filters.items()}


def _page_number(page) -> int:
    try:
        return max(int(page), 1)
    except (TypeError, ValueError):
        return 1


def _hits_for_reader(pages, ids: list[int], cards) -> list:
    """The pages search found, in its order, each as the interface's reader sees it, once.

    Search may answer with any language's version of a page (or several): one query reads the
    pages found and every published version of them, marked with the one this reader sees.
    """
    found = mark_read_in(
        published(pages).filter(
            translation_key__in=published(pages).filter(pk__in=ids).values("translation_key")
        )
    )
    rows = list(cards(found))
    by_id = {row.pk: row for row in rows}
    for_reader = {row.translation_key: row for row in rows if row.read_here}
    objects, seen = [], set()
    # The index may lag a moment behind an unpublish: such a page is simply left out.
    for pk in ids:
        hit = by_id.get(pk)
        if hit is None or hit.translation_key in seen or hit.translation_key not in for_reader:
            continue
        seen.add(hit.translation_key)
        objects.append(for_reader[hit.translation_key])
    return objects


def listing_page(pages, *, kind: str, filters: dict, sort: str, page, per_page: int) -> Listing:
    """One page of the case-study ("case_study") or tool ("tool") listing, with counts if it can."""
    cards = CARDS[kind]
    if _listing_search is not None:
        try:
            hits = _listing_search(
                kind=kind,
                filters=_filter_values(filters),
                sort=sort,
                page=_page_number(page),
                per_page=per_page,
            )
        except ListingSearchUnavailable:
            hits = None
        if hits is not None:
            objects = _hits_for_reader(pages, hits.ids, cards)
            paginator = Paginator(_Counted(hits.total), per_page)
            return Listing(page_obj=Page(objects, hits.page, paginator), counts=hits.counts)
    results = cards(filtered_listing(pages, kind=kind, filters=filters, sort=sort))
    return Listing(page_obj=Paginator(results, per_page).get_page(page), counts=None)
