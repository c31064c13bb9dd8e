"""Forum journeys in a real browser: moderation of a flagged post, and no injected script ever runs."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from forum import services
from forum.models import Post
from tests.browser.helpers import log_in, page_for
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure
from tests.forum.factories import CategoryFactory, TopicFactory, add_replies
from tests.forum.safety import unsafe_parts

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAYLOADS = [
    line
    for line in (Path(__file__).resolve().parents[1] / "data" / "xss-payloads.txt").read_text().splitlines()
    if line.strip()
]


def test_a_flagged_post_hidden_from_the_queue_disappears_for_visitors(
    page, browser, live_server, member, other_member, moderator
):
    topic = TopicFactory(
        category=CategoryFactory(name="Finance and investment"),
        author=member,
        title="Which green bond frameworks did you follow?",
    )
    [rude] = add_replies(topic, [other_member], 1, body="Buy cheap watches at example.org, best prices")
    visitor = page_for(browser, live_server)
    visitor.goto(topic.get_absolute_url())
    expect(visitor.get_by_text("Buy cheap watches")).to_be_visible()

    # A member flags the reply.
    log_in(page, member.email)
    page.goto(topic.get_absolute_url())
    page.locator(f"#post-{rude.position}").get_by_role("link", name="Flag").click()
    page.get_by_label("Spam or advertising").check()
    page.get_by_label("Anything to add?").fill("An advert for watches.")
    page.get_by_role("button", name="Send flag").click()
    expect(page.get_by_text("A moderator will look at this post")).to_be_visible()

    # A moderator hides it from the queue, giving a reason.
    moderator_page = page_for(browser, live_server, moderator)
    moderator_page.goto("/forum/moderation/")
    expect(moderator_page.get_by_role("heading", name="Flagged posts (1)")).to_be_visible()
    card = moderator_page.get_by_role("article", name="Which green bond frameworks did you follow?")
    expect(card).to_contain_text("An advert for watches.")
    card.get_by_label("Reason for hiding").fill("Advertising is not allowed here.")
    card.get_by_role("button", name="Hide post").click()
    expect(moderator_page.get_by_role("heading", name="Flagged posts (0)")).to_be_visible()
    expect(moderator_page.get_by_text("No open flag.")).to_be_visible()

    # Visitors (and other members) no longer see it; the question is still there.
    visitor.reload()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(topic.title)
    expect(visitor.get_by_text("What worked for you?")).to_be_visible()
    expect(visitor.get_by_text("Buy cheap watches")).to_have_count(0)
    page.reload()
    expect(page.get_by_text("Buy cheap watches")).to_have_count(0)
    rude.refresh_from_db()
    assert rude.status == Post.Status.HIDDEN


# --- Injected script ---------------------------------------------------------------------------

# Runs before any script of the page: a payload that manages to call alert(), confirm() or prompt()
# leaves a mark even when the dialog is dismissed, and the variants below set a global directly.
TRAP = """
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  const original = window[name];
  window[name] = function (...args) { window.__lodestarXssRan = name; return original.apply(this, args); };
}
"""
MARK = "window.__lodestarXss=1"


def with_mark(payload: str) -> str:
    """The payload with every call it would make replaced by setting a global (no dialog needed)."""
    return re.sub(r"alert\([^)]*\)|msgbox\([^)]*\)", MARK, payload)


class ScriptWatch:
    """Everything on a page that would show injected script running."""

    def __init__(self, page: Page):
        self.page = page
        self.problems: list[str] = []
        page.add_init_script(TRAP)
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: page error {error}"))
        page.on("console", self._console)

    def _dialog(self, dialog):
        self.problems.append(f"{self.page.url}: a {dialog.type} dialog opened: {dialog.message!r}")
        dialog.dismiss()

    def _console(self, message):
        # Errors include the Content-Security-Policy's refusals: a payload the sanitiser let through
        # is a failure even when the CSP then stops it.
        if message.type == "error":
            self.problems.append(f"{self.page.url}: console error {message.text!r}")

    def visit(self, url: str) -> None:
        response = self.page.goto(url)
        assert response.ok, f"{url} answered {response.status}"
        self.check()

    def check(self) -> None:
        self.page.wait_for_load_state("load")
        ran = self.page.evaluate("[window.__lodestarXss, window.__lodestarXssRan]")
        if ran != [None, None]:
            self.problems.append(f"{self.page.url}: a payload ran ({ran})")
        # The DOM as Chromium parsed it (mutation XSS shows here, not in the server's string).
        for html in self.page.eval_on_selector_all(".post-body", "nodes => nodes.map(n => n.innerHTML)"):
            self.problems.extend(f"{self.page.url}: {part}" for part in unsafe_parts(html))


def test_no_xss_payload_runs_where_forum_posts_are_shown(
    page, browser, live_server, member, moderator, tasks, assert_fits_small_screen
):
    library, _ = ensure_library_structure()
    category = CategoryFactory(name="Open exchange", slug="open-exchange")
    slug = member.profile.slug
    replies_topic = services.topic_create(
        author=moderator, category=category, title="Payloads as replies", body="Replies follow."
    )

    # A few through the real forms (a moderator: no newcomer limits, no rate limit).
    moderator_page = page_for(browser, live_server, moderator)
    moderator_page.goto(replies_topic.get_absolute_url())
    for payload in PAYLOADS[:3]:
        moderator_page.get_by_role("textbox", name=re.compile("^Your reply")).fill(payload)
        moderator_page.get_by_role("button", name="Post reply").click()
        expect(moderator_page.get_by_role("heading", level=1)).to_have_text("Payloads as replies")
    moderator_page.goto(category.get_absolute_url())
    moderator_page.get_by_role("link", name="Start a topic").click()
    moderator_page.get_by_label("Title").fill(PAYLOADS[0])
    moderator_page.get_by_label("Your question or post").fill(f"{PAYLOADS[1]}\n\n@{slug}")
    moderator_page.get_by_label("Tags").fill("xss")
    moderator_page.get_by_role("button", name="Start topic").click()
    expect(moderator_page.get_by_role("heading", level=1)).to_have_text(PAYLOADS[0])

    # The rest through the same services the forms call, then rendered in the browser.
    replies = [*PAYLOADS[3:], *(with_mark(p) for p in PAYLOADS)]
    for body in replies:
        services.post_create(author=moderator, topic=replies_topic, body=body)
    for payload in PAYLOADS[1:]:
        services.topic_create(
            author=moderator,
            category=category,
            title=payload[:200],
            body=f"{with_mark(payload)}\n\n@{slug}",  # the mention puts the title in a notification
            tags=[payload[:50].replace(",", " ")],
        )
    case_study = CaseStudyPageFactory(parent=library, title="Discussed with payloads")
    discussion = services.topic_create(
        author=moderator, category=category, title="Discussion: payloads", body="Opening.", page=case_study
    )
    for payload in PAYLOADS[-3:]:
        services.post_create(author=moderator, topic=discussion, body=payload)
    raw_replies = list(replies_topic.posts.filter(position__gt=1).order_by("position")[: len(PAYLOADS)])
    for post in raw_replies:
        services.flag_create(post=post, user=member, reason="other", detail=post.body[:500])
    tasks.wait()  # notifications of the mentions are made by the worker

    watch = ScriptWatch(page)
    log_in(page, member.email)
    watch.check()
    replies_topic.refresh_from_db()
    shown = 0
    pages = -(-(replies_topic.last_position) // 20)
    for number in range(1, pages + 1):
        watch.visit(f"{replies_topic.get_absolute_url()}?page={number}")
        shown += page.locator("article.post").count()
        assert_fits_small_screen(page)  # long unbroken payloads must wrap on a phone
    assert shown == replies_topic.last_position == 1 + 3 + len(replies)
    for topic in category.topics.exclude(pk__in=[replies_topic.pk]):
        watch.visit(topic.get_absolute_url())
        if len(topic.title) == max(len(p) for p in PAYLOADS):
            assert_fits_small_screen(page)
    for post in raw_replies[::7]:
        watch.visit(f"/forum/p/{post.pk}/")
        expect(page.locator(f"#post-{post.position}")).to_be_visible()
        watch.visit(f"/forum/p/{post.pk}/flag/")
    watch.visit("/forum/")
    watch.visit(f"{category.get_absolute_url()}?page=1")
    assert_fits_small_screen(page)
    watch.visit(f"{category.get_absolute_url()}?page=2")
    watch.visit("/forum/tags/xss/")
    watch.visit("/forum/notifications/")
    assert_fits_small_screen(page)
    mentions = page.get_by_role("link", name=re.compile("mentioned you in"))
    assert mentions.count() == min(30, len(PAYLOADS))
    watch.visit("/forum/notifications/?page=2")
    watch.visit(case_study.url)
    expect(page.get_by_role("heading", name="Discussion")).to_be_visible()
    assert page.locator(".page-discussion .post-body").count() == 3

    moderator_watch = ScriptWatch(moderator_page)
    moderator_watch.visit("/forum/moderation/")
    assert moderator_page.locator("article.review-card").count() == len(PAYLOADS)
    assert_fits_small_screen(moderator_page)
    moderator_watch.visit(f"/forum/p/{raw_replies[0].pk}/hide/")
    moderator_watch.visit("/forum/moderation/log/")

    assert watch.problems + moderator_watch.problems == []
