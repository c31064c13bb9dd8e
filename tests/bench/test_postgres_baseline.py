"""The fair PostgreSQL baseline of `make bench` computes what the search page shows: same filters,
facet counts with the other filters applied, headlines. Checked on a handful of real pages."""

import pytest
from django.db import connection

from lodestar.vocabularies.models import Sector
from tests.bench import postgres_baseline
from tests.cases.factories import CaseStudyPageFactory, ToolPageFactory, ensure_library_structure

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def sector(slug):
    return Sector.objects.get(slug=slug)


@pytest.fixture
def table(home_page):
    library, tools = ensure_library_structure()
    for title, countries, sectors in [
        ("Tram lines for a harbour district", ["NO"], ["transport"]),
        ("Electric buses and tram depots", ["CL"], ["transport", "energy-supply"]),
        ("Tram depot heat recovery", ["NO"], ["buildings"]),
        ("Heat pumps in social housing", ["IE"], ["buildings"]),
    ]:
        CaseStudyPageFactory(
            parent=library, title=title, countries=countries, sectors=[sector(s) for s in sectors]
        )
    ToolPageFactory(parent=tools, title="Tram network demand model", sectors=[sector("transport")])
    with connection.cursor() as cursor:
        assert postgres_baseline.create_table(cursor) == 5
        yield cursor
        postgres_baseline.drop_table(cursor)


def test_facet_counts_keep_the_other_filters_and_ignore_their_own(table):
    page = postgres_baseline.fair_search(
        table, query="tram", filters={"sectors": ("transport",)}, sort="relevance", audiences=["public"]
    )

    assert page.total == 3  # the two transport case studies and the tool
    assert page.facets["content_type"] == {"case_study": 2, "tool": 1}
    assert page.facets["countries"] == {"NO": 1, "CL": 1}
    # The sector facet counts every tram document, whatever its sector, so people can widen the search.
    assert page.facets["sectors"] == {"transport": 3, "energy-supply": 1, "buildings": 1}


def test_hits_come_with_highlighted_titles_and_snippets(table):
    page = postgres_baseline.fair_search(
        table, query="tram", filters={"countries": ("NO",)}, sort="date", audiences=["public"]
    )

    assert page.total == 2
    assert {title for _, title, _, _ in page.hits} == {
        "<mark>Tram</mark> lines for a harbour district",
        "<mark>Tram</mark> depot heat recovery",
    }
    assert all(summary is not None for _, _, summary, _ in page.hits)


def test_members_only_documents_stay_out_of_a_visitors_search(table):
    page = postgres_baseline.fair_search(
        table, query="tram", filters={}, sort="relevance", audiences=["members"]
    )

    assert page.total == 0 and page.hits == [] and page.facets == {}
