"""The notification outbox: an event is recorded with the action that causes it, rolls back with it,
outlives a broker outage and is delivered exactly once, whoever delivers it and however often."""

import json
import os
import subprocess
import sys
import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone

from forum import notifications, services
from forum.models import Notification, NotificationOutbox, Post
from forum.tasks import (
    deliver_notification_event,
    drain_notification_outbox,
    send_pending_notification_emails,
)
from lodestar import queue
from lodestar.mail.tasks import deliver_pending_emails
from tests.conftest import REPO, _database_url
from tests.members.factories import make_member, make_moderator
from tests.test_redis_outage import free_port

pytestmark = pytest.mark.integration
worker_test = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def settle(tasks) -> None:
    """Wait for every task sent, then for the emails they scheduled to be written and delivered."""
    tasks.wait()
    send_pending_notification_emails.delay()
    tasks.wait()
    deliver_pending_emails.delay()
    tasks.wait()


@pytest.fixture
def events_not_sent():
    """This process holds its tasks back as when the broker is down (lodestar.queue's breaker), so the
    shared worker does not deliver the events a test wants to deliver itself."""
    queue.broker.trip()
    yield
    queue.broker.down_until = 0.0


def recipients_of(post_id: int) -> list[int]:
    return sorted(Notification.objects.filter(post_id=post_id).values_list("recipient_id", flat=True))


@pytest.mark.django_db
def test_a_reply_records_its_event_in_its_own_transaction(category):
    asker, replier = make_member(), make_member()
    topic = services.topic_create(author=asker, category=category, title="Grid tariffs", body="How?")
    reply = services.post_create(author=replier, topic=topic, body="Time-of-use tariffs worked.")

    row = NotificationOutbox.objects.get(post=reply)
    assert row.key == f"post_published:{reply.pk}"
    assert row.event == NotificationOutbox.Event.POST_PUBLISHED
    assert row.done_at is None
    # The test's transaction never commits, so nothing was handed over: the event waits, undelivered.
    assert not Notification.objects.filter(post=reply).exists()
    assert notifications.outbox_deliver(row.pk) is True
    assert recipients_of(reply.pk) == [asker.pk]


@pytest.mark.django_db
def test_a_reply_that_rolls_back_leaves_no_event_behind(category):
    asker, replier = make_member(), make_member()
    topic = services.topic_create(author=asker, category=category, title="Heat networks", body="Who?")
    events_before = NotificationOutbox.objects.count()

    with pytest.raises(RuntimeError), transaction.atomic():
        services.post_create(author=replier, topic=topic, body="We did, in 2021.")
        raise RuntimeError("the request failed after the reply was written")

    assert not Post.objects.filter(topic=topic, position__gt=1).exists()
    assert NotificationOutbox.objects.count() == events_before


@pytest.mark.django_db
def test_a_post_waiting_for_approval_is_announced_only_once_approved(category, settings):
    settings.FORUM_APPROVAL_FIRST_POSTS = 5
    asker, newcomer, moderator = make_moderator(), make_member(), make_moderator()
    topic = services.topic_create(author=asker, category=category, title="Retrofit loans", body="Any?")
    pending = services.post_create(author=newcomer, topic=topic, body="Our city offers them.")
    assert not NotificationOutbox.objects.filter(post=pending).exists()  # watchers must not see it yet

    services.post_approve(post=pending, moderator=moderator)
    assert NotificationOutbox.objects.get(post=pending).done_at is None
    assert Notification.objects.filter(recipient=newcomer, kind="moderation").count() == 1


@worker_test
def test_a_drain_skips_an_event_another_worker_is_delivering(category, events_not_sent):
    """Two deliveries at once: the second leaves the locked row alone instead of notifying twice."""
    asker, replier = make_member(), make_member()
    topic = services.topic_create(author=asker, category=category, title="Metering", body="Smart?")
    reply = services.post_create(author=replier, topic=topic, body="Yes, since 2019.")
    row = NotificationOutbox.objects.get(post=reply)
    locked, release, outcome = threading.Event(), threading.Event(), {}

    def other_worker():
        try:
            with transaction.atomic():
                NotificationOutbox.objects.select_for_update().get(pk=row.pk)
                locked.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert locked.wait(timeout=30)
        outcome["while_locked"] = notifications.outbox_deliver(row.pk)
    finally:
        release.set()
        thread.join(timeout=30)
    assert outcome["while_locked"] is False
    assert not Notification.objects.filter(post=reply).exists()
    assert notifications.outbox_drain() >= 1  # once the other worker let go
    assert recipients_of(reply.pk) == [asker.pk]


