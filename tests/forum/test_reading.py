"""Reading: lists, unread marks, jumping to the first unread post, feeds, and bounded query counts."""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum import services
from forum.models import Reaction
from tests.atom import read_feed
from tests.forum.factories import CategoryFactory, TopicFactory, add_replies

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_visitors_read_public_topics_newest_activity_first(client, category, other_member):
    quiet = TopicFactory(category=category, title="Quiet topic")
    busy = TopicFactory(category=category, title="Busy topic")
    add_replies(quiet, [other_member], 1)  # the most recent activity
    titles = [a.text for a in soup(client.get("/forum/")).select(".topic-row__title > a")]
    assert titles == ["Quiet topic", "Busy topic"]
    assert client.get(busy.get_absolute_url()).status_code == 200
    assert b"Log in" in client.get(busy.get_absolute_url()).content


def test_a_wrong_slug_redirects_to_the_canonical_address(client, category):
    topic = TopicFactory(category=category)
    response = client.get(f"/forum/t/{topic.pk}/wrong-slug/")
    assert response.status_code == 301
    assert response["Location"] == topic.get_absolute_url()


def test_unknown_topics_pages_and_posts_are_404(client, category):
    assert client.get("/forum/t/999999/x/").status_code == 404
    assert client.get("/forum/p/999999/").status_code == 404
    assert client.get("/forum/c/no-such-category/").status_code == 404
    topic = TopicFactory(category=category)
    assert client.get(f"{topic.get_absolute_url()}?page=abc").status_code == 200


def test_topic_list_marks_new_and_unread_topics(client, member, other_member, category):
    seen = TopicFactory(category=category, title="Seen topic")
    never_opened = TopicFactory(category=category, title="Never opened")
    client.force_login(member)
    client.get(seen.get_absolute_url())

    def marks():
        rows = soup(client.get("/forum/")).select(".topic-row")
        return {
            r.select_one(".topic-row__title > a").text: (r.select_one(".unread-badge") or {}).get_text()
            if r.select_one(".unread-badge")
            else ""
            for r in rows
        }

    assert marks() == {"Seen topic": "", "Never opened": "New"}
    add_replies(seen, [other_member], 2)
    assert marks()["Seen topic"].startswith("New posts")
    assert never_opened.pk  # still listed as new


def test_opening_a_topic_jumps_to_the_first_unread_post(client, member, other_member, category, settings):
    topic = TopicFactory(category=category, author=other_member)
    add_replies(topic, [other_member], settings.FORUM_POSTS_PER_PAGE + 4)  # 25 posts: two pages
    client.force_login(member)
    response = client.get(f"/forum/t/{topic.pk}/unread/")
    assert response["Location"] == f"{topic.get_absolute_url()}#post-1"
    client.get(topic.get_absolute_url())  # reads page 1: posts 1 to 20
    response = client.get(f"/forum/t/{topic.pk}/unread/")
    assert response["Location"] == f"{topic.get_absolute_url()}?page=2#post-21"
    page = soup(client.get(f"{topic.get_absolute_url()}?page=2"))
    marker = page.select_one("#unread")
    assert marker is not None
    assert marker.find_next("article")["id"] == "post-21"
    # Everything read: the jump goes to the last post.
    response = client.get(f"/forum/t/{topic.pk}/unread/")
    assert response["Location"] == f"{topic.get_absolute_url()}?page=2#post-25"


def test_read_position_never_moves_backwards(client, member, other_member, category):
    topic = TopicFactory(category=category, author=other_member)
    add_replies(topic, [other_member], 30)
    client.force_login(member)
    client.get(f"{topic.get_absolute_url()}?page=2")
    client.get(topic.get_absolute_url())
    from forum.models import TopicReadState

    assert TopicReadState.objects.get(user=member, topic=topic).last_read_position == 31


