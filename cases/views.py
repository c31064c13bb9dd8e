"""The library's public views: listings (served by their index pages), the CSV export, the glossary.

Views stay thin: forms validate the filters, selectors read, templates render.
"""

import csv
from decimal import Decimal

from django.http import Http404, HttpResponseBadRequest, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from lodestar.links import absolute_url
from lodestar.permissions import can_export_library, can_view_library
from lodestar.permissions.http import deny
from lodestar.vocabularies.models import VOCABULARIES

from . import open_data, selectors
from .coalition import coalition_overview
from .forms import LibraryFilterForm, ToolFilterForm

CASE_STUDIES_PER_PAGE = 12
TOOLS_PER_PAGE = 20


def _querystring_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def library_listing(request, index):
    """The library index: featured cases first (on the unfiltered first page), then filtered results."""
    if not can_view_library(request.user):
        return deny(request)
    form = LibraryFilterForm(request.GET or None, country_codes=selectors.case_study_countries())
    filters = form.filters
    listing = selectors.listing_page(
        kind="case_study",
        filters=filters,
        sort=form.sort_order,
        page=request.GET.get("page"),
        per_page=CASE_STUDIES_PER_PAGE,
    )
    form.show_counts(listing.counts)
    page_obj = listing.page_obj
    show_featured = not filters and page_obj.number == 1
    return index.render(
        request,
        context_overrides={
            "filter_form": form,
            "page_obj": page_obj,
            "counts_unavailable": listing.counts is None,
            "filtered": bool(filters),
            "featured": selectors.featured_cases() if show_featured else [],
            "querystring": _querystring_without_page(request),
        },
    )


def tool_listing(request, index):
    if not can_view_library(request.user):
        return deny(request)
    form = ToolFilterForm(request.GET or None)
    filters = form.filters
    listing = selectors.listing_page(
        kind="tool",
        filters=filters,
        sort=form.sort_order,
        page=request.GET.get("page"),
        per_page=TOOLS_PER_PAGE,
    )
    form.show_counts(listing.counts)
    page_obj = listing.page_obj
    return index.render(
        request,
        context_overrides={
            "filter_form": form,
            "page_obj": page_obj,
            "counts_unavailable": listing.counts is None,
            "filtered": bool(filters),
            "querystring": _querystring_without_page(request),
        },
    )


# The CSV's columns, in order: (header, how to read it from a case study).
def _names(terms) -> str:
    return "; ".join(term.name for term in terms)


EXPORT_COLUMNS = [
    ("id", lambda p, r: p.pk),
    ("title", lambda p, r: p.title),
    ("url", lambda p, r: absolute_url(p.get_url(r) or "")),
    ("summary", lambda p, r: p.summary),
    ("actor_type", lambda p, r: p.actor_type.name if p.actor_type else ""),
    ("governance_level", lambda p, r: p.get_governance_level_display() if p.governance_level else ""),
    ("countries", lambda p, r: "; ".join(p.country_codes)),
    ("region", lambda p, r: p.region),
    ("city", lambda p, r: p.city),
    ("sectors", lambda p, r: _names(p.sectors.all())),
    ("focus", lambda p, r: p.get_focus_display() if p.focus else ""),
    ("strategy_stage", lambda p, r: p.strategy_stage.name if p.strategy_stage else ""),
    ("policy_instruments", lambda p, r: _names(p.policy_instruments.all())),
    ("co_benefits", lambda p, r: _names(p.co_benefits.all())),
    ("target_type", lambda p, r: p.get_target_type_display() if p.target_type else ""),
    ("target_year", lambda p, r: p.target_year or ""),
    ("target_base_year", lambda p, r: p.target_base_year or ""),
    ("target_percentage", lambda p, r: "" if p.target_percentage is None else p.target_percentage),
    (
        "target_legal_status",
        lambda p, r: p.get_target_legal_status_display() if p.target_legal_status else "",
    ),
    ("emissions_base_year", lambda p, r: p.emissions_base_year or ""),
    ("emissions_base_value", lambda p, r: "" if p.emissions_base_value is None else p.emissions_base_value),
    ("emissions_latest_year", lambda p, r: p.emissions_latest_year or ""),
    (
        "emissions_latest_value",
        lambda p, r: "" if p.emissions_latest_value is None else p.emissions_latest_value,
    ),
    ("emissions_unit", lambda p, r: p.emissions_unit),
    ("emissions_source", lambda p, r: p.emissions_source),
    ("figures_status", lambda p, r: p.get_figures_status_display()),
    ("tracker_status", lambda p, r: _tracker(p)["status"]),
    ("tracker_achieved_change_per_year", lambda p, r: _rate(p, "achieved_change_per_year")),
    ("tracker_required_change_per_year", lambda p, r: _rate(p, "required_change_per_year")),
    ("tracker_gap_per_year", lambda p, r: _rate(p, "gap_per_year")),
    ("tracker_milestones", lambda p, r: _milestone_checks(p)),
    ("strategy_document_url", lambda p, r: p.strategy_document_url),
    ("contributor_organisations", lambda p, r: _names_of_orgs(p.contributor_organisations.all())),
    ("languages", lambda p, r: "; ".join(p.languages)),
    ("licence", lambda p, r: p.get_licence_display()),
    ("last_reviewed", lambda p, r: p.last_reviewed.isoformat() if p.last_reviewed else ""),
    ("first_published", lambda p, r: p.first_published_at.date().isoformat() if p.first_published_at else ""),
]


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


