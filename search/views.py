"""The search page and its JSON API. Thin: the form reads the request, the selector searches."""

import logging

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_GET

from lodestar.links import absolute_url
from lodestar.permissions import can_search
from lodestar.permissions.http import permission_required

from .forms import SearchForm
from .selectors import FACETS, QueryRejected, SearchUnavailable, search_content, suggest_titles

logger = logging.getLogger(__name__)

UNAVAILABLE = gettext_lazy(
    "Search is unavailable at the moment. Please try again in a few minutes; "
    "the rest of Lodestar works as usual."
)


@require_GET
@permission_required(can_search)
def search_page(request):
    form = SearchForm(request.GET)
    context = {"form": form, "results": None, "error": "", "facet_fields": FACETS}
    status = 200
    if not form.is_valid():
        context["error"], status = form.error_message(), 400
    else:
        try:
            context["results"] = search_content(user=request.user, request=form.to_request())
        except QueryRejected as error:
            context["error"], status = str(error), 400
        except SearchUnavailable:
            logger.warning("Search page: Elasticsearch unavailable", exc_info=True)
            context["error"], status = str(UNAVAILABLE), 503
    return render(request, "search/search_page.html", context, status=status)


def _hit_json(hit) -> dict:
    return {
        "type": hit.content_type,
        "type_label": hit.content_type_label,
        "id": hit.object_id,
        "url": hit.url,  # site-relative
        "title_html": str(hit.title),
        "snippet_html": str(hit.snippet),
        "date": hit.date.isoformat() if hit.date else None,
        "visibility": hit.visibility,
    }


def _page_link(request, page: int) -> str:
    """The same search (words, filters, sort) on another page, at the public address."""
    query = request.GET.copy()
    query["page"] = str(page)
    return absolute_url(f"{request.path}?{query.urlencode(safe=',')}")


@require_GET
@permission_required(can_search)
def api_search(request):
    """Search as JSON: one page of hits with `next`/`previous` links (null at either end, also as an
    RFC 8288 Link header), described in site/openapi.yaml."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": form.error_message()}, status=400)
    try:
        results = search_content(user=request.user, request=form.to_request())
    except QueryRejected as error:
        return JsonResponse({"error": str(error)}, status=400)
    except SearchUnavailable:
        logger.warning("Search API: Elasticsearch unavailable", exc_info=True)
        return JsonResponse({"error": str(UNAVAILABLE)}, status=503)
    following = _page_link(request, results.page + 1) if results.page < results.pages else None
    preceding = _page_link(request, results.page - 1) if results.page > 1 else None
    response = JsonResponse(
        {
            "query": results.request.query,
            "sort": results.request.sort,
            "total": results.total,
            "page": results.page,
            "pages": results.pages,
            "per_page": results.request.per_page,
            "next": following,
            "previous": preceding,
            "did_you_mean": results.did_you_mean or None,
            "results": [_hit_json(hit) for hit in results.hits],
            "facets": {
                facet.name: [
                    {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                    for v in facet.values
                ]
                for facet in results.facets
            },
        }
    )
    links = [f'<{url}>; rel="{rel}"' for url, rel in [(following, "next"), (preceding, "prev")] if url]
    if links:
        response["Link"] = ", ".join(links)
    return response


@require_GET
@permission_required(can_search)
def api_suggest(request):
    prefix = request.GET.get("q", "")
    if len(prefix) > 200:
        return JsonResponse({"error": gettext("Type at most 200 characters for suggestions.")}, status=400)
    try:
        suggestions = suggest_titles(user=request.user, prefix=prefix)
    except QueryRejected as error:
        return JsonResponse({"error": str(error)}, status=400)
    except SearchUnavailable:
        return JsonResponse({"error": str(UNAVAILABLE)}, status=503)
    return JsonResponse({"query": prefix, "suggestions": suggestions})
