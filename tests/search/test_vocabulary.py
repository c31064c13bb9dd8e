"""Moderators keep the synonym vocabulary; the seeded equivalences are there from the start."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from search.models import SynonymGroup
from search.synonyms import expand

pytestmark = pytest.mark.django_db


def test_the_field_equivalences_are_seeded():
    groups = [group.term_list for group in SynonymGroup.objects.all()]

    net_zero = ["net zero", "carbon neutrality", "climate neutrality", "carbon neutral", "climate neutral"]
    assert net_zero in groups
    assert any({"LT-LEDS", "long-term strategy", "LTS"} <= set(g) for g in groups)
    assert any({"AFOLU", "land use", "agriculture, forestry and other land use"} <= set(g) for g in groups)
    assert ["NDC", "nationally determined contribution"] in groups


def test_a_query_is_expanded_with_each_synonym_of_the_terms_it_contains():
    variants = expand("LT-LEDS of Costa Rica")

    assert "long-term strategy of costa rica" in variants
    assert "lts of costa rica" in variants
    assert expand("landscape") == []  # whole words only: "lts" is not in "landscape"


def test_a_group_needs_two_different_terms():
    group = SynonymGroup(terms="net zero\n  Net   Zero \n")
    with pytest.raises(ValidationError, match="at least two different terms"):
        group.full_clean()
    group = SynonymGroup(terms=" BRT \n\nbus rapid   transit\nBRT")
    group.full_clean()
    assert group.terms == "BRT\nbus rapid transit"


def test_moderators_edit_synonyms_in_the_admin_and_searches_use_them_at_once(
    client, moderator, django_capture_on_commit_callbacks
):
    assert expand("heat network") == []
    client.force_login(moderator)

    listing = client.get(reverse("wagtailsnippets_search_synonymgroup:list"))
    assert listing.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # as the admin's transaction commits
        response = client.post(
            reverse("wagtailsnippets_search_synonymgroup:add"),
            {"terms": "heat network\ndistrict heating", "note": "Same infrastructure."},
        )

    assert response.status_code == 302
    assert "district heating" in expand("heat network")


def test_members_cannot_edit_synonyms(client, member):
    client.force_login(member)

    response = client.get(reverse("wagtailsnippets_search_synonymgroup:list"))

    assert response.status_code in (302, 403)


def test_the_home_page_offers_search(client, home_page):
    soup = BeautifulSoup(client.get("/").content, "html.parser")

    form = soup.find("form", attrs={"role": "search"})
    assert form["action"] == reverse("search:search")
    assert soup.find("label", attrs={"for": "home-search"})


def test_everyday_equivalences_are_seeded_too():
    groups = [set(group.term_list) for group in SynonymGroup.objects.all()]

    assert {"EV", "electric vehicle", "electric car"} in groups
    assert {"tram", "light rail"} <= next(g for g in groups if "tram" in g)
    assert {"retrofit", "renovation"} <= next(g for g in groups if "retrofit" in g)
    assert {"PV", "photovoltaic"} <= next(g for g in groups if "PV" in g)
    assert {"AFOLU", "agriculture", "forestry"} <= next(g for g in groups if "AFOLU" in g)


def test_a_term_is_found_in_other_forms_of_its_words():
    assert "electric vehicle" in expand("electric cars")
    assert "ev charging" in expand("electric car charging")
    assert "renovation homes" in expand("retrofitting homes")


def test_moderators_file_a_forum_category_under_sectors_in_the_admin(client, moderator):
    from forum.models import Category
    from lodestar.vocabularies.models import Sector

    category = Category.objects.create(name="Mobility", slug="mobility")
    transport = Sector.objects.get(slug="transport")
    client.force_login(moderator)
    edit = reverse("wagtailsnippets_forum_category:edit", args=[category.pk])

    form = BeautifulSoup(client.get(edit).content, "html.parser")
    assert form.find("select", attrs={"name": "sectors"}) or form.find("input", attrs={"name": "sectors"})
    response = client.post(
        edit,
        {
            "name": "Mobility",
            "slug": "mobility",
            "description": "",
            "colour": "teal",
            "sort_order": 0,
            "visibility": "public",
            "who_may_start_topics": "members",
            "who_may_reply": "members",
            "sectors": [transport.pk],
        },
    )

    assert response.status_code == 302
    assert list(category.sectors.all()) == [transport]
