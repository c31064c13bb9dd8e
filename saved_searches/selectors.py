"""Reading saved searches: a member's list, which are due, and what a saved search runs as today.

A saved filter may name a term that no longer exists (a moderator deleted a sector, a forum
category was removed or closed to this member). The search then runs without it, and
`missing_terms` names what went, so the member reads a notice instead of getting an error or
silently different results.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import ngettext
from django_countries import countries

from cases.filters import FILTERS
from lodestar.permissions import visible_categories
from search.documents import DOCUMENTS
from search.selectors import FACET_NAMES, FACETS, SearchRequest

from .models import SavedSearch

LABELS = {facet.name: facet.label for facet in FACETS}


def saved_searches_for(user) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(owner=user).order_by("name")


def saved_search_count(user) -> int:
    return SavedSearch.objects.filter(owner=user).count()


def due_saved_search_ids(*, up_to: datetime) -> list[int]:
    """Saved searches whose alert period has passed since the end of their last window."""
    due = Q()
    for frequency, period in SavedSearch.PERIODS.items():
        due |= Q(frequency=frequency, last_sent_at__lte=up_to - period)
    return list(SavedSearch.objects.filter(due).order_by("last_sent_at").values_list("pk", flat=True))


def _existing_values(field: str, values: set[str], user) -> set[str]:
    """Which of a filter field's values still exist (and, for forum categories, this person may see)."""
    if field == "content_type":
        return values & set(DOCUMENTS)
    if field == "category":
        return set(visible_categories(user).filter(slug__in=values).values_list("slug", flat=True))
    spec = next((f for f in FILTERS if f.index_field == field), None)
    if spec is None:
        return set()
    if spec.vocabulary is not None:
        return set(spec.vocabulary.objects.filter(slug__in=values).values_list("slug", flat=True))
    if spec.is_countries:
        return {code for code in values if code in countries}
    return values & {value for value, _ in spec.choices}


def _existing_map(saved_searches: list[SavedSearch], user) -> dict[str, set[str]]:
    """Filter field -> its values that still exist, over all these searches: one query per field."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for saved in saved_searches:
        for field, values in saved.filters.items():
            wanted[field].update(values)
    return {field: _existing_values(field, values, user) for field, values in wanted.items()}


def _gone(saved: SavedSearch, existing: dict[str, set[str]]) -> list[str]:
    return [
        f"{LABELS.get(field, field)} “{saved.filter_labels.get(field, {}).get(value, value)}”"
        for field, values in saved.filters.items()
        for value in values
        if value not in existing.get(field, set())
    ]


def missing_terms(saved_searches: list[SavedSearch], user) -> dict[int, list[str]]:
    """Saved search id -> what its filters name that no longer exists ("Sector “Hydrogen”")."""
    existing = _existing_map(saved_searches, user)
    return {saved.pk: gone for saved in saved_searches if (gone := _gone(saved, existing))}


def missing_notice(gone: list[str]) -> str:
    """What the member reads when a saved filter names terms that no longer exist."""
    return ngettext(
        "%(terms)s no longer exists, so this search runs without it.",
        "%(terms)s no longer exist, so this search runs without them.",
        len(gone),
    ) % {"terms": ", ".join(gone)}


def search_request_of(saved: SavedSearch, user, **extra) -> tuple[SearchRequest, list[str]]:
    """The search a saved search runs now, without vanished terms, and the names of those terms."""
    existing = _existing_map([saved], user)
    filters = {
        field: tuple(v for v in values if v in existing.get(field, set()))
        for field, values in saved.filters.items()
        if field in FACET_NAMES
    }
    request = SearchRequest(query=saved.query, filters={k: v for k, v in filters.items() if v}, **extra)
    return request, _gone(saved, existing)


def at_limit(user) -> bool:
    return saved_search_count(user) >= settings.SAVED_SEARCH_LIMIT


def saved_searches_export(user) -> list[dict]:
    """The member's saved searches, for their data download."""
    return [
        {
            "name": saved.name,
            "query": saved.query,
            "filters": saved.filters,
            "alerts": saved.frequency,
            "created_at": saved.created_at.isoformat(),
            "last_alert_window_end": saved.last_sent_at.isoformat(),
        }
        for saved in saved_searches_for(user)
    ]
