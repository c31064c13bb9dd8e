"""The category permission matrix, asked both of the permission module and of the pages."""

import pytest
from django.contrib.auth.models import AnonymousUser

from forum import services
from forum.models import Post, Topic
from lodestar import permissions
from tests.forum.factories import TopicFactory

pytestmark = pytest.mark.django_db

PEOPLE = ["visitor", "registered_user", "member", "moderator"]


@pytest.fixture
def people(registered_user, member, moderator):
    return {
        "visitor": AnonymousUser(),
        "registered_user": registered_user,
        "member": member,
        "moderator": moderator,
    }


@pytest.mark.parametrize(
    ("who", "public", "members_only"),
    [
        ("visitor", True, False),
        ("registered_user", True, False),
        ("member", True, True),
        ("moderator", True, True),
    ],
)
def test_who_sees_which_category(people, category, members_category, who, public, members_only):
    user = people[who]
    assert permissions.can_view_category(user, category) is public
    assert permissions.can_view_category(user, members_category) is members_only


@pytest.mark.parametrize(
    ("who", "in_open_category", "in_announcements"),
    [
        ("visitor", False, False),
        ("registered_user", False, False),
        ("member", True, False),
        ("moderator", True, True),
    ],
)
def test_who_starts_topics(people, category, announcements, who, in_open_category, in_announcements):
    user = people[who]
    assert permissions.can_start_topic(user, category) is in_open_category
    assert permissions.can_start_topic(user, announcements) is in_announcements


def test_members_only_topics_are_404_for_visitors_and_registered_people(
    client, registered_user, members_category
):
    topic = TopicFactory(category=members_category, title="Candid lessons from our review")
    for url in (
        topic.get_absolute_url(),
        f"/forum/t/{topic.pk}/",
        f"/forum/p/{topic.posts.get().pk}/",
        f"/forum/c/{members_category.slug}/",
        f"/forum/c/{members_category.slug}/feed/",
    ):
        assert client.get(url).status_code == 404, url
    client.force_login(registered_user)
    assert client.get(topic.get_absolute_url()).status_code == 404
    assert b"Candid lessons" not in client.get("/forum/").content


def test_members_read_members_only_topics(client, member, members_category):
    topic = TopicFactory(category=members_category, title="Candid lessons from our review")
    client.force_login(member)
    assert client.get(topic.get_absolute_url()).status_code == 200
    assert b"Candid lessons" in client.get("/forum/").content


def test_announcement_category_is_closed_to_members(client, member, moderator, announcements):
    client.force_login(member)
    response = client.post(
        f"/forum/c/{announcements.slug}/new/", {"title": "My own announcement", "body": "Hello"}
    )
    assert response.status_code == 403
    assert not Topic.objects.filter(title="My own announcement").exists()
    topic = TopicFactory(category=announcements, author=moderator)
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "A reply"})
    assert response.status_code == 403
    assert topic.posts.count() == 1


def test_visitors_are_sent_to_log_in_when_they_try_to_write(client, category):
    topic = TopicFactory(category=category)
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "A reply"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert topic.posts.count() == 1


def test_locked_topics_refuse_replies_from_members_but_not_moderators(client, member, moderator, category):
    topic = TopicFactory(category=category, is_locked=True)
    client.force_login(member)
    assert client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Still open?"}).status_code == 403
    page = client.get(topic.get_absolute_url())
    assert b"This topic is locked" in page.content
    assert b"Post reply" not in page.content
    client.force_login(moderator)
    assert client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Closing note"}).status_code == 302
    assert topic.posts.count() == 2


def test_suspended_members_cannot_post_but_can_read(client, member, moderator, category):
    topic = TopicFactory(category=category)
    services.member_suspend(user=member, moderator=moderator, days=3, reason="Repeated advertising")
    client.force_login(member)
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Let me in"})
    assert response.status_code == 302
    assert topic.posts.count() == 1
    response = client.post(
        f"/forum/c/{category.slug}/new/", {"title": "A new question", "body": "Hello"}, follow=True
    )
    assert b"suspended" in response.content
    assert not Topic.objects.filter(title="A new question").exists()
    assert client.get(topic.get_absolute_url()).status_code == 200


def test_suspension_ends_by_itself(member, moderator, time_machine_days_later):
    services.member_suspend(user=member, moderator=moderator, days=2, reason="Cooling off")
    assert permissions.is_suspended(member)
    permissions.forum.forget_suspension(member)
    time_machine_days_later(3)
    assert not permissions.is_suspended(member)


@pytest.fixture
def time_machine_days_later():
    import time_machine
    from django.utils import timezone

    travellers = []

    def travel(days):
        traveller = time_machine.travel(timezone.now() + timezone.timedelta(days=days))
        traveller.start()
        travellers.append(traveller)

    yield travel
    for traveller in travellers:
        traveller.stop()


def test_hidden_posts_are_visible_only_to_their_author_and_moderators(
    client, member, other_member, moderator, category
):
    topic = TopicFactory(category=category)
    post = services.post_create(author=member, topic=topic, body="An opinion some found rude")
    services.post_hide(post=post, moderator=moderator, reason="Personal attack")
    permalink = f"/forum/p/{post.pk}/"
    assert client.get(permalink).status_code == 404
    assert b"An opinion some found rude" not in client.get(topic.get_absolute_url()).content
    client.force_login(other_member)
    assert client.get(permalink).status_code == 404
    assert b"An opinion some found rude" not in client.get(topic.get_absolute_url()).content
    for who in (member, moderator):
        client.force_login(who)
        page = client.get(topic.get_absolute_url())
        assert b"An opinion some found rude" in page.content
        assert b"Hidden by a moderator: Personal attack" in page.content


def test_pending_posts_are_visible_only_to_their_author_and_moderators(
    client, member, other_member, moderator, category, forum_settings
):
    forum_settings.FORUM_APPROVAL_FIRST_POSTS = 1
    topic = TopicFactory(category=category)
    post = services.post_create(author=member, topic=topic, body="My first words here")
    assert post.status == Post.Status.PENDING
    client.force_login(other_member)
    assert b"My first words here" not in client.get(topic.get_absolute_url()).content
    client.force_login(member)
    assert b"Waiting for a moderator" in client.get(topic.get_absolute_url()).content


@pytest.mark.parametrize("who", PEOPLE)
def test_only_authors_and_moderators_edit_posts(people, member, category, who):
    topic = TopicFactory(category=category, author=member)
    post = topic.posts.get()
    expected = who in ("member", "moderator")
    assert permissions.can_edit_post(people[who], post) is expected


def test_members_cannot_react_to_or_flag_their_own_posts(member, other_member, category):
    topic = TopicFactory(category=category, author=member)
    post = topic.posts.get()
    assert not permissions.can_react(member, post)
    assert not permissions.can_flag_post(member, post)
    assert permissions.can_react(other_member, post)
    assert permissions.can_flag_post(other_member, post)


def test_only_the_topic_author_or_a_moderator_accepts_an_answer(member, other_member, moderator, category):
    topic = TopicFactory(category=category, author=member)
    assert permissions.can_accept_answer(member, topic)
    assert permissions.can_accept_answer(moderator, topic)
    assert not permissions.can_accept_answer(other_member, topic)


def test_moderators_cannot_suspend_each_other(moderator, member):
    from tests.members.factories import make_moderator

    assert permissions.can_suspend(moderator, member)
    assert not permissions.can_suspend(moderator, make_moderator())
    assert not permissions.can_suspend(moderator, moderator)
    assert not permissions.can_suspend(member, moderator)
