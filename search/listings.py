"""The library and tool listings, served by the query service (plugged into cases.selectors).

The listing asks which published pages match its filters, in its order, one page at a time, and
how many pages each filter value would give with the other filters kept (the numbers next to the
options). The cards themselves are read from the database by the library.

Listings show what the open library shows: public pages only (the CSV export, which is open data,
lists exactly these), whoever looks.
"""

from __future__ import annotations

import math

from cases.filters import listing_filters
from cases.selectors import ListingHits, ListingSearchUnavailable

from .documents import PUBLIC
from .selectors import QueryRejected, SearchUnavailable, run_search, shown_to_reader


def listing_fields(kind: str) -> dict[str, str]:
    """The listing form's parameters -> the search documents' fields (from cases.filters)."""
    return {spec.param: spec.index_field for spec in listing_filters(kind)}


SORTS = {
    "newest": [{"date": {"order": "desc", "missing": "_last"}}, {"object_id": "desc"}],
    "title": [{"title.exact": "asc"}, {"object_id": "asc"}],
}
MAX_WINDOW = 10_000


def listing_body(*, kind: str, filters: dict[str, str], sort: str, page: int, per_page: int) -> dict:
    fields = listing_fields(kind)
    chosen = {fields[name]: value for name, value in filters.items() if name in fields and value}
    base = [{"term": {"content_type": kind}}, {"term": {"visibility": PUBLIC}}, shown_to_reader()]
    aggs = {}
    for name, field in fields.items():
        others = [{"term": {f: v}} for f, v in chosen.items() if f != field]
        aggs[name] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {"values": {"terms": {"field": field, "size": 300}}},
        }
    return {
        "query": {"bool": {"filter": base}},
        "post_filter": {"bool": {"filter": [{"term": {f: v}} for f, v in chosen.items()]}},
        "aggs": aggs,
        "sort": SORTS.get(sort, SORTS["newest"]),
        "from": (page - 1) * per_page,
        "size": per_page,
        "_source": False,
        "docvalue_fields": ["object_id"],
        "track_total_hits": True,
        "timeout": "1500ms",
    }


def search_listing(*, kind: str, filters: dict[str, str], sort: str, page: int, per_page: int) -> ListingHits:
    """One page of a listing with its counts; raises ListingSearchUnavailable when search is down."""
    last_allowed = MAX_WINDOW // per_page
    page = min(max(page, 1), last_allowed)
    try:
        response = run_search(
            **listing_body(kind=kind, filters=filters, sort=sort, page=page, per_page=per_page)
        )
        total = response.get("hits", {}).get("total", {}).get("value", 0)
        last = max(1, min(math.ceil(total / per_page), last_allowed))
        if page > last:  # past the end: the last page, as the database listing did
            page = last
            response = run_search(
                **listing_body(kind=kind, filters=filters, sort=sort, page=page, per_page=per_page)
            )
    except (SearchUnavailable, QueryRejected) as error:
        raise ListingSearchUnavailable(str(error)) from error
    if not response:
        raise ListingSearchUnavailable("The search index does not exist yet.")
    ids = [int(hit["fields"]["object_id"][0]) for hit in response["hits"]["hits"]]
    counts = {
        name: {b["key"]: b["doc_count"] for b in response["aggregations"][name]["values"]["buckets"]}
        for name in listing_fields(kind)
    }
    return ListingHits(ids=ids, total=total, page=page, counts=counts)
