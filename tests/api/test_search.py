"""Search and suggestions against the description, on real Elasticsearch with indexed content."""

import pytest
from django.test import Client

from search import indexing
from tests.cases.factories import CaseStudyPageFactory
from tests.search.conftest import closed_port, refresh
from tests.search.factories import member_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PUBLIC_ADDRESS = "https://lodestar.example.org"


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC_ADDRESS


@pytest.fixture
def indexed(search_index, library):
    """25 member organisations (two pages of hits) and a published case study, indexed."""
    for n in range(25):
        member_organisation(f"Illustrative Transition Office {n:02}", country="PT", kind="city")
    case = CaseStudyPageFactory(parent=library, title="Transition budget for a coastal city")
    case.save_revision().publish()
    indexing.drain()
    refresh()


def test_hits_with_facets_match_the_description(client, check, component, indexed):
    response = client.get("/api/search/", {"q": "transition", "countries": "PT"})
    body = check(response)

    assert body["total"] == 26 and body["pages"] == 2 and len(body["results"]) == 20
    assert {hit["type"] for hit in body["results"]} <= {"organisation", "case_study"}
    portugal = {"value": "PT", "label": "Portugal", "count": 26, "selected": True}
    assert body["facets"]["countries"][0] == portugal
    component(body, "SearchResults")


def test_pages_of_hits_link_each_other_at_the_public_address(client, check, indexed):
    first = client.get("/api/search/", {"q": "transition office", "sort": "date"})
    body = check(first)
    assert body["previous"] is None
    assert body["next"] == f"{PUBLIC_ADDRESS}/api/search/?q=transition%20office&sort=date&page=2"
    assert first["Link"] == f'<{body["next"]}>; rel="next"'

    second = client.get(body["next"].removeprefix(PUBLIC_ADDRESS))
    last = check(second)
    assert (last["page"], last["next"]) == (2, None)
    assert last["previous"] == f"{PUBLIC_ADDRESS}/api/search/?q=transition%20office&sort=date&page=1"
    assert second["Link"] == f'<{last["previous"]}>; rel="prev"'
    names = [hit["title_html"] for hit in body["results"] + last["results"]]
    assert len(set(names)) == 25  # every office once across the two pages


def test_no_hits_match_the_description(client, check, indexed):
    response = client.get("/api/search/", {"q": "zzyzx qwfp"})
    body = check(response)

    assert (body["total"], body["results"], body["next"], body["previous"]) == (0, [], None, None)
    assert "Link" not in response


def test_suggestions_match_the_description(client, check, component, indexed):
    body = check(client.get("/api/search/suggest/", {"q": "Illustrative Tra"}))

    assert len(body["suggestions"]) == 8
    assert body["suggestions"][0]["type"] == "Member organisation"
    component(body, "Suggestions")
    assert check(client.get("/api/search/suggest/", {"q": "I"}))["suggestions"] == []


@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        ("/api/search/", {"q": "climate " * 30}, "at most 200 characters"),
        ("/api/search/", {"page": "abc"}, "whole number"),
        ("/api/search/", {"actor_type": "<script>"}, "A filter value in the address is not valid"),
        ("/api/search/suggest/", {"q": "x" * 201}, "Type at most 200 characters"),
    ],
)
def test_bad_searches_answer_400_with_a_message_as_described(client, check, indexed, path, params, message):
    response = client.get(path, params)

    assert response.status_code == 400
    assert message in check(response)["error"]


@pytest.mark.parametrize("path", ["/api/search/", "/api/search/suggest/"])
def test_an_unavailable_search_answers_503_as_described(check, settings, home_page, path):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"

    response = Client().get(path, {"q": "climate"})

    assert response.status_code == 503
    assert "Search is unavailable" in check(response)["error"]
