"""Reads of the library, each with the joins and prefetches its page needs (no N+1 queries).

`case_study_listing` and `tool_listing` are the seam the search app will replace: they take the
filters of the listing forms and return a queryset in the requested order. Today they filter in
PostgreSQL; the Search issue moves them onto Elasticsearch with facet counts.
"""

import itertools

from django.db.models import Prefetch, QuerySet
from wagtail.images import get_image_model

from .models import CaseStudyPage, FeaturedCase, ToolPage
from .models.snippets import HOME_PAGE_MAX_CARDS

SORT_ORDERS = {"newest": ("-first_published_at", "-pk"), "title": ("title", "pk")}
HERO_RENDITIONS = ("fill-480x270", "fill-960x540")


def _hero_images() -> Prefetch:
    """The cards' images with their renditions, in one query each."""
    return Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions(*HERO_RENDITIONS))


def published_case_studies() -> QuerySet:
    """Case studies anyone may read: live and without view restrictions. Drafts never appear."""
    return CaseStudyPage.objects.live().public()


def published_tools() -> QuerySet:
    return ToolPage.objects.live().public()


def case_study_cards(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("actor_type", "strategy_stage").prefetch_related(_hero_images(), "sectors")


def case_study_listing(*, filters: dict, sort: str = "newest", index=None) -> QuerySet:
    """Published case studies matching the listing filters (sector, actor_type, country, stage)."""
    queryset = published_case_studies()
    if index is not None:
        queryset = queryset.child_of(index)
    if "sector" in filters:
        queryset = queryset.filter(sectors=filters["sector"])
    if "actor_type" in filters:
        queryset = queryset.filter(actor_type=filters["actor_type"])
    if "stage" in filters:
        queryset = queryset.filter(strategy_stage=filters["stage"])
    if "country" in filters:
        # django-countries stores a comma-separated list of two-letter codes.
        queryset = queryset.filter(countries__regex=rf"(^|,){filters['country']}(,|$)")
    return queryset.order_by(*SORT_ORDERS.get(sort, SORT_ORDERS["newest"]))


def case_study_export_rows(*, filters: dict, sort: str = "newest", index=None) -> QuerySet:
    """The same listing with everything the CSV export writes, prefetched."""
    return (
        case_study_listing(filters=filters, sort=sort, index=index)
        .select_related("actor_type", "strategy_stage")
        .prefetch_related("sectors", "policy_instruments", "co_benefits", "contributor_organisations")
    )


def case_study_countries() -> list[str]:
    """Countries that published case studies cover, for the country filter."""
    stored = published_case_studies().order_by().values_list("countries", flat=True).distinct()
    return sorted(set(itertools.chain.from_iterable(value.split(",") for value in stored if value)))


def tool_listing(*, filters: dict, sort: str = "newest", index=None) -> QuerySet:
    queryset = published_tools()
    if index is not None:
        queryset = queryset.child_of(index)
    if "sector" in filters:
        queryset = queryset.filter(sectors=filters["sector"])
    if "tool_type" in filters:
        queryset = queryset.filter(tool_type=filters["tool_type"])
    if "stage" in filters:
        queryset = queryset.filter(strategy_stages=filters["stage"])
    if "cost" in filters:
        queryset = queryset.filter(cost=filters["cost"])
    return (
        queryset.order_by(*SORT_ORDERS.get(sort, SORT_ORDERS["newest"]))
        .select_related("tool_type")
        .prefetch_related("sectors")
    )


def featured_cases(limit: int = HOME_PAGE_MAX_CARDS) -> list[FeaturedCase]:
    """The first featured list's current entries, in the secretariat's order (expired ones drop out)."""
    entries = (
        FeaturedCase.objects.current()
        .filter(featured_list__in=_first_featured_list())
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
    return list(entries[:limit])


def _first_featured_list():
    from .models import FeaturedList

    return FeaturedList.objects.order_by("pk").values("pk")[:1]


def case_study_detail_context(page: CaseStudyPage) -> dict:
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
        "pathway": _pathway(page, milestones),
    }


def _pathway(page, milestones):
    from .charts import pathway_chart

    return pathway_chart(page, milestones=milestones)


def tool_detail_context(page: ToolPage) -> dict:
    return {
        "sectors": list(page.sectors.all()),
        "strategy_stages": list(page.strategy_stages.all()),
        "used_in": list(
            published_case_studies().filter(related_tools=page).select_related("actor_type").order_by("title")
        ),
    }


def contributed_case_studies(*, organisation=None, owner=None, limit: int = 12) -> list:
    """Published case studies an organisation contributed to, or a member wrote (profile pages)."""
    queryset = published_case_studies()
    if organisation is not None:
        queryset = queryset.filter(contributor_organisations=organisation)
    if owner is not None:
        queryset = queryset.filter(owner=owner)
    return list(case_study_cards(queryset.order_by("-first_published_at", "-pk").distinct())[:limit])
