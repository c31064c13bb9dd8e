"""A new person signs up, verifies their address from the mailbox, applies, a moderator approves,
and the new member takes part in the forum: starts a topic and hears when someone mentions them."""

import re

import pytest
from playwright.sync_api import expect

from forum.models import Notification, Topic
from lodestar.members.models import MembershipApplication
from tests.browser.helpers import page_for, unread_badge
from tests.forum.factories import CategoryFactory, TopicFactory, add_replies
from tests.members.factories import MembershipApplicationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_sign_up_get_approved_start_a_topic_and_hear_of_a_mention(
    page, browser, live_server, moderator, other_member, tasks, mail
):
    category = CategoryFactory(name="Transport pathways", slug="transport-pathways")
    # The member who will reply has posted before: their replies need no approval.
    add_replies(TopicFactory(category=category, author=other_member), [other_member], 3)

    page.goto("/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Email").fill("walker@example.org")
    page.get_by_label(re.compile(r"^Password")).fill("walk the long road 77")
    page.get_by_label("Confirm password").fill("walk the long road 77")
    page.get_by_role("button", name="Create account").click()
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

    moderator_page = page_for(browser, live_server, moderator)
    moderator_page.goto("/members/applications/")
    application = moderator_page.get_by_role("article", name="Walkers Ministry (illustrative)")
    application.get_by_role("button", name="Approve").click()
    expect(moderator_page.get_by_text("Approved: Walkers Ministry")).to_be_visible()

    page.reload()
    expect(page.get_by_text("You are a member")).to_be_visible()
    page.goto("/members/")
    expect(page.get_by_role("link", name="Walkers Ministry (illustrative)")).to_be_visible()

    # The new member starts a topic; as a newcomer's first post it waits for a moderator.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Forum").click()
    page.get_by_role("link", name="Transport pathways").first.click()
    page.get_by_role("link", name="Start a topic").click()
    page.get_by_label("Title").fill("How did you cost your bus fleet transition?")
    page.get_by_label("Your question or post").fill("We are comparing *battery* and hydrogen buses.")
    page.get_by_label("Tags").fill("transport, buses")
    page.get_by_role("button", name="Start topic").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How did you cost your bus fleet transition?")
    expect(page.get_by_text("Your first posts wait for a moderator")).to_be_visible()
    topic = Topic.objects.get(title="How did you cost your bus fleet transition?")
    assert topic.status == Topic.Status.PENDING

    moderator_page.goto("/forum/moderation/")
    pending = moderator_page.get_by_role("article", name=re.compile("How did you cost your bus fleet"))
    pending.get_by_role("button", name="Approve").click()
    expect(moderator_page.get_by_text("No post is waiting.")).to_be_visible()

    # Another member replies and mentions the new member by their profile name.
    replier_page = page_for(browser, live_server, other_member)
    replier_page.goto(topic.get_absolute_url())
    reply_box = replier_page.get_by_role("textbox", name=re.compile("^Your reply"))
    reply_box.fill("@walker we costed ours per kilometre; happy to share.")
    replier_page.get_by_role("button", name="Post reply").click()
    reply = replier_page.get_by_role("article", name=re.compile("^Reply by"))
    expect(reply.get_by_role("link", name="@walker")).to_be_visible()
    tasks.wait()  # the fan-out of notifications runs on the worker

    # The new member sees the unread count in the header, the notification, and the reply it links to.
    unread = Notification.objects.filter(recipient__email="walker@example.org", read_at=None).count()
    assert unread >= 1
    page.reload()
    expect(unread_badge(page)).to_have_text(f"Notifications {unread} unread")
    unread_badge(page).click()
    notice = page.get_by_role("link", name=re.compile("mentioned you in “How did you cost your bus fleet"))
    expect(notice).to_be_visible()
    notice.click()
    expect(page).to_have_url(re.compile(rf"/forum/t/{topic.pk}/[\w-]+/#post-2$"))
    expect(page.locator("#post-2")).to_contain_text("we costed ours per kilometre")
    expect(unread_badge(page)).to_have_text(
        "Notifications" if unread == 1 else f"Notifications {unread - 1} unread"
    )


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
    page.get_by_label(re.compile(r"^Password")).fill("a long passphrase for tests")
    page.get_by_role("button", name="Log in").click()
    page.goto("/members/applications/")

    assert_accessible(page)
