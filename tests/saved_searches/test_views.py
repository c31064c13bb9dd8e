"""Saving and managing saved searches through the pages: who may, what bad input gets, query counts."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from lodestar.vocabularies.models import ActorType, Sector, StrategyStage
from saved_searches.models import SavedSearch
from tests.cases.factories import ensure_library_structure
from tests.members.factories import make_member

pytestmark = pytest.mark.django_db


def save(client, **data):
    return client.post("/saved-searches/save/", {"frequency": "weekly", **data})


def test_a_member_saves_a_search_with_its_filters_and_a_name_that_is_their_own(client):
    member, other = make_member(), make_member()
    SavedSearch.objects.create(owner=other, name="Heat", query="district heating")
    client.force_login(member)

    response = save(client, name="Heat", q="district heating", sectors=["energy-supply", "buildings"])

    assert response.status_code == 302
    saved = SavedSearch.objects.get(owner=member)
    assert saved.filters == {"sectors": ["energy-supply", "buildings"]}
    assert saved.filter_labels == {"sectors": {"energy-supply": "Energy supply", "buildings": "Buildings"}}
    assert saved.frequency == "weekly"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "q": "heat"}, "This field is required."),
        ({"name": "x" * 101, "q": "heat"}, "at most 100 characters"),
        ({"name": "Nothing", "q": ""}, "Search for some words or choose a filter"),
        (
            {"name": "Bad filter", "q": "heat", "sectors": "<script>"},
            "A filter value in the address is not valid",
        ),
        ({"name": "Long", "q": "heat " * 60}, "please use at most 200 characters"),
        ({"name": "Often", "q": "heat", "frequency": "hourly"}, "Select a valid choice"),
    ],
)
def test_bad_input_is_a_400_with_the_reason_and_saves_nothing(client, data, message):
    client.force_login(make_member())
    response = save(client, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert SavedSearch.objects.count() == 0


def test_a_taken_name_and_a_full_list_are_refused_with_a_message(client, settings):
    settings.SAVED_SEARCH_LIMIT = 2
    member = make_member()
    client.force_login(member)
    assert save(client, name="Heat", q="heat").status_code == 302

    taken = save(client, name="Heat", q="other words")
    assert taken.status_code == 400
    assert "You already have a saved search called “Heat”" in taken.content.decode()

    assert save(client, name="Buses", q="buses").status_code == 302
    full = save(client, name="Trams", q="trams")
    assert full.status_code == 400
    assert "You have 2 saved searches, the most one can keep" in full.content.decode()
    assert list(SavedSearch.objects.filter(owner=member).values_list("query", flat=True)) == ["buses", "heat"]


def test_visitors_are_sent_to_sign_in_and_non_members_are_refused(client, registered_user):
    response = save(client, name="Heat", q="heat")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert client.get("/saved-searches/").status_code == 302

    client.force_login(registered_user)
    assert save(client, name="Heat", q="heat").status_code == 403
    assert client.get("/saved-searches/").status_code == 403
    assert SavedSearch.objects.count() == 0


def test_only_the_owner_runs_changes_or_deletes_a_saved_search(client):
    owner, other = make_member(), make_member()
    saved = SavedSearch.objects.create(owner=owner, name="Heat", query="heat", frequency="daily")
    client.force_login(other)
    assert client.get(f"/saved-searches/{saved.pk}/").status_code == 404
    assert client.post(f"/saved-searches/{saved.pk}/delete/").status_code == 404
    assert (
        client.post(f"/saved-searches/{saved.pk}/alerts/", {f"s{saved.pk}-frequency": "never"}).status_code
        == 404
    )
    assert client.get("/saved-searches/").content.decode().count("Heat") == 0
    assert SavedSearch.objects.get(pk=saved.pk).frequency == "daily"

    client.force_login(owner)
    bad = client.post(f"/saved-searches/{saved.pk}/alerts/", {f"s{saved.pk}-frequency": "hourly"})
    assert bad.status_code == 400
    changed = client.post(f"/saved-searches/{saved.pk}/alerts/", {f"s{saved.pk}-frequency": "never"})
    assert changed.status_code == 302
    assert SavedSearch.objects.get(pk=saved.pk).frequency == "never"
    assert client.get("/saved-searches/999999/").status_code == 404
    assert client.post(f"/saved-searches/{saved.pk}/delete/").status_code == 302
    assert not SavedSearch.objects.filter(pk=saved.pk).exists()
    assert client.get(f"/saved-searches/{saved.pk}/delete/").status_code == 405


def _many(owner, count: int) -> None:
    sectors, stages, actors = (
        list(Sector.objects.all()),
        list(StrategyStage.objects.all()),
        list(ActorType.objects.all()),
    )
    for i in range(count):
        SavedSearch.objects.create(
            owner=owner,
            name=f"Search {i}",
            query=f"words {i}",
            filters={
                "sectors": [sectors[i % len(sectors)].slug],
                "strategy_stage": [stages[i % len(stages)].slug],
                "actor_type": [actors[i % len(actors)].slug, "gone-term"],
                "countries": ["PT"],
                "content_type": ["case_study"],
            },
            filter_labels={"actor_type": {"gone-term": "Gone term"}},
        )


def test_the_list_costs_the_same_queries_for_two_or_twenty_saved_searches(
    client, django_assert_max_num_queries
):
    member = make_member()
    client.force_login(member)
    _many(member, 2)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/saved-searches/").status_code == 200
    for i in range(2, 20):
        SavedSearch.objects.create(
            owner=member, name=f"More {i}", query="x", filters={"sectors": ["transport"]}
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/saved-searches/")
    page = BeautifulSoup(response.content, "html.parser")
    assert len(page.select(".saved-search")) == 20
    assert "Actor type “Gone term” no longer exists" in response.content.decode()


def test_the_list_labels_every_control_and_writes_only_by_post(client):
    member = make_member()
    SavedSearch.objects.create(owner=member, name="Heat <b>pumps</b>", query="heat")
    client.force_login(member)
    page = BeautifulSoup(client.get("/saved-searches/").content, "html.parser")
    assert "<b>pumps</b>" not in str(page.select_one(".saved-search__name"))
    for control in page.select("main select, main input:not([type=hidden])"):
        assert page.select_one(f"label[for={control['id']}]") is not None
    for form in page.select("main form"):
        assert form["method"] == "post"
        assert form.select_one("input[name=csrfmiddlewaretoken]") is not None


@override_settings(VISITOR_PAGE_CACHE_SECONDS=0)
def test_the_library_listing_offers_to_save_its_filters_as_a_search(client, home_page, search_index):
    ensure_library_structure()
    visitor = BeautifulSoup(client.get("/library/?sector=energy-supply").content, "html.parser")
    box = visitor.select_one(".save-search")
    assert box.select_one("form") is None
    assert box.select_one("a")["href"].startswith("/accounts/login/?next=")

    member = make_member()
    client.force_login(member)
    page = BeautifulSoup(client.get("/library/?sector=energy-supply&stage=adopted").content, "html.parser")
    hidden = sorted(
        (i["name"], i["value"])
        for i in page.select(".save-search form input[type=hidden]")
        if i["name"] != "csrfmiddlewaretoken"
    )
    assert hidden == [
        ("content_type", "case_study"),
        ("sectors", "energy-supply"),
        ("strategy_stage", "adopted"),
    ]
    assert page.select_one("label[for=save-search-name]") is not None

    response = save(client, name="Adopted energy cases", **dict(hidden))
    assert response.status_code == 302
    saved = SavedSearch.objects.get(owner=member)
    assert saved.filters == {
        "content_type": ["case_study"],
        "sectors": ["energy-supply"],
        "strategy_stage": ["adopted"],
    }
    assert saved.filter_labels["strategy_stage"] == {"adopted": "Adopted"}


def test_saved_searches_are_in_the_members_data_download_and_go_with_the_account(client, home_page):
    member, other = make_member(), make_member()
    SavedSearch.objects.create(
        owner=member, name="Heat", query="district heating", filters={"sectors": ["buildings"]}
    )
    SavedSearch.objects.create(owner=other, name="Someone else's", query="buses")
    client.force_login(member)

    data = client.get("/members/my-data.json").json()
    assert [(s["name"], s["query"], s["filters"]) for s in data["saved_searches"]] == [
        ("Heat", "district heating", {"sectors": ["buildings"]})
    ]

    client.post("/members/delete-account/", {"confirm": "DELETE"})
    assert list(SavedSearch.objects.values_list("name", flat=True)) == ["Someone else's"]
