"""Facet counts come from one aggregation over every facet value, plus one per filtered facet.

Pure logic: the request the search page sends and how its answer becomes counts. That the counts
equal the database's is tested against Elasticsearch in test_relevance.py.
"""

from search.documents.base import FACET_FIELDS, facet_values
from search.selectors import FACET_NAMES, FACET_SIZE, facet_aggregations, facet_counts


def test_every_facet_the_page_shows_is_a_facet_value_of_the_documents():
    assert list(FACET_FIELDS) == FACET_NAMES


def test_a_document_carries_each_of_its_facet_values_under_its_field():
    data = {"content_type": "case_study", "sectors": ["transport", "energy"], "countries": [], "cost": None}

    assert facet_values(data) == ["content_type:case_study", "sectors:transport", "sectors:energy"]


def test_without_filters_one_aggregation_counts_every_facet():
    aggregations = facet_aggregations({})

    assert list(aggregations) == ["facet_values"]
    answer = {
        "facet_values": {
            "buckets": [
                {"key": "content_type:case_study", "doc_count": 7},
                {"key": "sectors:transport", "doc_count": 5},
                {"key": "countries:PT", "doc_count": 2},
            ]
        }
    }
    counts = facet_counts(answer, {})

    assert counts["content_type"] == {"case_study": 7}
    assert counts["sectors"] == {"transport": 5}
    assert counts["countries"] == {"PT": 2}
    assert counts["cost"] == {}


def test_a_filtered_facet_counts_its_values_without_its_own_filter():
    filters = {"sectors": ("transport",), "countries": ("PT",)}
    aggregations = facet_aggregations(filters)

    assert aggregations["facet_values"]["filter"]["bool"]["filter"] == [
        {"terms": {"sectors": ["transport"]}},
        {"terms": {"countries": ["PT"]}},
    ]
    assert aggregations["sectors"]["filter"]["bool"]["filter"] == [{"terms": {"countries": ["PT"]}}]
    assert aggregations["countries"]["filter"]["bool"]["filter"] == [{"terms": {"sectors": ["transport"]}}]
    answer = {
        "facet_values": {
            "values": {
                "buckets": [
                    {"key": "sectors:transport", "doc_count": 3},  # within its own filter: not shown
                    {"key": "content_type:tool", "doc_count": 3},
                ]
            }
        },
        "sectors": {
            "values": {"buckets": [{"key": "transport", "doc_count": 3}, {"key": "waste", "doc_count": 2}]}
        },
        "countries": {"values": {"buckets": [{"key": "PT", "doc_count": 3}, {"key": "CL", "doc_count": 4}]}},
    }
    counts = facet_counts(answer, filters)

    assert counts["sectors"] == {"transport": 3, "waste": 2}
    assert counts["countries"] == {"CL": 4, "PT": 3}
    assert counts["content_type"] == {"tool": 3}


def test_a_facet_shows_its_most_frequent_values_first_and_at_most_fifty():
    buckets = [{"key": f"countries:C{i:03}", "doc_count": 1 + i % 7} for i in range(80)]

    counts = facet_counts({"facet_values": {"buckets": buckets}}, {})["countries"]

    assert len(counts) == FACET_SIZE
    assert list(counts.values()) == sorted(counts.values(), reverse=True)
    assert min(counts.values()) >= max(1 + i % 7 for i in range(80) if f"C{i:03}" not in counts)
