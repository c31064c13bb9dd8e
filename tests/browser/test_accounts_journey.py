"""A new person signs up, verifies their address from the mailbox, applies, and a moderator approves."""

import re

import pytest
from playwright.sync_api import expect

from lodestar.members.models import MembershipApplication
from tests.members.factories import MembershipApplicationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_sign_up_verify_apply_and_get_approved(page, browser, live_server, moderator, tasks, mail):
    page.goto("/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Email").fill("walker@example.org")
    page.get_by_label("Password:", exact=True).fill("walk the long road 77")
    page.get_by_label("Password (again)").fill("walk the long road 77")
    page.get_by_role("button", name="Sign Up").click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))

    tasks.wait()
    [message] = mail.to("walker@example.org")
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.text(message)).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    page.get_by_role("link", name="My profile").click()
    page.get_by_role("link", name="Apply for membership").click()
    page.get_by_role("textbox", name=re.compile(r"^Organisation")).fill("Walkers Ministry (illustrative)")
    page.get_by_label("Type of organisation").select_option(label="National government")
    page.get_by_label("Country").select_option(label="Finland")
    page.get_by_label("Why you want to join").fill("I coordinate our long-term strategy.")
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_text("is waiting for review")).to_be_visible()
    assert MembershipApplication.objects.filter(organisation_name="Walkers Ministry (illustrative)").exists()

    moderator_page = browser.new_context(base_url=live_server.url).new_page()
    moderator_page.goto("/accounts/login/")
    moderator_page.get_by_label("Email").fill(moderator.email)
    moderator_page.get_by_label("Password:").fill("a long passphrase for tests")
    moderator_page.get_by_role("button", name="Sign In").click()
    moderator_page.goto("/members/applications/")
    application = moderator_page.get_by_role("article", name="Walkers Ministry (illustrative)")
    application.get_by_role("button", name="Approve").click()
    expect(moderator_page.get_by_text("Approved: Walkers Ministry")).to_be_visible()

    page.reload()
    expect(page.get_by_text("You are a member")).to_be_visible()
    page.goto("/members/")
    expect(page.get_by_role("link", name="Walkers Ministry (illustrative)")).to_be_visible()


@pytest.mark.parametrize("path", ["/", "/accounts/signup/", "/accounts/login/", "/members/"])
def test_public_pages_are_accessible_and_fit_a_phone(
    page, home_page, path, assert_accessible, assert_fits_small_screen
):
    page.goto(path)

    assert_accessible(page)
    assert_fits_small_screen(page)


def test_moderators_review_queue_is_accessible(page, moderator, home_page, assert_accessible):
    MembershipApplicationFactory(organisation_name="Illustrative Queue Check Agency")
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(moderator.email)
    page.get_by_label("Password:").fill("a long passphrase for tests")
    page.get_by_role("button", name="Sign In").click()
    page.goto("/members/applications/")

    assert_accessible(page)
