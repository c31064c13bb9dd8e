"""Rate limits, limits for new members, maximum length and duplicate posts."""

import pytest
from bs4 import BeautifulSoup

from forum.models import Post, Topic
from tests.forum.factories import TopicFactory, add_replies

pytestmark = pytest.mark.django_db


def body_errors(response) -> str:
    return " ".join(p.text for p in BeautifulSoup(response.content, "html.parser").select(".error"))


def test_too_many_replies_get_a_readable_429(client, member, category, forum_settings):
    forum_settings.FORUM_REPLY_RATE = "3/h"
    topic = TopicFactory(category=category)
    client.force_login(member)
    for n in range(3):
        assert client.post(f"/forum/t/{topic.pk}/reply/", {"body": f"Reply number {n}"}).status_code == 302
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "One too many"})
    assert response.status_code == 429
    assert b"Too many requests" in response.content
    assert not Post.objects.filter(body="One too many").exists()


def test_too_many_new_topics_get_a_429_but_moderators_are_not_limited(
    client, member, moderator, category, forum_settings
):
    forum_settings.FORUM_TOPIC_RATE = "2/h"
    client.force_login(member)
    for n in range(2):
        response = client.post(
            f"/forum/c/{category.slug}/new/", {"title": f"Question number {n}", "body": f"Body {n}"}
        )
        assert response.status_code == 302
    response = client.post(
        f"/forum/c/{category.slug}/new/", {"title": "Question three", "body": "Body three"}
    )
    assert response.status_code == 429
    client.force_login(moderator)
    for n in range(3):
        response = client.post(
            f"/forum/c/{category.slug}/new/", {"title": f"Moderator note {n}", "body": f"Note {n}"}
        )
        assert response.status_code == 302
    assert Topic.objects.count() == 5


def test_reading_is_not_rate_limited(client, member, category, forum_settings):
    forum_settings.FORUM_REPLY_RATE = "1/h"
    topic = TopicFactory(category=category)
    client.force_login(member)
    for _ in range(3):
        assert client.get(topic.get_absolute_url()).status_code == 200


def test_new_members_may_include_only_a_few_links(client, member, category, forum_settings):
    forum_settings.FORUM_NEW_MEMBER_MAX_LINKS = 2
    topic = TopicFactory(category=category)
    client.force_login(member)
    links = " ".join(f"https://example.org/{n}" for n in range(3))
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": f"See {links}"})
    assert response.status_code == 400
    assert "at most 2 links" in body_errors(response)
    assert topic.posts.count() == 1


def test_established_members_may_include_more_links(client, member, category, forum_settings):
    forum_settings.FORUM_NEW_MEMBER_POSTS = 3
    topic = TopicFactory(category=category)
    add_replies(topic, [member], 3)
    client.force_login(member)
    links = " ".join(f"https://example.org/{n}" for n in range(5))
    assert client.post(f"/forum/t/{topic.pk}/reply/", {"body": f"See {links}"}).status_code == 302


def test_new_members_may_mention_only_a_few_people(client, member, category, forum_settings):
    from tests.members.factories import make_member

    forum_settings.FORUM_NEW_MEMBER_MAX_MENTIONS = 3
    slugs = [make_member().profile.slug for _ in range(4)]
    topic = TopicFactory(category=category)
    client.force_login(member)
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": " ".join(f"@{s}" for s in slugs)})
    assert response.status_code == 400
    assert "mention at most 3" in body_errors(response)
    assert (
        client.post(f"/forum/t/{topic.pk}/reply/", {"body": " ".join(f"@{s}" for s in slugs[:3])}).status_code
        == 302
    )


def test_posts_longer_than_the_maximum_are_refused_with_the_numbers(client, member, category, forum_settings):
    forum_settings.FORUM_POST_MAX_LENGTH = 100
    topic = TopicFactory(category=category)
    client.force_login(member)
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "x" * 101})
    assert response.status_code == 400
    assert "at most 100 characters" in body_errors(response)
    assert "101" in body_errors(response)


def test_the_same_text_twice_in_a_short_time_is_refused(client, member, category):
    topic = TopicFactory(category=category)
    client.force_login(member)
    assert client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Thanks, very useful!"}).status_code == 302
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "  thanks,   very useful! "})
    assert response.status_code == 400
    assert "same text a moment ago" in body_errors(response)
    assert topic.posts.count() == 2


def test_the_same_text_after_the_window_is_accepted(client, member, category, time_machine):
    from django.utils import timezone

    topic = TopicFactory(category=category)
    client.force_login(member)
    client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Thanks, very useful!"})
    time_machine.move_to(timezone.now() + timezone.timedelta(minutes=11))
    assert client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Thanks, very useful!"}).status_code == 302
