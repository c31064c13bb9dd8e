"""Search in English, French and Spanish (issue 15, item 4), on the real PostgreSQL, Elasticsearch and worker.

A small library in three languages: documents are indexed in their page's language, queries meet
them through each language's stems, the vocabularies' labels in every language and the seeded
cross-language synonyms, the interface language's documents come first, and the facets name the
terms in the interface language.
"""

import dataclasses
import html

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale, Page

from lodestar.vocabularies.models import VOCABULARIES, ActorType, Sector
from search import maintenance, selectors
from search.documents import read_alias
from search.selectors import SearchRequest, search_content
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure, term
from tests.search.conftest import refresh

pytestmark = [pytest.mark.integration]

BRT = "Bus Rapid Transit Corridor in Quillonville"
TRAM = "Stratégie des transports urbains de Marenne"
BUSES = "Autobuses eléctricos para el transporte urbano de Santa Lucía"
FREIGHT = "Freight Rail Shift in Norvale"
RETROFIT = "Social Housing Retrofit Programme in Brenna"


def body(*paragraphs: str) -> list:
    return [("context", {"text": f"<p>{p}</p>"}) for p in paragraphs]


def titles(query: str, language: str = "en", **filters) -> list[str]:
    refresh()
    request = SearchRequest(query=query, filters={k: tuple(v) for k, v in filters.items()})
    with translation.override(language):
        results = search_content(user=AnonymousUser(), request=request)
    return [html.unescape(str(h.title).replace("<mark>", "").replace("</mark>", "")) for h in results.hits]


def in_locale(page, code: str):
    """The page as a page of `code`'s locale (what a translation in that locale's tree is to search)."""
    locale, _ = Locale.objects.get_or_create(language_code=code)
    Page.objects.filter(pk=page.pk).update(locale=locale)
    return page


@pytest.fixture
def three_languages(db, search_index, home_page):
    library, _ = ensure_library_structure()
    transport, buildings = term(Sector, "transport"), term(Sector, "buildings")
    CaseStudyPageFactory(
        parent=library,
        title=BRT,
        summary="A city replaced its busiest bus routes with a bus rapid transit corridor.",
        body=body("Dedicated lanes cut travel times on the urban transport network by a third."),
        sectors=[transport],
        countries=["CL"],
    )
    CaseStudyPageFactory(
        parent=library,
        title=FREIGHT,
        summary="Moving goods from lorries to electric trains along the river valley.",
        body=body("The operator's freight moved by rail doubled within five years."),
        sectors=[transport],
        actor_type=term(ActorType, "business"),
    )
    CaseStudyPageFactory(
        parent=library,
        title=RETROFIT,
        summary="Insulating and renovating council flats for lower bills.",
        body=body("Tenants stayed in their homes during the works."),
        sectors=[buildings],
    )
    tram = CaseStudyPageFactory(
        parent=library,
        title=TRAM,
        summary="La métropole relie ses quartiers par un tramway et réorganise son réseau de bus.",
        body=body(
            "La stratégie fixe l'objectif de diviser par deux les émissions des déplacements.",
            "L'électrification des bus s'achève en 2030.",
        ),
        sectors=[transport],
        countries=["FR"],
    )
    buses = CaseStudyPageFactory(
        parent=library,
        title=BUSES,
        summary="La ciudad sustituyó su flota de autobuses diésel por autobuses eléctricos.",
        body=body("La estrategia municipal financia la compra con un arrendamiento a largo plazo."),
        sectors=[transport],
        countries=["CR"],
    )
    in_locale(tram, "fr")
    in_locale(buses, "es")
    maintenance.repair(maintenance.check())
    refresh()


def test_documents_are_indexed_in_their_pages_language(three_languages):
    from search.client import indexing_client

    hits = (
        indexing_client()
        .search(index=read_alias(), size=20, source=["title", "language"])
        .body["hits"]["hits"]
    )
    languages = {hit["_source"]["title"]: hit["_source"]["language"] for hit in hits}

    assert languages == {BRT: "en", FREIGHT: "en", RETROFIT: "en", TRAM: "fr", BUSES: "es"}


def test_a_french_query_finds_the_french_case_study_first_and_the_english_one_through_the_vocabulary(
    three_languages,
):
    found = titles("transports urbains", "fr")

    # The French page by its own words; the English BRT case study through the seeded synonym
    # "urban transport" and its sector's French label ("Transports").
    assert found[0] == TRAM
    assert BRT in found
    assert RETROFIT not in found


def test_a_french_word_finds_english_case_studies_filed_under_its_term(three_languages):
    assert titles("bâtiments", "fr") == [RETROFIT]  # the Buildings sector's French label
    assert set(titles("transporte", "es")) == {BRT, FREIGHT, TRAM, BUSES}  # every Transport case study


def test_transporte_finds_every_case_study_of_the_transport_sector_whatever_the_interface(three_languages):
    for language in ("en", "fr", "es"):
        assert set(titles("transporte", language)) == {BRT, FREIGHT, TRAM, BUSES}, language