REPLY_WHILE_BROKER_DOWN = """
import json, sys
import django
django.setup()
from forum import services
from forum.models import Topic
from lodestar.members.models import User
topic = Topic.objects.get(pk=int(sys.argv[1]))
reply = services.post_create(author=User.objects.get(pk=int(sys.argv[2])), topic=topic, body=sys.argv[3])
print(json.dumps({"reply": reply.pk}))
"""


def reply_while_broker_down(*, topic, author, body: str) -> tuple[int, str]:
    """A reply made by a process whose broker port is closed, as a web process sees a stopped Redis."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lodestar.settings.test", "DATABASE_URL": _database_url()}
    env |= {"LODESTAR_REDIS_PORT": str(free_port()), "FORUM_APPROVAL_FIRST_POSTS": "0"}
    result = subprocess.run(
        [sys.executable, "-c", REPLY_WHILE_BROKER_DOWN, str(topic.pk), str(author.pk), body],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])["reply"], result.stderr


@worker_test
def test_a_reply_made_while_the_broker_is_down_notifies_every_watcher_once_after_the_drain(
    tasks, mail, category
):
    asker, watcher, replier = make_member(), make_member(), make_member()
    topic = services.topic_create(author=asker, category=category, title="Solar on schools", body="Tips?")
    services.topic_watch(topic=topic, user=watcher, watching=True)
    settle(tasks)
    mail.clear()

    reply_id, log = reply_while_broker_down(topic=topic, author=replier, body="Start with a pilot school.")
    row = NotificationOutbox.objects.get(post_id=reply_id)
    assert f"Notification event {row.pk} not queued now; the periodic drain will deliver it" in log
    assert row.done_at is None  # waiting, not lost
    assert recipients_of(reply_id) == []

    # Beat's drain runs once the broker is reachable: every watcher is notified and emailed.
    assert drain_notification_outbox.delay().get(timeout=30) == 1
    settle(tasks)
    assert recipients_of(reply_id) == sorted([asker.pk, watcher.pk])
    row.refresh_from_db()
    assert row.done_at is not None and row.attempts == 1
    for person in (asker, watcher):
        (email,) = mail.to(person.email)
        assert f"/forum/p/{reply_id}/" in mail.text(email)
    assert mail.to(replier.email) == []

    # A second drain, a redelivered task and the event recorded again change nothing.
    assert drain_notification_outbox.delay().get(timeout=30) == 0
    assert deliver_notification_event.delay(row.pk).get(timeout=30) is False
    with transaction.atomic():
        notifications.post_published(post=Post.objects.get(pk=reply_id))
    settle(tasks)
    assert recipients_of(reply_id) == sorted([asker.pk, watcher.pk])
    assert len(mail.to(asker.email)) == 1
    assert len(mail.to(watcher.email)) == 1


@worker_test
def test_a_delivery_that_fails_is_recorded_and_retried_later(category, events_not_sent):
    """PostgreSQL refuses (a table locked by another session): the event waits for its retry, intact."""
    asker, replier = make_member(), make_member()
    topic = services.topic_create(author=asker, category=category, title="Heat maps", body="Where?")
    reply = services.post_create(author=replier, topic=topic, body="The city publishes one.")
    row = NotificationOutbox.objects.get(post=reply)
    locked, release = threading.Event(), threading.Event()

    def maintenance():
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("LOCK TABLE forum_notification IN ACCESS EXCLUSIVE MODE")
                locked.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    thread = threading.Thread(target=maintenance)
    thread.start()
    try:
        assert locked.wait(timeout=30)
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '200ms'")
        try:
            assert notifications.outbox_deliver(row.pk) is False
        finally:
            with connection.cursor() as cursor:
                cursor.execute("RESET lock_timeout")
    finally:
        release.set()
        thread.join(timeout=30)

    row.refresh_from_db()
    assert row.done_at is None and row.failed_at is None
    assert row.attempts == 1 and "lock" in row.last_error
    assert row.next_attempt_at > timezone.now()  # not before its pause is over
    notifications.outbox_drain()
    row.refresh_from_db()
    assert row.done_at is None and row.attempts == 1  # the drain left it alone during its pause
    NotificationOutbox.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())  # the pause passes
    assert notifications.outbox_drain() == 1
    row.refresh_from_db()
    assert row.done_at is not None and row.attempts == 2 and row.last_error == ""
    assert recipients_of(reply.pk) == [asker.pk]
