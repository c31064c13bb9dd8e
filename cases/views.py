"""The library's views besides its pages: the data package, the glossary, the coalition view.

The listings and their CSV exports are routes of the index pages (cases.models.pages). Views stay
thin: selectors read, templates render.
"""

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.text import slugify

from lodestar.permissions import can_export_library, can_view_library
from lodestar.permissions.http import deny
from lodestar.vocabularies.models import VOCABULARIES

from . import export, open_data, selectors
from .coalition import coalition_overview
from .filters import CASE_STUDY, TOOL
from .models import CaseStudyPage, LibraryIndexPage, ToolIndexPage


def datapackage(request):
    """The Frictionless data package describing both CSVs (types, descriptions, licence, source)."""
    if not can_export_library(request.user):
        return deny(request)
    library, tools = (
        selectors.live_index(LibraryIndexPage.objects),
        selectors.live_index(ToolIndexPage.objects),
    )
    if library is None or tools is None:
        raise Http404("The library is not set up yet.")
    return JsonResponse(
        open_data.datapackage(
            case_study_columns=export.headers(CASE_STUDY),
            tool_columns=export.headers(TOOL),
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
    library = selectors.live_index(LibraryIndexPage.objects)
    library_url = library.get_url(request) if library is not None else "/library/"
    overview = coalition_overview(
        published=selectors.published_for_reader(CaseStudyPage.objects), library_url=library_url
    )
    return render(request, "cases/pathways.html", {"overview": overview, "library_url": library_url})
