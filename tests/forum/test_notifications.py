"""Notifications through the real Celery worker: exactly once, never to the actor, batched emails,
daily digests, and unsubscribe links that work without logging in and cannot be forged."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import transaction

from forum import notifications, services
from forum.models import Notification, NotificationOutbox, NotificationPreference
from forum.notifications import unsubscribe_token
from forum.tasks import (
    deliver_notification_event,
    drain_notification_outbox,
    send_daily_digests,
    send_pending_notification_emails,
)
from lodestar.mail.tasks import deliver_pending_emails
from tests.forum.factories import CategoryFactory
from tests.members.factories import make_member

worker_test = pytest.mark.django_db(transaction=True, serialized_rollback=True)
pytestmark = pytest.mark.integration


@pytest.fixture
def forum_category(db):
    return CategoryFactory(name="Finance and investment", slug="finance-and-investment")


def settle(tasks):
    """Wait for the fan-out, then for every email it scheduled to be written and delivered."""
    tasks.wait()
    send_pending_notification_emails.delay()
    tasks.wait()
    deliver_pending_emails.delay()
    tasks.wait()


def notifications_of(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def set_frequency(user, frequency):
    prefs = notifications.preferences_for(user.pk)
    prefs.email_frequency = frequency
    prefs.save()


@worker_test
def test_a_reply_notifies_each_watcher_once_and_never_the_actor(tasks, mail, forum_category):
    asker, replier, daily_reader, quiet_reader = make_member(), make_member(), make_member(), make_member()
    topic = services.topic_create(
        author=asker, category=forum_category, title="Finance ministry buy-in", body="How?"
    )
    for reader in (daily_reader, quiet_reader):
        services.topic_watch(topic=topic, user=reader, watching=True)
    set_frequency(daily_reader, "daily")
    set_frequency(quiet_reader, "never")

    reply = services.post_create(author=replier, topic=topic, body="A joint steering group helped us.")
    settle(tasks)
    # A redelivered task, a drain and the same event recorded again change nothing.
    deliver_notification_event.delay(NotificationOutbox.objects.get(post=reply).pk)
    drain_notification_outbox.delay()
    settle(tasks)
    with transaction.atomic():
        notifications.post_published(post=reply)
    settle(tasks)

    assert notifications_of(asker) == ["reply"]
    assert notifications_of(daily_reader) == ["reply"]
    assert notifications_of(quiet_reader) == ["reply"]
    assert notifications_of(replier) == []
    emails = mail.to(asker.email)
    assert len(emails) == 1
    assert replier.profile.display_name in emails[0]["Subject"]
    assert f"/forum/p/{reply.pk}/" in mail.text(emails[0])
    assert emails[0]["List-Unsubscribe"].strip().startswith("<http")
    assert mail.to(daily_reader.email) == []
    assert mail.to(quiet_reader.email) == []
    assert mail.to(replier.email) == []

    send_daily_digests.delay()
    settle(tasks)
    digests = mail.to(daily_reader.email)
    assert len(digests) == 1
    assert "daily forum digest" in digests[0]["Subject"]
    assert "Finance ministry buy-in" in mail.text(digests[0])
    assert mail.to(quiet_reader.email) == []


@pytest.mark.django_db
def test_several_events_reach_a_member_in_one_email(forum_category):
    """Batching, in-process: on_commit never fires here, so no task races the direct calls."""
    from forum.notifications import notification_email_send, post_published_fan_out
    from lodestar.mail.models import OutgoingEmail

    asker, first, second = make_member(), make_member(), make_member()
    topic = services.topic_create(
        author=asker, category=forum_category, title="Pathway models", body="Which?"
    )
    replies = [
        services.post_create(author=first, topic=topic, body="We use two models."),
        services.post_create(author=second, topic=topic, body="We use one."),
    ]
    for reply in replies:
        post_published_fan_out(post_id=reply.pk)
    assert notification_email_send(recipient_id=asker.pk) is True
    assert notification_email_send(recipient_id=asker.pk) is False  # nothing left to send
    (email,) = OutgoingEmail.objects.filter(to__contains=[asker.email])
    assert email.subject == "[Lodestar] 2 new updates in the forum"
    assert f"/forum/p/{replies[0].pk}/" in email.body_text
    assert f"/forum/p/{replies[1].pk}/" in email.body_text


@worker_test
def test_a_mention_notifies_the_member_once_even_when_they_also_watch(tasks, mail, forum_category):
    asker, replier, mentioned = make_member(), make_member(), make_member()
    topic = services.topic_create(
        author=asker, category=forum_category, title="Consultation formats", body="Ideas?"
    )
    services.post_create(
        author=replier,
        topic=topic,
        body=f"@{mentioned.profile.slug} and @{asker.profile.slug}, what do you think?",
    )
    settle(tasks)
    assert notifications_of(mentioned) == ["mention"]
    assert notifications_of(asker) == ["mention"]  # watcher and mentioned: one notification
    assert len(mail.to(mentioned.email)) == 1
    assert "mentioned you" in mail.to(mentioned.email)[0]["Subject"]
    assert len(mail.to(asker.email)) == 1


@worker_test
def test_mentions_in_members_only_topics_skip_people_who_cannot_read_them(tasks, mail, registered_user):
    lounge = CategoryFactory(name="Members' lounge", slug="members-lounge", visibility="members")
    asker, replier = make_member(), make_member()
    topic = services.topic_create(author=asker, category=lounge, title="Candid lessons", body="Ours")
    services.post_create(author=replier, topic=topic, body=f"@{registered_user.profile.slug} should see this")
    settle(tasks)
    assert notifications_of(registered_user) == []
    assert mail.to(registered_user.email) == []


@worker_test
def test_an_accepted_answer_notifies_its_author_once(tasks, mail, forum_category):
    asker, answerer = make_member(), make_member()
    topic = services.topic_create(
        author=asker, category=forum_category, title="Budget tagging", body="Start where?"
    )
    answer = services.post_create(author=answerer, topic=topic, body="Start with a pilot.")
    settle(tasks)
    mail.clear()
    services.topic_accept_answer(topic=topic, post=answer, user=asker)
    settle(tasks)
    assert notifications_of(answerer) == ["accepted"]
    assert notifications_of(asker) == ["reply"]  # the reply earlier; nothing for accepting
    emails = mail.to(answerer.email)
    assert len(emails) == 1
    assert "accepted your reply" in emails[0]["Subject"]
    assert mail.to(asker.email) == []


@worker_test
def test_watching_a_category_brings_new_topics(tasks, mail, forum_category):
    follower, asker = make_member(), make_member()
    services.category_watch(category=forum_category, user=follower, watching=True)
    services.topic_create(author=asker, category=forum_category, title="A brand new question", body="Anyone?")
    settle(tasks)
    assert notifications_of(follower) == ["new_topic"]
    assert "A brand new question" in mail.to(follower.email)[0]["Subject"]


def _link(text: str, label: str) -> str:
    return re.search(rf"{label}: (\S+)", text).group(1)


@worker_test
def test_unsubscribe_links_work_without_logging_in_and_tampered_ones_are_refused(
    client, tasks, mail, forum_category
):
    asker, replier = make_member(), make_member()
    topic = services.topic_create(
        author=asker, category=forum_category, title="Power-sector models", body="Which?"
    )
    services.post_create(author=replier, topic=topic, body="We compared three.")
    settle(tasks)
    text = mail.text(mail.to(asker.email)[0])
    stop_all = _link(text, "Stop all forum emails").replace("http://127.0.0.1:8000", "")
    stop_topic = _link(text, "Stop watching this topic").replace("http://127.0.0.1:8000", "")

    tampered = stop_all.replace(stop_all.split("/")[-2], stop_all.split("/")[-2][:-3] + "abc")
    assert client.post(tampered).status_code == 400
    forged = "/forum/unsubscribe/" + unsubscribe_token(user_id=asker.pk, scope="all")[:-2] + "xx/"
    assert client.post(forged).status_code == 400
    assert notifications.preferences_for(asker.pk).email_frequency == "immediate"

    confirm = client.get(stop_all)  # a link scanner fetching the page unsubscribes nobody
    assert confirm.status_code == 200
    assert notifications.preferences_for(asker.pk).email_frequency == "immediate"
    form = BeautifulSoup(confirm.content, "html.parser").select_one("main form")
    assert client.post(form["action"]).status_code == 200
    never = NotificationPreference.EmailFrequency.NEVER
    assert notifications.preferences_for(asker.pk).email_frequency == never

    assert client.post(stop_topic).status_code == 200
    assert not topic.watches.filter(user=asker).exists()

    # No more email, though in-app notifications continue.
    services.topic_watch(topic=topic, user=asker, watching=True)
    mail.clear()
    services.post_create(author=replier, topic=topic, body="And a fourth model.")
    settle(tasks)
    assert notifications_of(asker) == ["reply", "reply"]
    assert mail.to(asker.email) == []