def _names_of_orgs(organisations) -> str:
    return "; ".join(organisation.name for organisation in organisations)


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def _spreadsheet_safe(value):
    """Keep spreadsheets from running a cell as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def library_export_csv(request, index):
    """The current filtered listing as CSV (published case studies only), streamed row by row."""
    if not can_export_library(request.user):
        return deny(request)
    form = LibraryFilterForm(request.GET or None, country_codes=selectors.case_study_countries())
    if form.is_bound and not form.is_valid():
        problems = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in form.errors.items())
        return HttpResponseBadRequest(f"Invalid filter. {problems}", content_type="text/plain; charset=utf-8")
    rows = selectors.case_study_export_rows(filters=form.filters, sort=form.sort_order, index=index)
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow([header for header, _ in EXPORT_COLUMNS])
        for page in rows.iterator(chunk_size=500):
            yield writer.writerow([_spreadsheet_safe(read(page, request)) for _, read in EXPORT_COLUMNS])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="lodestar-case-studies.csv"'
    return response


# The tools CSV, like the library's: (header, how to read it from a tool).
TOOL_EXPORT_COLUMNS = [
    ("id", lambda t, r: t.pk),
    ("title", lambda t, r: t.title),
    ("url", lambda t, r: absolute_url(t.get_url(r) or "")),
    ("summary", lambda t, r: t.summary),
    ("tool_type", lambda t, r: t.tool_type.name if t.tool_type else ""),
    ("sectors", lambda t, r: _names(t.sectors.all())),
    ("strategy_stages", lambda t, r: _names(t.strategy_stages.all())),
    ("cost", lambda t, r: t.get_cost_display()),
    ("skill_level", lambda t, r: t.get_skill_level_display()),
    ("languages", lambda t, r: "; ".join(t.languages)),
    ("link", lambda t, r: t.link or (absolute_url(t.document.url) if t.document else "")),
    ("maintainer", lambda t, r: t.maintainer),
    ("open_source", lambda t, r: "true" if t.open_source else "false"),
    ("first_published", lambda t, r: t.first_published_at.date().isoformat() if t.first_published_at else ""),
]


def _csv_response(rows, columns, request, filename):
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow([header for header, _ in columns])
        for obj in rows.iterator(chunk_size=500):
            yield writer.writerow([_spreadsheet_safe(read(obj, request)) for _, read in columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def tool_export_csv(request, index):
    """The current filtered tool listing as CSV (published tools only)."""
    if not can_export_library(request.user):
        return deny(request)
    form = ToolFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        problems = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in form.errors.items())
        return HttpResponseBadRequest(f"Invalid filter. {problems}", content_type="text/plain; charset=utf-8")
    rows = selectors.tool_export_rows(filters=form.filters, sort=form.sort_order, index=index)
    return _csv_response(rows, TOOL_EXPORT_COLUMNS, request, "lodestar-tools.csv")


def datapackage(request):
    """The Frictionless data package describing both CSVs (types, descriptions, licence, source)."""
    if not can_export_library(request.user):
        return deny(request)
    library, tools = selectors.library_index(), selectors.tool_index()
    if library is None or tools is None:
        raise Http404("The library is not set up yet.")
    return JsonResponse(
        open_data.datapackage(
            case_study_columns=[header for header, _ in EXPORT_COLUMNS],
            tool_columns=[header for header, _ in TOOL_EXPORT_COLUMNS],
            case_study_csv=library.url + library.reverse_subpage("export_csv"),
            tool_csv=tools.url + tools.reverse_subpage("export_csv"),
        ),
        json_dumps_params={"indent": 2},
    )


def glossary(request):
    """Every controlled-vocabulary term with its definition, so filters and badges are explained."""
    if not can_view_library(request.user):
        return deny(request)
    vocabularies = [
        {
            "title": model._meta.verbose_name_plural.capitalize(),
            "anchor": slugify(model._meta.verbose_name_plural),
            "terms": list(model.objects.all()),
        }
        for model in VOCABULARIES
    ]
    return render(request, "cases/glossary.html", {"vocabularies": vocabularies})


def pathways(request):
    """The coalition view: strategies by stage, actor, sector and region, on track or not, on a map."""
    if not can_view_library(request.user):
        return deny(request)
    library = selectors.library_index()
    library_url = library.get_url(request) if library is not None else "/library/"
    overview = coalition_overview(published=selectors.published_case_studies(), library_url=library_url)
    return render(request, "cases/pathways.html", {"overview": overview, "library_url": library_url})
