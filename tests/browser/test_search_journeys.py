"""Visitors find cases and tools across the coalition: search with facets, suggestions by keyboard."""

import csv
import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from lodestar.vocabularies.models import Sector
from tests.cases.factories import CaseStudyPageFactory, ToolPageFactory, ensure_library_structure

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def indexed_library(home_page, search_index):
    """A small library about transport and land use, indexed by a real rebuild."""
    library, tools = ensure_library_structure()
    transport, afolu = Sector.objects.get(slug="transport"), Sector.objects.get(slug="afolu")
    CaseStudyPageFactory(
        parent=library,
        title="Urban transport electrification (illustrative)",
        summary="An illustrative city electrified its buses and taxis on the way to net zero.",
        countries=["CL"],
        sectors=[transport],
        emissions_base_year=2010,
        emissions_base_value=12,
        emissions_latest_year=2022,
        emissions_latest_value=9,
        emissions_unit="MtCO2e",
        target_type="net-zero-ghg",
        target_year=2050,
    )
    CaseStudyPageFactory(
        parent=library,
        title="Rail freight shift (illustrative)",
        summary="Moving freight transport from road to rail.",
        countries=["DE"],
        sectors=[transport],
    )
    CaseStudyPageFactory(
        parent=library, title="Forest restoration (illustrative)", countries=["CR"], sectors=[afolu]
    )
    ToolPageFactory(parent=tools, title="Transport demand model (illustrative)", sectors=[transport])
    call_command("search_index", "--rebuild", stdout=io.StringIO())
    return library


def test_visitor_searches_narrows_by_facets_opens_a_case_and_downloads_the_csv(page, indexed_library):
    page.goto("/")
    # The script turns the search box into a combobox (suggestions); its label stays the same.
    search_box = page.get_by_label(re.compile("^Search case studies"))
    search_box.fill("transport")
    search_box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=transport"))
    expect(page.locator(".search-hit__title")).to_have_count(3)

    page.get_by_label(re.compile(r"^Transport \(\d+\)")).check()
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_label(re.compile(r"^Chile \(1\)")).check()
    page.get_by_role("button", name="Apply filters").click()

    hits = page.locator(".search-hit__title")
    expect(hits).to_have_count(1)
    hits.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Urban transport electrification (illustrative)"
    )
    expect(page.locator("svg.pathway__svg--wide")).to_be_visible()

    page.goto("/library/?sector=transport")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download this list as CSV").click()
    rows = list(csv.reader(io.StringIO(download_info.value.path().read_text())))
    titles = {row[rows[0].index("title")] for row in rows[1:]}
    assert titles == {"Urban transport electrification (illustrative)", "Rail freight shift (illustrative)"}


def test_visitor_reaches_a_tool_with_suggestions_and_the_keyboard_only(page, indexed_library):
    page.goto("/")
    for _ in range(30):  # Tab through the page until the search box has the focus
        if page.evaluate("document.activeElement && document.activeElement.type === 'search'"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "search"

    page.keyboard.type("transport dem")
    option = page.get_by_role("option", name=re.compile("Transport demand model"))
    expect(option).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Transport demand model (illustrative)")
    expect(page).to_have_url(re.compile(r"/tools/"))


def test_search_results_are_accessible_and_fit_a_phone(
    page, indexed_library, assert_accessible, assert_fits_small_screen
):
    page.goto("/search/?q=transport")
    expect(page.locator(".search-hit__title").first).to_be_visible()

    assert_accessible(page)
    assert_fits_small_screen(page)
