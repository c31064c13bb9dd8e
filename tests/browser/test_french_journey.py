"""A French-speaking visitor's journey: from the English home page to a case study, all in French.

They choose Français in the language switcher, browse the library, filter it, search, and open a
case study; at each step what they read (headings, buttons, counts, dates, figures) is French, and
every link they follow keeps them under /fr/.
"""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from lodestar.vocabularies.models import Sector
from tests.cases.factories import CaseStudyPageFactory, ToolPageFactory, ensure_library_structure

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Urban transport electrification (illustrative)"


@pytest.fixture
def indexed_library(home_page, search_index):
    library, tools = ensure_library_structure()
    transport, afolu = Sector.objects.get(slug="transport"), Sector.objects.get(slug="afolu")
    CaseStudyPageFactory(
        parent=library,
        title=TITLE,
        slug="urban-transport",
        summary="An illustrative city electrified its buses and taxis on the way to net zero.",
        countries=["CL"],
        sectors=[transport],
        emissions_base_year=2010,
        emissions_base_value=Decimal("12.5"),
        emissions_latest_year=2022,
        emissions_latest_value=Decimal("9.25"),
        emissions_unit="MtCO2e",
        target_type="net-zero-ghg",
        target_year=2050,
        last_reviewed=datetime.date(2026, 5, 12),
    )
    CaseStudyPageFactory(parent=library, title="Rail freight shift (illustrative)", sectors=[transport])
    CaseStudyPageFactory(parent=library, title="Forest restoration (illustrative)", sectors=[afolu])
    ToolPageFactory(parent=tools, title="Transport demand model (illustrative)", sectors=[transport])
    call_command("search_index", "--rebuild", stdout=io.StringIO())
    return library


def test_a_visitor_switches_to_french_browses_filters_searches_and_reads_a_case_study(page, indexed_library):
    # On the English home page, the visitor picks Français in the language switcher.
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("link", name="Parcourir les études de cas")).to_be_visible()
    expect(page.get_by_role("link", name="Browse case studies")).to_have_count(0)

    # The library, with French headings, counts and filters.
    page.get_by_role("link", name="Parcourir les études de cas").click()
    expect(page).to_have_url(re.compile(r"/fr/library/$"))
    expect(page.get_by_role("heading", name="Toutes les études de cas")).to_be_visible()
    expect(page.locator(".results-count")).to_contain_text("3 études de cas")
    filters = page.get_by_role("form", name="Filtrer les études de cas")
    filters.get_by_label("Secteur").select_option("transport")
    filters.get_by_role("button", name="Appliquer").click()
    expect(page).to_have_url(re.compile(r"/fr/library/\?.*sector=transport"))
    expect(page.get_by_role("heading", name="Études de cas correspondantes")).to_be_visible()
    expect(page.locator(".results-count")).to_contain_text("2 études de cas")
    expect(page.locator(".filter-panel__count")).to_have_text("(1 actif)")
    expect(page.get_by_role("link", name="Effacer les filtres")).to_be_visible()

    # A search from the main navigation, with French facets and sorting.
    page.get_by_role("navigation", name="Principal").get_by_role("link", name="Rechercher").click()
    expect(page).to_have_url(re.compile(r"/fr/search/$"))
    search_box = page.get_by_label(re.compile("^Rechercher des études de cas"))
    search_box.fill("transport")
    search_box.press("Enter")
    results_heading = page.get_by_role("heading", name=re.compile(r"^\d+ résultats pour « transport »$"))
    expect(results_heading).to_be_visible()
    expect(page.get_by_text("Filtrer les résultats")).to_be_visible()
    expect(page.get_by_label("Trier par")).to_have_value("relevance")
    expect(page.get_by_label("Trier par").locator("option:checked")).to_have_text("Pertinence")
    page.get_by_label(re.compile(r"^Étude de cas \(\d+\)")).check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    hits = page.locator(".search-hit")
    expect(hits).to_have_count(2)
    expect(hits.first.locator(".search-hit__type")).to_contain_text("Étude de cas")

    # The case study opens in French: its facts, review date, figures and tracker.
    page.locator(".search-hit__title").get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(re.compile(r"/fr/library/urban-transport/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("heading", name="En bref")).to_be_visible()
    expect(page.get_by_text("Relue le 12 mai 2026 par le secrétariat")).to_be_visible()
    expect(page.locator(".facts").first).to_contain_text("Type d’acteur")
    expect(page.locator(".facts").nth(2)).to_contain_text("12,5 MtCO2e")
    expect(page.get_by_role("heading", name=re.compile("^Suivi Lodestar : "))).to_be_visible()
    expect(page.locator("svg.pathway__svg:visible")).to_be_visible()
    expect(page.get_by_text("At a glance")).to_have_count(0)
    page.get_by_role("navigation", name="Fil d’Ariane").get_by_role("link", name="Études de cas").click()
    expect(page).to_have_url(re.compile(r"/fr/library/$"))