def _queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("role", ["visitor", "member", "moderator"])
def test_topic_page_queries_do_not_grow_with_replies_or_reactions(
    client, role, member, other_member, moderator, category, django_assert_max_num_queries, forum_settings
):
    viewer = {"visitor": None, "member": member, "moderator": moderator}[role]
    if viewer:
        client.force_login(viewer)
    small = TopicFactory(category=category, author=other_member)
    small_replies = add_replies(small, [other_member], 3)
    small.accepted_post = small_replies[0]
    small.save()
    large = TopicFactory(category=category, author=other_member)
    authors = [other_member, moderator] + [m for m in [member] if m]
    replies = add_replies(large, authors, 500)
    large.tags.set(["finance", "budgets"])
    large.accepted_post = replies[10]
    large.save()
    Reaction.objects.bulk_create(
        [Reaction(post=p, user=member, kind="thanks") for p in replies[:40]]
        + [Reaction(post=p, user=moderator, kind="helpful") for p in replies[:40]]
    )
    services.flag_create(post=replies[2], user=member, reason="spam")

    small_count = _queries_for(client, small.get_absolute_url())
    first_page = _queries_for(client, large.get_absolute_url())
    last_page = _queries_for(client, f"{large.get_absolute_url()}?page=26")
    middle_page = _queries_for(client, f"{large.get_absolute_url()}?page=13")
    assert first_page <= small_count + 1  # at most the accepted answer, when it is not on the page
    assert middle_page <= small_count
    assert last_page <= small_count
    with django_assert_max_num_queries(25):
        client.get(f"{large.get_absolute_url()}?page=2")
    forum_settings.FORUM_POSTS_PER_PAGE = 100  # five times the page size: the same count
    assert _queries_for(client, f"{large.get_absolute_url()}?page=3") <= small_count


@pytest.mark.parametrize("role", ["visitor", "member"])
def test_topic_list_queries_do_not_grow_with_topics(client, role, member, other_member, category):
    if role == "member":
        client.force_login(member)
    TopicFactory(category=category, author=other_member).tags.set(["finance"])
    one_topic = _queries_for(client, "/forum/")
    one_in_category = _queries_for(client, category.get_absolute_url())
    for n in range(40):
        topic = TopicFactory(
            category=CategoryFactory() if n % 4 == 0 else category, author=other_member if n % 2 else None
        )
        topic.tags.set([f"tag-{n}", "finance"])
        add_replies(topic, [other_member], 2)
    many_topics = _queries_for(client, "/forum/")
    category_page = _queries_for(client, category.get_absolute_url())
    assert many_topics == one_topic
    assert category_page == one_in_category


ATOM = "{http://www.w3.org/2005/Atom}"


def feed_entries(content: bytes) -> list[tuple[str, str]]:
    """(title, summary) of each entry of an Atom feed."""
    root = ElementTree.fromstring(content)  # noqa: S314 - our own feed, in a test
    return [
        (entry.findtext(f"{ATOM}title"), entry.findtext(f"{ATOM}summary") or "")
        for entry in root.findall(f"{ATOM}entry")
    ]


def test_feeds_list_public_topics_only(client, category, members_category):
    TopicFactory(category=category, title="Public question", question="Public **body**")
    TopicFactory(category=members_category, title="Members-only question")
    feed = client.get("/forum/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    entries = feed_entries(feed.content)
    assert [title for title, _ in entries] == ["Public question"]
    assert "<strong>body</strong>" in entries[0][1]
    category_feed = client.get(f"/forum/c/{category.slug}/feed/")
    assert [title for title, _ in feed_entries(category_feed.content)] == ["Public question"]
    assert client.get(f"/forum/c/{members_category.slug}/feed/").status_code == 404


def test_forum_feeds_are_valid_atom_for_readers(client, member, category):
    TopicFactory(category=category, title="First question", author=member)
    TopicFactory(category=category, title="Second question")
    for url in ["/forum/feed/", f"/forum/c/{category.slug}/feed/"]:
        feed = read_feed(client.get(url))
        assert sorted(entry.title for entry in feed.entries) == ["First question", "Second question"]
        authors = {entry.title: entry.author for entry in feed.entries}
        assert authors["First question"] == member.profile.display_name
        assert authors["Second question"] == "former member"


def test_feeds_leave_out_hidden_and_pending_topics(client, member, moderator, category):
    topic = TopicFactory(category=category, title="Hidden question", author=member)
    services.post_hide(post=topic.posts.get(), moderator=moderator, reason="Spam")
    TopicFactory(category=category, title="Pending question", status="pending")
    assert feed_entries(client.get("/forum/feed/").content) == []


def test_category_colours_are_classes_never_inline_styles(client, category):
    category.colour = "purple"
    category.save()
    TopicFactory(category=category)
    page = soup(client.get("/forum/"))
    assert page.select_one(".category-badge--purple") is not None
    assert page.select("[style]") == []
