"""The open-data CSVs of the library and the tools: their columns, and the streamed response.

A filter's column (its header and how its values are written) comes from cases.filters; the
other columns are listed here, in order. A filter a content type has but whose column is not
placed below is written last, so a new filter reaches the CSV by its entry in cases.filters alone
(cases/open_data.py refuses a column it does not describe).
"""

import csv
from decimal import Decimal

from django.conf import settings
from django.http import StreamingHttpResponse
from django.utils import translation

from lodestar.links import absolute_url

from .filters import CASE_STUDY, TOOL, by_column

FILENAMES = {CASE_STUDY: "lodestar-case-studies.csv", TOOL: "lodestar-tools.csv"}


def _names(terms) -> str:
    return "; ".join(term.name for term in terms)


def _first_published(obj) -> str:
    return obj.first_published_at.date().isoformat() if obj.first_published_at else ""


def _tracker(page) -> dict:
    """The tracker of a row, computed once per page (several columns read it)."""
    cached = getattr(page, "_tracker_row", None)
    if cached is None:
        cached = page._tracker_row = page.tracker
    return cached


def _rate(page, key):
    """A tracker rate as a number (a negative one must not look like text to spreadsheets)."""
    value = _tracker(page)[key]
    return "" if value is None else Decimal(value)


def _milestone_checks(page) -> str:
    return "; ".join(f"{m['year']}: {m['position']}" for m in _tracker(page)["milestones"])


def _blank_if_none(value):
    return "" if value is None else value


def columns(kind: str) -> list[tuple[str, object]]:
    """(header, read(obj, request)) pairs of a content type's CSV: a bare name in LISTED is a
    filter's column, and the filters not placed there follow at the end."""
    filters = by_column(kind)
    result = []
    for entry in LISTED[kind]:
        if isinstance(entry, str):
            spec = filters.pop(entry)  # a KeyError here: no filter has that column
            entry = (entry, lambda obj, request, spec=spec: spec.csv_value(obj, kind))
        result.append(entry)
    for header, spec in filters.items():
        result.append((header, lambda obj, request, spec=spec: spec.csv_value(obj, kind)))
    return result


# The first columns of both CSVs: (header, how to read it from a page and the request).
PAGE_COLUMNS = [
    ("id", lambda page, r: page.pk),
    ("title", lambda page, r: page.title),
    ("url", lambda page, r: absolute_url(page.get_url(r) or "")),
    ("summary", lambda page, r: page.summary),
]

# The case studies' columns, in order (a bare name: a filter's column).
CASE_STUDY_LISTED = [
    *PAGE_COLUMNS,
    "actor_type",
    ("governance_level", lambda p, r: p.get_governance_level_display() if p.governance_level else ""),
    "countries",
    ("region", lambda p, r: p.region),
    ("city", lambda p, r: p.city),
    "sectors",
    ("focus", lambda p, r: p.get_focus_display() if p.focus else ""),
    "strategy_stage",
    "policy_instruments",
    "co_benefits",
    ("target_type", lambda p, r: p.get_target_type_display() if p.target_type else ""),
    ("target_year", lambda p, r: p.target_year or ""),
    ("target_base_year", lambda p, r: p.target_base_year or ""),
    ("target_percentage", lambda p, r: _blank_if_none(p.target_percentage)),
    (
        "target_legal_status",
        lambda p, r: p.get_target_legal_status_display() if p.target_legal_status else "",
    ),
    ("emissions_base_year", lambda p, r: p.emissions_base_year or ""),
    ("emissions_base_value", lambda p, r: _blank_if_none(p.emissions_base_value)),
    ("emissions_latest_year", lambda p, r: p.emissions_latest_year or ""),
    ("emissions_latest_value", lambda p, r: _blank_if_none(p.emissions_latest_value)),
    ("emissions_unit", lambda p, r: p.emissions_unit),
    ("emissions_source", lambda p, r: p.emissions_source),
    ("figures_status", lambda p, r: p.get_figures_status_display()),
    ("tracker_status", lambda p, r: _tracker(p)["status"]),
    ("tracker_achieved_change_per_year", lambda p, r: _rate(p, "achieved_change_per_year")),
    ("tracker_required_change_per_year", lambda p, r: _rate(p, "required_change_per_year")),
    ("tracker_gap_per_year", lambda p, r: _rate(p, "gap_per_year")),
    ("tracker_milestones", lambda p, r: _milestone_checks(p)),
    ("strategy_document_url", lambda p, r: p.strategy_document_url),
    ("contributor_organisations", lambda p, r: _names(p.contributor_organisations.all())),
    ("languages", lambda p, r: "; ".join(p.languages)),
    ("licence", lambda p, r: p.get_licence_display()),
    ("last_reviewed", lambda p, r: p.last_reviewed.isoformat() if p.last_reviewed else ""),
    ("first_published", lambda p, r: _first_published(p)),
]

TOOL_LISTED = [
    *PAGE_COLUMNS,
    "tool_type",
    "sectors",
    "strategy_stages",
    "cost",
    ("skill_level", lambda t, r: t.get_skill_level_display()),
    ("languages", lambda t, r: "; ".join(t.languages)),
    ("link", lambda t, r: t.link or (absolute_url(t.document.url) if t.document else "")),
    ("maintainer", lambda t, r: t.maintainer),
    ("open_source", lambda t, r: "true" if t.open_source else "false"),
    ("first_published", lambda t, r: _first_published(t)),
]

LISTED = {CASE_STUDY: CASE_STUDY_LISTED, TOOL: TOOL_LISTED}


def headers(kind: str) -> list[str]:
    return [header for header, _ in columns(kind)]


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def spreadsheet_safe(value):
    """Keep spreadsheets from running a cell as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_response(rows, *, kind: str, request) -> StreamingHttpResponse:
    """`rows` (a queryset) as the content type's CSV, streamed row by row."""
    written = columns(kind)
    writer = csv.writer(_Echo())

    def lines():
        # Open data has one language, whatever the interface's: its choice labels and tracker
        # sentences in English, as the data package describes them (cases/open_data.py).
        with translation.override(settings.LANGUAGE_CODE):
            yield writer.writerow([header for header, _ in written])
            for obj in rows.iterator(chunk_size=500):
                yield writer.writerow([spreadsheet_safe(read(obj, request)) for _, read in written])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{FILENAMES[kind]}"'
    return response