def test_transporte_urbano_gives_the_spanish_case_study_first_then_the_english_one_on_urban_transport(
    three_languages,
):
    found = titles("transporte urbano", "es")

    assert found[0] == BUSES
    assert BRT in found  # "urban transport network", by the seeded cross-language synonym
    assert RETROFIT not in found and FREIGHT not in found  # not urban


def test_accents_are_folded_in_every_language(three_languages):
    unaccented = titles("strategie transports", "fr")
    assert unaccented == titles("stratégie transports", "fr")
    assert unaccented[0] == TRAM
    assert titles("autobuses electricos", "es")[0] == BUSES == titles("autobuses eléctricos", "es")[0]
    assert titles("electrification des bus", "fr")[0] == TRAM  # "l'électrification": the elision is taken off


def test_each_visitor_sees_their_languages_documents_first_and_still_finds_the_others(three_languages):
    assert titles("Quillonville", "fr") == [BRT]  # an English page for a French visitor
    english, french, spanish = (titles("transport", code) for code in ("en", "fr", "es"))

    assert set(english) == set(french) == set(spanish) == {BRT, FREIGHT, TRAM, BUSES}
    assert french[0] == TRAM
    assert spanish[0] == BUSES
    assert english[0] in {BRT, FREIGHT}


def ranked(response: dict) -> list[tuple[str, float]]:
    return [(hit["_id"], hit["_score"]) for hit in response["hits"]["hits"]]


def test_leaving_out_a_languages_ranking_where_none_of_its_documents_can_match_changes_no_result(
    three_languages,
):
    """A French or Spanish ranking is left out of a search where no document in that language holds
    the query's words (QueryPlan.ranks_in): the results, their order and their scores stay those of
    the search with every language's ranking in."""
    refresh()
    audiences = ["public"]
    pruned = 0
    for query, language in [
        # Labels that only English documents carry (in every language's stems field): no French
        # or Spanish document holds them, so both rankings are left out.
        ("buildings", "en"),
        ("Chile", "fr"),
        ("business freight", "es"),
        ("transport strategy", "en"),  # the French and Spanish documents hold these: both kept
        ("estrategia", "es"),
        ("transports urbains", "fr"),
    ]:
        with translation.override(language):
            plan, variants = selectors.prepare_query(query, audiences)
            every_language = dataclasses.replace(plan, held_in_own_language=plan.known_translated)
            request = SearchRequest(query=query)
            bodies = [
                selectors.build_body(request, audiences=audiences, page=1, plan=p, variants=variants)
                for p in (plan, every_language)
            ]
            found, full = (ranked(selectors.run_search(**b)) for b in bodies)
        pruned += bodies[0] != bodies[1]
        assert found, query
        assert found == full, query
    assert pruned >= 2  # the queries above did leave rankings out


def test_an_alias_page_is_not_a_document_of_its_own(three_languages, home_page):
    original = Page.objects.get(title=BRT).specific
    library = original.get_parent()
    french, _ = Locale.objects.get_or_create(language_code="fr")
    with transaction.atomic():
        alias = original.create_alias(parent=library, update_slug="brt-alias", update_locale=french)
    assert alias.alias_of_id == original.pk
    maintenance.repair(maintenance.check())

    assert titles("Quillonville", "fr") == [BRT]


def test_facets_name_the_terms_in_the_interface_language(
    three_languages, client, django_assert_max_num_queries
):
    def facet_labels(path: str) -> set[str]:
        page = BeautifulSoup(client.get(path, {"q": "transporte"}).content, "html.parser")
        return {
            " ".join(label.get_text(" ", strip=True).rsplit(" ", 1)[:-1])
            for label in page.select(".facet label")
        }

    with django_assert_max_num_queries(6):  # as the English page: the labels come with the terms
        spanish = facet_labels("/es/search/")
    english = facet_labels("/search/")
    french = facet_labels("/fr/search/")

    assert {"Transporte", "Ciudad", "Empresa", "Costa Rica", "Francia"} <= spanish
    assert {"Transport", "City", "Business", "France"} <= english
    assert {"Transports", "Ville", "Entreprise"} <= french
    assert "Transporte" not in english


@override_settings(VISITOR_PAGE_CACHE_SECONDS=300)
def test_the_visitors_cache_keeps_each_languages_search_page_apart(three_languages, client):
    spanish = client.get("/es/search/", {"q": "transporte"})
    english = client.get("/search/", {"q": "transporte"})
    again = client.get("/es/search/", {"q": "transporte"})

    assert english["X-Visitor-Cache"] == "miss"
    assert again["X-Visitor-Cache"] == "hit"
    assert "Ciudad" in spanish.content.decode() and "Ciudad" in again.content.decode()
    assert "Ciudad" not in english.content.decode()


# --- The vocabularies' labels ------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_seeded_term_has_a_french_and_a_spanish_name_and_definition():
    for vocabulary in VOCABULARIES:
        for term_ in vocabulary.objects.all():
            assert term_.name_fr and term_.name_es and term_.definition_fr and term_.definition_es, term_.slug


