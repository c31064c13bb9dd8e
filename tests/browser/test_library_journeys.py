"""The library's review journey in the Wagtail admin: a member submits a case study, the secretariat
asks for changes, approves the resubmission and features it; visitors then find it on the home page."""

import re

import pytest
from playwright.sync_api import Page, expect

from cases.models import CaseStudyPage, FeaturedList
from search.client import indexing_client
from tests.browser.helpers import log_in, page_for
from tests.cases.factories import ensure_library_structure

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Bus rapid transit in a coastal city (illustrative)"


def footer_action(page: Page, name: str) -> None:
    """Click an action of the editor's footer: the first one is a button, the others sit in its menu."""
    button = page.get_by_role("button", name=name, exact=True)
    if not button.is_visible():
        page.get_by_role("button", name="More actions").click()
    button.click()


def choose(page: Page, button: str, item: str) -> None:
    """Pick an item in one of the admin's chooser dialogs (vocabulary terms, pages)."""
    page.get_by_role("button", name=button).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("link", name=item, exact=True).click()
    expect(dialog).to_be_hidden()


def workflow_action_with_comment(page: Page, name: str, comment: str) -> None:
    """Request changes (or approve with a comment): the action asks for the comment in a dialog."""
    footer_action(page, name)
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Comment").fill(comment)
    dialog.get_by_role("button", name=name).click()


def visitor_finds_in_search(page: Page, title: str) -> None:
    """The last step of the journey, "and in search": a visitor searches for the case study's title
    and its result links to it."""
    page.goto("/search/")
    search_box = page.get_by_label(re.compile("^Search case studies"))
    search_box.fill(title)
    search_box.press("Enter")
    expect(page.locator(".search-hit__title").get_by_role("link", name=title)).to_be_visible()


def test_member_submits_a_case_study_moderator_asks_changes_approves_and_features_it(
    page, browser, live_server, home_page, member, moderator, tasks, mail, search_index
):
    library, _ = ensure_library_structure()

    # The member writes a case study in the admin and submits it for review.
    log_in(page, member.email)
    page.goto("/admin/")
    page.goto(f"/admin/pages/{library.pk}/add_subpage/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("A coastal city replaced its diesel buses with a rapid transit line.")
    choose(page, "Choose actor type", "City")
    page.locator("#id_governance_level").select_option(index=1)
    page.locator("#id_countries").select_option(label="Portugal")
    page.get_by_role("checkbox", name="Transport", exact=True).check()
    page.locator("#id_focus").select_option(value="mitigation")
    choose(page, "Choose strategy stage", "Implementing")
    footer_action(page, "Submit to Moderators approval")
    expect(page.get_by_text(re.compile("submitted", re.I)).first).to_be_visible()
    case_study = CaseStudyPage.objects.get(title=TITLE, alias_of__isnull=True)  # not its fr/es copies
    assert not case_study.live

    # The moderator requests changes with a comment; the member reads it in their email.
    moderator_page = page_for(browser, live_server, moderator)
    moderator_page.goto("/admin/")
    moderator_page.get_by_role("link", name=TITLE).first.click()
    comment = "Please add the latest emissions figures."
    workflow_action_with_comment(moderator_page, "Request changes", comment)
    expect(moderator_page.get_by_text(f"Page '{TITLE}' has been updated.").first).to_be_visible()
    tasks.wait()
    [changes] = mail.to(member.email)
    assert comment in mail.text(changes)

    # The member adds the figures and resubmits.
    page.goto(f"/admin/pages/{case_study.pk}/edit/")
    page.locator("#id_emissions_latest_year").fill("2022")
    page.locator("#id_emissions_latest_value").fill("0.41")
    footer_action(page, "Resubmit to Moderators approval")
    expect(page.get_by_text(re.compile("submitted", re.I)).first).to_be_visible()

    # The moderator approves, which publishes it.
    moderator_page.goto(f"/admin/pages/{case_study.pk}/edit/")
    footer_action(moderator_page, "Approve and Publish")
    expect(moderator_page.get_by_text(f"Page '{TITLE}' has been updated.").first).to_be_visible()
    case_study.refresh_from_db()
    assert case_study.live

    # The moderator features it on the home page ("Featured cases" in the admin menu).
    moderator_page.goto("/admin/")
    moderator_page.get_by_role("link", name="Featured cases").click()
    moderator_page.get_by_role("link", name=re.compile("Add featured list")).first.click()
    moderator_page.get_by_role("button", name="Add featured case study").click()
    moderator_page.get_by_role("button", name=re.compile("Choose a page")).click()
    # The chooser opens at the root, one home page per language: the moderator goes to the English
    # library, where the case study is (its French and Spanish copies follow it).
    chooser = moderator_page.locator(".modal")
    chooser.get_by_role("row", name=re.compile("English")).get_by_role("link", name="Explore").click()
    chooser.get_by_role("row", name=re.compile("Library")).get_by_role("link", name="Explore").click()
    chooser.get_by_role("link", name=TITLE).click()
    expect(chooser).to_be_hidden()
    expect(moderator_page.get_by_text(TITLE).first).to_be_visible()
    moderator_page.get_by_role("button", name="Save").click()
    expect(moderator_page.get_by_text(re.compile("created", re.I)).first).to_be_visible()
    assert [entry.case_study_id for entry in FeaturedList.objects.get().entries.all()] == [case_study.pk]

    # A visitor sees it on the home page and opens it.
    visitor = page_for(browser, live_server)
    visitor.goto("/")
    featured = visitor.locator(".case-card").filter(has_text=TITLE)
    expect(featured).to_be_visible()
    featured.get_by_role("link").first.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    # And in search: publishing queued its indexing; once the worker has done it, visitors find it.
    tasks.wait()
    indexing_client().indices.refresh(index=search_index)
    visitor_finds_in_search(visitor, TITLE)
