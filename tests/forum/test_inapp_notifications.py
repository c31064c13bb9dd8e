"""In-app notifications: the list, the unread count in the header, marking as read, preferences."""

import pytest
from bs4 import BeautifulSoup

from forum import notifications, services
from forum.models import Notification
from forum.notifications import post_published_fan_out
from tests.forum.factories import TopicFactory

pytestmark = pytest.mark.django_db


def header_count(client) -> str:
    link = BeautifulSoup(client.get("/forum/").content, "html.parser").find("a", href="/forum/notifications/")
    badge = link.select_one(".count-badge")
    return badge.text if badge else ""


def test_the_header_shows_unread_notifications_and_opening_one_marks_it_read(
    client, member, other_member, category
):
    topic = services.topic_create(author=member, category=category, title="Pathway models", body="Which?")
    for text in ("First answer", "Second answer"):
        post_published_fan_out(post_id=services.post_create(author=other_member, topic=topic, body=text).pk)
    client.force_login(member)
    assert header_count(client) == "2 unread"
    page = BeautifulSoup(client.get("/forum/notifications/").content, "html.parser")
    items = page.select(".notification--unread a")
    assert len(items) == 2
    response = client.get(items[0]["href"])
    assert response.status_code == 302
    assert header_count(client) == "1 unread"
    client.post("/forum/notifications/read/")
    assert header_count(client) == ""


def test_people_cannot_open_someone_elses_notification(client, member, other_member, category):
    topic = services.topic_create(author=member, category=category, title="Pathway models", body="Which?")
    post_published_fan_out(post_id=services.post_create(author=other_member, topic=topic, body="Answer").pk)
    notification = Notification.objects.get(recipient=member)
    client.force_login(other_member)
    assert client.get(f"/forum/notifications/{notification.pk}/").status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_visitors_have_no_notifications(client):
    assert client.get("/forum/notifications/").status_code == 302


def test_preferences_are_saved_and_turn_off_auto_watching(client, member, other_member, category):
    client.force_login(member)
    response = client.post(
        "/forum/settings/",
        {"email_frequency": "daily", "email_replies": "on", "email_mentions": "on"},
    )
    assert response.status_code == 302
    prefs = notifications.preferences_for(member.pk)
    assert prefs.email_frequency == "daily"
    assert prefs.watch_own_topics is False
    topic = TopicFactory(category=category, author=other_member)
    services.post_create(author=member, topic=topic, body="A reply")
    assert not topic.watches.filter(user=member).exists()
    assert client.post("/forum/settings/", {"email_frequency": "hourly"}).status_code == 400