@pytest.mark.django_db
def test_a_term_is_shown_in_the_interface_language_and_in_english_where_untranslated():
    city = term(ActorType, "city")
    with translation.override("es"):
        assert (city.label, str(city)) == ("Ciudad", "Ciudad")
        assert city.localized_definition == "Un municipio o una autoridad metropolitana."
    city.name_es = ""
    with translation.override("es"):
        assert city.label == "City"
    with translation.override("fr"):
        assert city.label == "Ville"
    assert city.label == "City"


@pytest.mark.django_db
def test_the_glossary_shows_names_and_definitions_in_the_interface_language(client, home_page):
    ensure_library_structure()
    page = BeautifulSoup(client.get("/fr/glossary/").content, "html.parser")
    terms = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True) for dt in page.select("dt")
    }

    assert terms["Transports"].startswith("Déplacement des personnes et des marchandises")
    assert "Tarification du carbone" in terms


# --- Through the worker --------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_moderators_new_translation_of_a_term_is_searchable_once_the_worker_indexed_it(
    search_index, tasks, home_page
):
    library, _ = ensure_library_structure()
    CaseStudyPageFactory(parent=library, title=FREIGHT, sectors=[term(Sector, "transport")])
    tasks.wait()
    assert titles("movilidad", "es") == []

    transport = term(Sector, "transport")
    transport.name_es = "Transporte y movilidad"
    with transaction.atomic():
        transport.save()
    tasks.wait()

    assert titles("movilidad", "es") == [FREIGHT]


@pytest.mark.django_db
def test_moderators_translate_a_term_in_its_snippet_editor(client, moderator):
    from django.urls import reverse

    city = term(ActorType, "city")
    client.force_login(moderator)
    url = reverse("wagtailsnippets_vocabularies_actortype:edit", args=[city.pk])
    form = BeautifulSoup(client.get(url).content, "html.parser")
    assert form.select_one('input[name="name_fr"]')["value"] == "Ville"

    response = client.post(
        url,
        {
            "name": city.name,
            "slug": city.slug,
            "definition": city.definition,
            "sort_order": city.sort_order,
            "name_fr": "Ville ou métropole",
            "definition_fr": city.definition_fr,
            "name_es": "",
            "definition_es": "",
        },
    )

    assert response.status_code == 302
    city.refresh_from_db()
    with translation.override("fr"):
        assert city.label == "Ville ou métropole"
    with translation.override("es"):
        assert (city.label, city.localized_definition) == ("City", city.definition)  # blank: the English


def test_the_librarys_filters_offer_the_terms_in_the_interface_language(three_languages, client):
    page = BeautifulSoup(client.get("/es/library/").content, "html.parser")
    options = {option.get_text(strip=True).rsplit(" (", 1)[0] for option in page.select("select option")}

    assert {"Transporte", "Edificios", "Ciudad"} <= options  # each with its count, "Transporte (4)"


@pytest.mark.django_db
def test_on_the_demo_library_transporte_urbano_finds_the_city_transport_cases(demo_content):
    """Issue 15's walk-through: a Spanish practitioner's search on the (English) demo content."""
    found = titles("transporte urbano", "es")
    in_english = titles("urban transport", "en")

    # The demo translated the bus fleet case into Spanish: Spanish readers get that version.
    assert "Electrificación de la flota de autobuses en una ciudad metropolitana" in found[:3]
    assert "Bus fleet electrification in a metropolitan city" in in_english
    assert "Bus fleet electrification in a metropolitan city" not in found
    assert len(found) == len(in_english)  # the same pages as in English, each in one version


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_translated_case_study_is_found_once_in_each_readers_language(search_index, tasks, home_page):
    """Publishing a translation swaps which version French readers find; unpublishing swaps it back."""
    from cases.demo import translate_page

    library, _ = ensure_library_structure()
    with transaction.atomic():
        page = CaseStudyPageFactory(parent=library, title="Harbour ferries go electric", live=False)
        page.save_revision().publish()
    tasks.wait()
    assert titles("ferries", "fr") == ["Harbour ferries go electric"], "no French version: the original"

    with transaction.atomic():
        french = translate_page(
            page, "fr", {"Harbour ferries go electric": "Les ferries du port passent à l'électrique"}
        )
    tasks.wait()
    assert titles("ferries", "en") == ["Harbour ferries go electric"]
    assert titles("ferries", "fr") == ["Les ferries du port passent à l'électrique"]
    assert titles("ferries", "es") == ["Harbour ferries go electric"], "no Spanish version: the original"

    with transaction.atomic():
        Page.objects.get(pk=french.pk).specific.unpublish()
    tasks.wait()
    assert titles("ferries", "fr") == ["Harbour ferries go electric"]


@pytest.mark.django_db
def test_on_the_demo_library_electric_cars_in_french_and_spanish_find_what_electric_cars_finds(
    demo_content,
):
    in_english = titles("electric cars", "en")

    assert "Municipal fleet electrification calculator" in in_english
    assert titles("voitures électriques", "fr") == in_english  # none of them is translated into French
    # (The Spanish version of the bus fleet case, which Spanish readers get, never names the cars.)
    assert "Municipal fleet electrification calculator" in titles("coches eléctricos", "es")
