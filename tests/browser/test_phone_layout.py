"""A phone, 375 px wide, on the demo content: search results and a case study's key facts within
reach of the top, the filters behind a button that works from the keyboard (and open on a wide
screen), touch targets of at least 24 x 24 px (WCAG 2.5.8), and the first card's image fetched at
once while the others wait."""

import re

import pytest
from playwright.sync_api import expect

from cases.models import CaseStudyPage
from tests.browser.test_accessibility import richest

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 375, "height": 800}
WIDE = {"width": 1280, "height": 900}
FIRST_SCREEN = 700  # px from the top of the page: what a phone shows before any scrolling
TARGET = 24  # px, WCAG 2.2 success criterion 2.5.8 (minimum target size)


def top_of(locator) -> float:
    """Where the element starts, in px from the top of the page."""
    return locator.evaluate("element => element.getBoundingClientRect().top + window.scrollY")


def undersized(locator) -> list[str]:
    """The visible elements matched whose box is less than 24 px wide or high, with their size."""
    return locator.evaluate_all(
        """(elements, target) => elements
            .filter(e => e.getClientRects().length > 0)
            .map(e => [e, e.getBoundingClientRect()])
            .filter(([e, box]) => box.width < target || box.height < target)
            .map(([e, box]) => `${(e.textContent || e.name || e.id).trim().slice(0, 40)}: `
                + `${Math.round(box.width)} x ${Math.round(box.height)} px`)""",
        TARGET,
    )


def tab_to(page, locator, limit: int = 200) -> None:
    """Press Tab until the element has the focus, as a keyboard user reaches it."""
    for _ in range(limit):
        if locator.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {locator}")


def results_come_first_and_the_filters_open_from_the_keyboard(page):
    page.set_viewport_size(PHONE)
    page.goto("/search/?q=energy")
    toggle = page.locator("summary", has_text="Filter results")
    facet = page.get_by_label(re.compile(r"^Case study \(\d+\)"))
    expect(toggle).to_have_text("Filter results")  # no filter on yet
    expect(facet).to_be_hidden()
    first_hit = page.locator(".search-hit").first
    assert top_of(first_hit) < FIRST_SCREEN, "the first result is below the first screen"
    assert top_of(toggle) < top_of(first_hit), "the filters' button is not above the results"

    tab_to(page, toggle)
    page.keyboard.press("Enter")
    expect(facet).to_be_visible()
    tab_to(page, facet)
    page.keyboard.press("Space")
    expect(facet).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Apply filters"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"content_type=case_study"))
    expect(toggle).to_have_text("Filter results (1 active)")
    expect(page.get_by_label(re.compile(r"^Case study \(\d+\)"))).to_be_hidden()
    assert top_of(page.locator(".search-hit").first) < FIRST_SCREEN
    assert {text.split(" · ")[0] for text in page.locator(".search-hit__type").all_inner_texts()} == {
        "Case study"
    }

    # The library's filters work the same way, and say which are on. Unfiltered, the featured
    # cards come first, in one row, so the listing's filters still follow within reach.
    page.goto("/library/")
    assert page.locator(".featured .case-card").count() > 1
    assert top_of(page.locator("summary", has_text="Filter case studies")) < 1200
    page.goto("/library/?sector=energy-supply")
    library_toggle = page.locator("summary", has_text="Filter case studies")
    expect(library_toggle).to_have_text("Filter case studies (1 active)")
    expect(page.get_by_label("Sector", exact=True)).to_be_hidden()
    library_toggle.click()
    expect(page.get_by_label("Sector", exact=True)).to_have_value("energy-supply")

    # A wide screen has room for them: open from the start, beside the results.
    page.set_viewport_size(WIDE)
    page.goto("/search/?q=energy")
    expect(page.get_by_label(re.compile(r"^Case study \(\d+\)"))).to_be_visible()
    page.goto("/library/")
    expect(page.get_by_label("Sector", exact=True)).to_be_visible()


def a_case_studys_key_facts_are_near_the_top(page):
    case_study = richest(CaseStudyPage.objects, "milestones", "documents", "related_tools")
    page.set_viewport_size(PHONE)
    page.goto(case_study.url)
    facts = page.get_by_role("heading", name="At a glance")
    expect(facts).to_be_visible()
    assert top_of(facts) < 1000, f"'At a glance' starts {top_of(facts):.0f} px down"
    # Read in the same order: the key facts come before the story, not after it.
    assert top_of(facts) < top_of(page.get_by_role("heading", name="Pathway"))

    page.set_viewport_size(WIDE)
    facts_box = page.locator(".case__facts").bounding_box()
    story_box = page.locator(".case__main").bounding_box()
    assert facts_box["x"] > story_box["x"] + story_box["width"], "the facts are not beside the story"


def touch_targets_are_at_least_24_px(page):
    page.set_viewport_size(PHONE)
    page.goto("/accounts/login/")
    forgot = page.get_by_role("link", name="Forgot your password?")
    box = forgot.bounding_box()
    assert box["height"] >= TARGET and box["width"] >= TARGET, f"'Forgot your password?' is {box}"
    assert undersized(page.locator("main input[type=checkbox], main button")) == []
    assert undersized(page.locator("header a, header button")) == []

    page.goto("/search/?q=energy")
    page.locator("summary", has_text="Filter results").click()
    assert page.locator(".facet input[type=checkbox]").count() > 5
    assert undersized(page.locator(".facet input[type=checkbox]")) == []
    assert undersized(page.locator(".filter-panel summary, .search-facets__actions button")) == []
    expect(page.get_by_role("navigation", name="Result pages").get_by_role("link")).to_have_count(1)
    assert undersized(page.get_by_role("navigation", name="Result pages").get_by_role("link")) == []

    page.goto("/forum/")
    tags = page.locator(".tag-list a")
    assert tags.count() > 0
    assert undersized(tags) == []


def the_first_card_image_loads_at_once_and_the_others_lazily(page):
    page.set_viewport_size(PHONE)
    for path in ("/", "/library/"):
        page.goto(path)
        images = page.locator(".case-card__image")
        assert images.count() > 1
        first = images.first
        assert first.get_attribute("fetchpriority") == "high"
        assert first.get_attribute("loading") in (None, "eager")
        assert first.get_attribute("width") and first.get_attribute("height")
        assert {images.nth(n).get_attribute("loading") for n in range(1, images.count())} == {"lazy"}
        assert first.evaluate("image => image.complete && image.naturalWidth > 0")


def test_a_phone_reader_gets_results_and_key_facts_first_and_targets_big_enough(page, demo_content):
    # One demo site for every check: loading and indexing it is most of the time a check takes.
    results_come_first_and_the_filters_open_from_the_keyboard(page)
    a_case_studys_key_facts_are_near_the_top(page)
    touch_targets_are_at_least_24_px(page)
    the_first_card_image_loads_at_once_and_the_others_lazily(page)
