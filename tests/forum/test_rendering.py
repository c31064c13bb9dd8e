from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forum.rendering import render_markdown
from tests.forum.factories import TopicFactory
from tests.forum.safety import unsafe_parts

PAYLOADS = [
    line
    for line in (Path(__file__).resolve().parent.parent / "data" / "xss-payloads.txt")
    .read_text()
    .splitlines()
    if line.strip()
]


def test_the_payload_list_is_the_full_list():
    assert len(PAYLOADS) == 35


@pytest.mark.parametrize("payload", PAYLOADS)
def test_xss_payload_renders_without_script_handlers_dangerous_urls_or_style(payload):
    html = render_markdown(payload).html
    assert unsafe_parts(html) == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_xss_payload_embedded_in_markdown_is_still_safe(payload):
    markdown = f"# Title\n\nA [link](https://example.org).\n\n> {payload}\n\n- {payload}\n\n{payload}"
    assert unsafe_parts(render_markdown(markdown).html) == []


@pytest.mark.django_db
def test_every_payload_posted_through_the_site_shows_safely_on_the_topic_page(
    client, member, category, forum_settings
):
    forum_settings.FORUM_REPLY_RATE = "100/h"
    topic = TopicFactory(category=category, author=member)
    client.force_login(member)
    for payload in PAYLOADS:
        response = client.post(
            f"/forum/t/{topic.pk}/reply/", {"body": f"{payload}\n\n(sent at {id(payload)})"}
        )
        assert response.status_code == 302, payload
    page = client.get(f"/forum/t/{topic.pk}/{topic.slug}/?page=1")
    bodies = BeautifulSoup(page.content, "html.parser").select(".post-body")
    assert len(bodies) == 20  # the question and the first 19 payloads on page 1
    for page_number in (1, 2):
        page = client.get(f"/forum/t/{topic.pk}/{topic.slug}/?page={page_number}")
        for body in BeautifulSoup(page.content, "html.parser").select(".post-body"):
            assert unsafe_parts(str(body)) == []


FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "JaVaScRiPt:",
    "data:text/html;base64,PHNjcmlwdD4=", "vbscript:", "[x](", "](", ")", "![", "<", ">", '"', "'", "`",
    "```", "\n", "\n\n", "> ", "- ", "1. ", "# ", "*", "_", "@ana", "&#106;", "&#x6A;", "\t", " ",
    "<a href=", "onmouseover=", "style=", "<style>", "<svg/onload=alert(1)>", "<javascript:alert(1)>",
    "<http://example.org>", "www.example.org", "https://example.org", "|a|b|\n|-|-|\n", "\\", "%0a",
]  # fmt: skip

markdown_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_text)
def test_random_markdown_never_renders_unsafe_html(markdown):
    rendered = render_markdown(markdown, mention_urls={"ana": "/members/people/ana/"})
    assert unsafe_parts(rendered.html) == []


def test_links_are_marked_nofollow_ugc_noopener():
    html = render_markdown("See [the plan](https://example.org/plan) and https://example.org/other").html
    links = BeautifulSoup(html, "html.parser").find_all("a")
    assert len(links) == 2
    for link in links:
        assert link["rel"] == ["nofollow", "ugc", "noopener"]


def test_mentions_of_known_members_become_profile_links_and_others_stay_text():
    rendered = render_markdown("Thanks @ana and @nobody", mention_urls={"ana": "/members/people/ana/"})
    links = BeautifulSoup(rendered.html, "html.parser").select("a.mention")
    assert [(a["href"], a.text) for a in links] == [("/members/people/ana/", "@ana")]
    assert "@nobody" in rendered.html
    assert rendered.mentioned_slugs == ["ana"]


def test_email_addresses_are_not_mentions():
    rendered = render_markdown("Write to someone@ana.org", mention_urls={"ana": "/members/people/ana/"})
    assert rendered.mentioned_slugs == []


def test_headings_in_posts_sit_below_the_page_headings():
    html = render_markdown("# Big\n\n## Smaller").html
    assert "<h3>Big</h3>" in html
    assert "<h4>Smaller</h4>" in html


@pytest.mark.django_db
def test_topic_page_shows_the_stored_html_without_rendering_markdown_again(client, category):
    topic = TopicFactory(category=category)
    post = topic.posts.get()
    post.body_html = "<p>Stored rendering</p>"
    post.save(update_fields=["body_html"])
    page = client.get(topic.get_absolute_url())
    assert b"Stored rendering" in page.content
    assert b"What worked for you?" not in page.content
