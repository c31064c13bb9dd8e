"""`{% save_search_form %}`: the "Save this search" box of the search page and the library listings.

It carries the search as the search page reads it (q and the search's filter fields): on a library
listing, the listing's filters are translated to the search's fields (cases.filters says which)
and the content type is added, so the saved search finds the same kind of page.
"""

from django import template

from cases.filters import listing_filters
from lodestar.permissions import can_save_search
from search.selectors import FACET_NAMES

from ..forms import SaveSearchForm
from ..selectors import at_limit

register = template.Library()


def search_params(query_dict, kind: str | None) -> tuple[list[tuple[str, str]], str]:
    """The (name, value) pairs of the search to save, and a name to suggest for it."""
    if kind is None:
        pairs = [("q", query_dict.get("q", ""))] if query_dict.get("q") else []
        pairs += [(name, v) for name in FACET_NAMES for v in query_dict.getlist(name) if v]
        return pairs, query_dict.get("q", "").strip()[:100]
    pairs = [("content_type", kind)]
    pairs += [
        (spec.index_field, query_dict[spec.param])
        for spec in listing_filters(kind)
        if query_dict.get(spec.param)
    ]
    return pairs, ""


@register.inclusion_tag("saved_searches/save_form.html", takes_context=True)
def save_search_form(context, kind: str | None = None, suggested_name: str = ""):
    request = context["request"]
    pairs, name = search_params(request.GET, kind)
    may_save = can_save_search(request.user)
    return {
        "request": request,
        "signed_in": request.user.is_authenticated,
        "may_save": may_save,
        "full": may_save and at_limit(request.user),
        "pairs": pairs,
        "has_search": bool(pairs),  # a library list always has its content type
        "form": SaveSearchForm(initial={"name": name or suggested_name}, auto_id="save-search-%s"),
        "csrf_token": context.get("csrf_token"),
    }
