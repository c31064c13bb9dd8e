"""Moderators work the queue: flags, approvals, hide, lock, pin, move, merge, suspend; all logged."""

import pytest
from bs4 import BeautifulSoup

from forum import services
from forum.models import Flag, ModerationLogEntry, Notification, Post, Topic, TopicWatch
from tests.forum.factories import CategoryFactory, TopicFactory, add_replies

pytestmark = pytest.mark.django_db


def log_actions():
    return list(ModerationLogEntry.objects.order_by("created_at", "pk").values_list("action", flat=True))


def test_a_member_flags_a_post_and_a_moderator_hides_it_from_the_queue(
    client, member, other_member, moderator, category
):
    topic = TopicFactory(category=category, author=other_member)
    (spam,) = add_replies(topic, [other_member], 1, body="Cheap offsets at offsets-bargain.example")
    client.force_login(member)
    response = client.post(f"/forum/p/{spam.pk}/flag/", {"reason": "spam", "detail": "Advertising"})
    assert response.status_code == 302
    # Flagging twice changes nothing.
    client.post(f"/forum/p/{spam.pk}/flag/", {"reason": "spam"})
    assert Flag.objects.filter(post=spam, resolution="open").count() == 1

    client.force_login(moderator)
    queue = client.get("/forum/moderation/")
    assert b"Cheap offsets" in queue.content
    assert b"Spam or advertising" in queue.content
    response = client.post(
        f"/forum/p/{spam.pk}/hide/", {"reason": "Advertising", "next": "/forum/moderation/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/forum/moderation/"
    spam.refresh_from_db()
    assert spam.status == Post.Status.HIDDEN
    assert Flag.objects.get(post=spam).resolution == Flag.Resolution.UPHELD
    assert b"Cheap offsets" not in client.get("/forum/moderation/").content
    assert log_actions() == ["hide"]
    notice = Notification.objects.get(recipient=other_member, kind="moderation")
    assert "Advertising" in notice.text


def test_a_flag_can_be_dismissed(client, member, other_member, moderator, category):
    topic = TopicFactory(category=category, author=other_member)
    flag = services.flag_create(post=topic.posts.get(), user=member, reason="off_topic")
    client.force_login(moderator)
    client.post(f"/forum/moderation/flags/{flag.pk}/dismiss/")
    flag.refresh_from_db()
    assert flag.resolution == Flag.Resolution.DISMISSED
    assert flag.resolved_by == moderator
    assert topic.posts.get().status == Post.Status.PUBLISHED
    assert log_actions() == ["dismiss_flag"]


def test_members_cannot_open_the_queue_or_the_log(client, member):
    client.force_login(member)
    assert client.get("/forum/moderation/").status_code == 403
    assert client.get("/forum/moderation/log/").status_code == 403


def test_first_posts_of_a_new_member_wait_for_approval(
    client, member, other_member, moderator, category, forum_settings
):
    forum_settings.FORUM_APPROVAL_FIRST_POSTS = 2
    client.force_login(member)
    response = client.post(
        f"/forum/c/{category.slug}/new/", {"title": "Budget tagging pilots", "body": "Who tried it?"}
    )
    topic = Topic.objects.get(title="Budget tagging pilots")
    assert response.status_code == 302
    assert topic.status == Topic.Status.PENDING
    client.force_login(other_member)
    assert client.get(topic.get_absolute_url()).status_code == 404
    assert b"Budget tagging pilots" not in client.get("/forum/").content

    client.force_login(moderator)
    assert b"Budget tagging pilots" in client.get("/forum/moderation/").content
    client.post(f"/forum/p/{topic.posts.get().pk}/approve/")
    topic.refresh_from_db()
    assert topic.status == Topic.Status.PUBLISHED
    client.force_login(other_member)
    assert client.get(topic.get_absolute_url()).status_code == 200
    assert "is approved" in Notification.objects.get(recipient=member, kind="moderation").text

    # The second post waits too; after two approved posts, the third goes straight out.
    second = services.post_create(author=member, topic=topic, body="More detail")
    assert second.status == Post.Status.PENDING
    services.post_approve(post=second, moderator=moderator)
    third = services.post_create(author=member, topic=topic, body="And a third")
    assert third.status == Post.Status.PUBLISHED
    assert log_actions() == ["approve", "approve"]


def test_a_rejected_pending_post_stays_hidden_with_the_reason(member, moderator, category, forum_settings):
    forum_settings.FORUM_APPROVAL_FIRST_POSTS = 1
    topic = TopicFactory(category=category)
    post = services.post_create(author=member, topic=topic, body="Visit my shop")
    services.post_hide(post=post, moderator=moderator, reason="Advertising")
    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN
    assert post.moderation_reason == "Advertising"
    topic.refresh_from_db()
    assert topic.reply_count == 0


def test_unhide_makes_a_post_visible_again(client, member, moderator, category):
    topic = TopicFactory(category=category)
    post = services.post_create(author=member, topic=topic, body="Misread, then cleared")
    services.post_hide(post=post, moderator=moderator, reason="Checking")
    client.force_login(moderator)
    client.post(f"/forum/p/{post.pk}/unhide/")
    client.logout()
    assert b"Misread, then cleared" in client.get(topic.get_absolute_url()).content
    assert log_actions() == ["hide", "unhide"]


def test_lock_and_pin_from_the_topic_page(client, member, moderator, category):
    old = TopicFactory(category=category, title="Older pinned topic")
    TopicFactory(category=category, title="Newer topic")
    client.force_login(moderator)
    client.post(f"/forum/t/{old.pk}/lock/", {"locked": "1"})
    client.post(f"/forum/t/{old.pk}/pin/", {"pinned": "1"})
    old.refresh_from_db()
    assert old.is_locked and old.is_pinned
    titles = [
        a.text
        for a in BeautifulSoup(client.get(category.get_absolute_url()).content, "html.parser").select(
            ".topic-row__title > a"
        )
    ]
    assert titles[0] == "Older pinned topic"
    client.post(f"/forum/t/{old.pk}/lock/", {"locked": "0"})
    assert log_actions() == ["lock", "pin", "unlock"]


def test_members_cannot_use_moderator_actions(client, member, category):
    topic = TopicFactory(category=category)
    client.force_login(member)
    assert client.post(f"/forum/t/{topic.pk}/lock/", {"locked": "1"}).status_code == 403
    assert client.post(f"/forum/p/{topic.posts.get().pk}/hide/", {"reason": "x"}).status_code == 403
    topic.refresh_from_db()
    assert not topic.is_locked


def test_move_a_topic_to_another_category(client, moderator, category):
    topic = TopicFactory(category=category)
    other = CategoryFactory(name="Sector pathways")
    client.force_login(moderator)
    response = client.post(f"/forum/t/{topic.pk}/move/", {"category": other.pk})
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.category == other
    entry = ModerationLogEntry.objects.get()
    assert entry.action == "move"
    assert "Sector pathways" in entry.detail


def test_merge_moves_posts_in_order_and_redirects_the_duplicate(
    client, member, other_member, moderator, category
):
    target = TopicFactory(category=category, title="Finance ministry buy-in")
    add_replies(target, [member], 2)
    duplicate = TopicFactory(category=category, title="Getting finance on board", author=other_member)
    add_replies(duplicate, [other_member], 1, body="Duplicate reply")
    TopicWatch.objects.create(user=other_member, topic=duplicate)
    client.force_login(moderator)
    response = client.post(f"/forum/t/{duplicate.pk}/merge/", {"target": target.pk})
    assert response.status_code == 302
    target.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.status == Topic.Status.MERGED
    assert list(target.posts.order_by("position").values_list("position", flat=True)) == [1, 2, 3, 4, 5]
    assert target.posts.get(position=5).body == "Duplicate reply 1"
    assert target.reply_count == 4
    assert TopicWatch.objects.filter(user=other_member, topic=target).exists()
    assert client.get(f"/forum/t/{duplicate.pk}/{duplicate.slug}/")["Location"] == target.get_absolute_url()
    assert log_actions() == ["merge"]


def test_merge_into_itself_or_a_missing_topic_is_a_form_error(client, moderator, category):
    topic = TopicFactory(category=category)
    client.force_login(moderator)
    assert client.post(f"/forum/t/{topic.pk}/merge/", {"target": topic.pk}).status_code == 400
    assert client.post(f"/forum/t/{topic.pk}/merge/", {"target": 999999}).status_code == 400
    assert client.post(f"/forum/t/{topic.pk}/merge/", {"target": "abc"}).status_code == 400


def test_suspend_and_lift_from_the_site(client, member, moderator):
    client.force_login(moderator)
    response = client.post(f"/forum/moderation/members/{member.pk}/suspend/", {"days": 7, "reason": "Spam"})
    assert response.status_code == 302
    queue = client.get("/forum/moderation/")
    assert b"Spam" in queue.content
    suspension = member.forum_suspensions.get()
    client.post(f"/forum/moderation/suspensions/{suspension.pk}/lift/")
    suspension.refresh_from_db()
    assert suspension.lifted_at is not None
    assert log_actions() == ["suspend", "lift"]
    assert "Reason: Spam" in Notification.objects.get(recipient=member, kind="moderation").text


def test_the_log_shows_every_action_to_moderators(client, member, moderator, category):
    topic = TopicFactory(category=category, title="A topic to moderate")
    services.topic_lock(topic=topic, moderator=moderator, locked=True)
    services.topic_pin(topic=topic, moderator=moderator, pinned=True)
    client.force_login(moderator)
    page = client.get("/forum/moderation/log/")
    rows = BeautifulSoup(page.content, "html.parser").select("tbody tr")
    assert [row.select("td")[2].text for row in rows] == ["Pinned a topic", "Locked a topic"]
    assert "A topic to moderate" in rows[0].text


def test_moderators_manage_categories_in_the_wagtail_admin(client, moderator, member):
    client.force_login(member)
    assert client.get("/admin/snippets/forum/category/add/").status_code == 302
    client.force_login(moderator)
    response = client.get("/admin/snippets/forum/category/add/")
    assert response.status_code == 200
    assert b"Who may start topics" in response.content
