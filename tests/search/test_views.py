"""The search page and the JSON API, as a visitor's browser or an API client sees them."""

import socket
import time

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from search import indexing
from tests.search.conftest import closed_port, refresh
from tests.search.factories import member_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

BAD_QUERIES = [
    '"unbalanced quote',
    'net zero" AND (transport OR',
    "title:foo^99 ~2 *wild* ?x [1 TO 5] {a} /regex/ \\ || && !not -minus +plus",
    "x" * 10_000,
    "the of and a to in is",
    "🌍🔥 climate 🚲",
    "الحياد الكربوني",
    "פחמן ניטרלי",
    "\x00\x1b[31m control \u202e characters",
    "%",
    "",
    "   ",
    "a",
]


@pytest.fixture
def indexed(search_index):
    member_organisation("Illustrative Climate Neutrality Office", country="PT", kind="city")
    member_organisation("Illustrative Energy Transition Office", country="CL", kind="business")
    indexing.drain()
    refresh()


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_odd_queries_give_results_or_a_clear_message_never_an_error(client, indexed, query):
    page = client.get(reverse("search:search"), {"q": query})
    api = client.get(reverse("search:api_search"), {"q": query})
    suggest = client.get(reverse("search:api_suggest"), {"q": query})

    assert page.status_code in (200, 400)
    assert api.status_code in (200, 400)
    assert suggest.status_code in (200, 400)
    if api.status_code == 400:
        assert api.json()["error"]
        assert api.json()["error"] in page.content.decode().replace("&#x27;", "'")
    else:
        assert isinstance(api.json()["results"], list)


def test_a_very_long_query_is_refused_with_a_message(client, indexed):
    response = client.get(reverse("search:api_search"), {"q": "climate " * 1250})

    assert response.status_code == 400
    assert "at most 200 characters" in response.json()["error"]


def test_bad_paging_and_filters_are_refused_or_corrected(client, indexed):
    assert client.get(reverse("search:api_search"), {"q": "office", "page": "abc"}).status_code == 400
    assert client.get(reverse("search:api_search"), {"q": "office", "page": "-3"}).status_code == 400
    assert client.get(reverse("search:api_search"), {"actor_type": "<script>"}).status_code == 400
    last = client.get(reverse("search:api_search"), {"q": "office", "page": "999999"}).json()
    assert (last["page"], last["pages"], len(last["results"])) == (1, 1, 2)


def test_the_search_page_works_without_javascript(client, indexed, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get(reverse("search:search"), {"q": "office", "actor_type": "city"})

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", attrs={"role": "search"})
    assert form["method"] == "get" and form.find("button", string="Apply filters")
    assert soup.find("label", attrs={"for": "search-q"})
    hits = soup.select(".search-hit__title a")
    assert [a.get_text() for a in hits] == ["Illustrative Climate Neutrality Office"]
    assert hits[0].find("mark").get_text() == "Office"
    checked = soup.select("input[type=checkbox][checked]")
    assert [(c["name"], c["value"]) for c in checked] == [("actor_type", "city")]
    # The facets sit in a disclosure (closed until a script opens it on wide screens) that counts them.
    panel = form.find("details", class_="filter-panel")
    assert " ".join(panel.summary.get_text().split()) == "Filter results (1 active)"
    assert checked[0] in panel.find_all("input")
    # The other actor type stays offered with its count, so the filter can be widened.
    business = soup.find("label", attrs={"for": "f-actor_type-business"})
    assert " ".join(business.get_text().split()) == "Business (1)"
    assert not soup.find_all("script", src=False), "the CSP forbids inline scripts"
    assert soup.find("script", src=lambda s: s and s.endswith("search-suggest.js"))


def test_the_api_returns_results_facets_and_suggestions(client, indexed):
    data = client.get(reverse("search:api_search"), {"q": "ofice", "countries": "PT"}).json()

    assert data["total"] == 1
    assert data["results"][0]["url"].startswith("/members/organisations/")
    assert data["results"][0]["title_html"] == "Illustrative Climate Neutrality <mark>Office</mark>"
    assert {v["value"]: v["count"] for v in data["facets"]["countries"]} == {"PT": 1, "CL": 1}
    suggestions = client.get(reverse("search:api_suggest"), {"q": "illustrative ene"}).json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["Illustrative Energy Transition Office"]
    assert suggestions[0]["type"] == "Member organisation"


@pytest.mark.parametrize("name", ["search:search", "search:api_search", "search:api_suggest"])
def test_when_elasticsearch_is_down_search_answers_503_quickly_and_the_site_keeps_working(
    client, settings, home_page, name
):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"

    started = time.monotonic()
    response = client.get(reverse(name), {"q": "climate office"})
    elapsed = time.monotonic() - started

    assert response.status_code == 503
    assert elapsed < 2
    assert "Search is unavailable at the moment" in response.content.decode()
    assert client.get(reverse("members:directory")).status_code == 200
    assert client.get("/").status_code == 200


def test_when_elasticsearch_does_not_answer_search_gives_up_within_two_seconds(client, settings):
    """A node that accepts connections but never replies (overloaded, half-dead) must not hang the page."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{silent.getsockname()[1]}"

        started = time.monotonic()
        response = client.get(reverse("search:api_search"), {"q": "climate"})

    assert response.status_code == 503
    assert time.monotonic() - started < 2
