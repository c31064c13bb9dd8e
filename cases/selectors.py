"""Reads of the library, each with the joins and prefetches its page needs (no N+1 queries).

Page models call these with their own managers (`published(CaseStudyPage.objects)`), so this
module never imports the models that import it. The listings (`listing_page`) are served by a
search engine when one is plugged in with `use_listing_search()` (the search app does, in its
AppConfig.ready: the library never imports search). The engine answers which page ids match, in
order, with counts per filter value; the cards are then read here in a fixed number of queries.
When it is unavailable, or none is plugged in, `filtered_listing` filters the same way in
PostgreSQL (without counts), with the filters of cases.filters. The CSV export always reads
PostgreSQL, with the same filters.
"""

import itertools
from collections.abc import Callable
from dataclasses import dataclass

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

SORT_ORDERS = {"newest": ("-first_published_at", "-pk"), "title": ("title", "pk")}
HERO_RENDITIONS = ("fill-480x270", "fill-960x540")


def _hero_images() -> Prefetch:
    """The cards' images with their renditions, in one query each."""
    return Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions(*HERO_RENDITIONS))


def published(pages) -> QuerySet:
    """Pages (a manager or queryset of one page type) anyone may read: live, without view
    restrictions. Drafts never appear."""
    return open_data_pages(pages.all())


def live_index(indexes):
    """The live index page of a manager of index pages (the coalition view links to its listings)."""
    return indexes.live().first()


def case_study_cards(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("actor_type", "strategy_stage").prefetch_related(_hero_images(), "sectors")


def _tool_cards(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("tool_type").prefetch_related("sectors")


CARDS = {CASE_STUDY: case_study_cards, TOOL: _tool_cards}


def filtered_listing(pages, *, kind: str, filters: dict, sort: str = "newest", index=None) -> QuerySet:
    """Published pages of `kind` matching the listing filters of cases.filters, in the chosen order."""
    queryset = published(pages)
    if index is not None:
        queryset = queryset.child_of(index)
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
    return list(entries[:limit] if limit is not None else entries)


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
        "used_in": list(published(page.used_in_case_studies).select_related("actor_type").order_by("title")),
    }


def contributed_case_studies(case_studies, *, organisation=None, owner=None, limit: int = 12) -> list:
    """Published case studies an organisation contributed to, or a member wrote (profile pages)."""
    queryset = published(case_studies)
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
            found = filtered_listing(pages, kind=kind, filters={}, sort=sort).filter(pk__in=hits.ids)
            by_id = {obj.pk: obj for obj in cards(found)}
            # The index may lag a moment behind an unpublish: such a page is simply left out.
            objects = [by_id[pk] for pk in hits.ids if pk in by_id]
            paginator = Paginator(_Counted(hits.total), per_page)
            return Listing(page_obj=Page(objects, hits.page, paginator), counts=hits.counts)
    results = cards(filtered_listing(pages, kind=kind, filters=filters, sort=sort))
    return Listing(page_obj=Paginator(results, per_page).get_page(page), counts=None)
