"""`{% related_content obj %}`: the "Related" box of content pages (more_like_this on the index).

Content templates load this library rather than their apps importing search; the box is left
out when nothing is related or the search engine cannot answer, so the page always renders.
"""

from django import template

from ..documents import DOCUMENTS
from ..selectors import related_documents

register = template.Library()


def document_type_of(obj) -> str | None:
    for document in DOCUMENTS.values():
        if type(obj) is document.model:
            return document.document_type
    return None


@register.inclusion_tag("search/related.html", takes_context=True)
def related_content(context, obj, size: int = 5):
    document_type = document_type_of(obj)
    request = context.get("request")
    user = getattr(request, "user", None)
    hits = (
        related_documents(user=user, document_type=document_type, object_id=obj.pk, size=size)
        if (document_type and user is not None)
        else []
    )
    return {"related": hits}


@register.filter
def active_filter_count(facets) -> int:
    """How many facet values the results are narrowed by, for the collapsed filter panel's label."""
    return sum(1 for facet in facets for value in facet.values if value.selected)
