"""Who hears about what, and the emails that carry it: every notification and preference write.

A user action that notifies others (a reply or new topic for watchers, a mention, an accepted
answer) records one NotificationOutbox row in the action's own transaction (`post_published`,
`answer_accepted`). On commit the row is handed to the worker; if the broker is down, the row
waits and the periodic drain (beat, `drain_notification_outbox`) delivers it once the broker is
back. Delivering an event claims its row with `SELECT ... FOR UPDATE SKIP LOCKED` and marks it
done in the transaction that creates the notifications, so a task and the drain running at once,
or a retried drain, never notify twice (the unique constraint on recipient, kind and post is the
last guard). Moderation notices concern one member and are written directly with the action.

Emails are batched: each recipient gets one message for everything that happened since their last
one, or a daily digest; the notification rows not yet emailed are the email's own outbox
(`send_pending_notification_emails` catches up when a scheduled email task was lost). Every email
carries unsubscribe links signed with django.core.signing, so they work without logging in and
cannot be forged or altered.

The Celery tasks that deliver all this are defined at the end of this module, so that scheduling
them needs no import of forum.tasks (which re-exports them for the worker): forum.services and
forum.tasks import this module, and this module imports neither.
"""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from lodestar.links import absolute_url
from lodestar.mail.headers import one_click_unsubscribe
from lodestar.mail.services import email_queue
from lodestar.members.models import Profile, User
from lodestar.members.selectors import preferred_language
from lodestar.permissions import can_view_topic
from lodestar.queue import send_task

from .models import (
    CategoryWatch,
    Notification,
    NotificationOutbox,
    NotificationPreference,
    Post,
    Topic,
    TopicWatch,
)
from .rendering import render_markdown
from .selectors import mention_urls_for

logger = logging.getLogger(__name__)

# A delivery that keeps failing is retried with a growing pause, then left for an operator (admin).
OUTBOX_MAX_ATTEMPTS = 8
OUTBOX_RETRY_MAX_SECONDS = 60 * 60
DRAIN_BATCH = 200

UNSUBSCRIBE_SALT = "forum.unsubscribe"


def unsubscribe_token(*, user_id: int, scope: str) -> str:
    return signing.dumps({"u": user_id, "s": scope}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """The (user id, scope) of a link; raises signing.BadSignature when forged or altered."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(data.get("s"), str):
        raise signing.BadSignature("malformed unsubscribe token")
    return data["u"], data["s"]


def absolute(url: str) -> str:
    return absolute_url(url)


def unsubscribe_url(*, user_id: int, scope: str) -> str:
    return absolute(
        reverse("forum:unsubscribe", kwargs={"token": unsubscribe_token(user_id=user_id, scope=scope)})
    )


# --- Preferences -----------------------------------------------------------------------------

_KIND_PREFERENCE = {
    Notification.Kind.REPLY: "email_replies",
    Notification.Kind.NEW_TOPIC: "email_new_topics",
    Notification.Kind.MENTION: "email_mentions",
    Notification.Kind.ACCEPTED: "email_accepted",
    Notification.Kind.MODERATION: "email_moderation",
}


def preferences_for(user_id: int) -> NotificationPreference:
    prefs, _ = NotificationPreference.objects.get_or_create(user_id=user_id)
    return prefs


def _wants_email(user_id: int, kind: str, prefs: NotificationPreference | None = None) -> bool:
    prefs = prefs or preferences_for(user_id)
    if prefs.email_frequency == NotificationPreference.EmailFrequency.NEVER:
        return False
    return getattr(prefs, _KIND_PREFERENCE[kind])


@transaction.atomic
def preferences_update(*, user: User, data: dict) -> NotificationPreference:
    prefs = preferences_for(user.pk)
    for field, value in data.items():
        setattr(prefs, field, value)
    prefs.save()
    return prefs


@transaction.atomic
def email_unsubscribe(*, user_id: int, scope: str) -> str:
    """Act on a signed unsubscribe link: stop all forum email, or stop watching one topic."""
    if scope == "all":
        prefs = preferences_for(user_id)
        prefs.email_frequency = NotificationPreference.EmailFrequency.NEVER
        prefs.save(update_fields=["email_frequency"])
        Notification.objects.filter(recipient_id=user_id, email_handled_at=None).update(
            email_handled_at=timezone.now()
        )
        return gettext("You will not receive forum emails any more.")
    if scope.startswith("topic:"):
        topic_id = int(scope.split(":", 1)[1])
        TopicWatch.objects.filter(user_id=user_id, topic_id=topic_id).delete()
        topic = Topic.objects.filter(pk=topic_id).first()
        if topic is None:
            return gettext("You no longer watch that topic.")
        return gettext("You no longer watch “%(title)s”.") % {"title": topic.title}
    raise ValidationError(gettext("This unsubscribe link is not valid."))


# --- Recording events with the action that causes them (the outbox) ---------------------------


def post_published(*, post: Post) -> NotificationOutbox:
    """A post became visible: its watchers and mentioned members will hear of it. Call in its transaction."""
    return _record(NotificationOutbox.Event.POST_PUBLISHED, post=post, actor_id=post.author_id)


def answer_accepted(*, post: Post, actor: User) -> NotificationOutbox:
    """A reply was accepted as the answer: its author will hear of it. Call in its transaction."""
    return _record(NotificationOutbox.Event.ANSWER_ACCEPTED, post=post, actor_id=actor.pk)


def _record(event: str, *, post: Post, actor_id: int | None) -> NotificationOutbox:
    """Insert the event's row, or re-arm it when the same event happens again (delivery is idempotent)."""
    (row,) = NotificationOutbox.objects.bulk_create(
        [NotificationOutbox(key=f"{event}:{post.pk}", event=event, post=post, actor_id=actor_id)],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["actor", "attempts", "next_attempt_at", "last_error", "done_at", "failed_at"],
    )
    transaction.on_commit(lambda: _hand_to_worker(row.pk))
    return row


def _hand_to_worker(row_id: int) -> None:
    if send_task(deliver_notification_event, row_id) is None:
        logger.warning("Notification event %s not queued now; the periodic drain will deliver it.", row_id)


def _due() -> Q:
    now = timezone.now()
    return Q(done_at=None, failed_at=None) & (Q(next_attempt_at=None) | Q(next_attempt_at__lte=now))


def outbox_deliver(row_id: int) -> bool:
    """Create the notifications of one recorded event, once; returns whether this call delivered it.

    The row stays locked while its notifications are written and is marked done in the same
    transaction: a second task or drain skips it meanwhile and finds it done afterwards.
    """
    with transaction.atomic():
        row = NotificationOutbox.objects.select_for_update(skip_locked=True).filter(_due(), pk=row_id).first()
        if row is None:
            return False
        row.attempts += 1
        try:
            with transaction.atomic():
                if row.event == NotificationOutbox.Event.POST_PUBLISHED:
                    post_published_fan_out(post_id=row.post_id)
                else:
                    answer_accepted_notify(post_id=row.post_id, actor_id=row.actor_id)
        except Exception as error:  # noqa: BLE001 - recorded on the row and retried later, never lost
            logger.exception("Delivering notification event %s failed (attempt %d)", row.key, row.attempts)
            row.last_error = f"{type(error).__name__}: {error}"[:500]
            if row.attempts >= OUTBOX_MAX_ATTEMPTS:
                row.failed_at = timezone.now()
            else:
                pause = min(30 * 2 ** (row.attempts - 1), OUTBOX_RETRY_MAX_SECONDS)
                row.next_attempt_at = timezone.now() + timedelta(seconds=pause)
            row.save(update_fields=["attempts", "last_error", "failed_at", "next_attempt_at"])
            return False
        row.done_at = timezone.now()
        row.last_error = ""
        row.save(update_fields=["attempts", "done_at", "last_error"])
        return True


def outbox_drain() -> int:
    """Deliver every due event in recording order (lost tasks, broker outages); returns how many."""
    delivered, after = 0, 0
    while True:
        ids = list(
            NotificationOutbox.objects.filter(_due(), pk__gt=after)
            .order_by("pk")
            .values_list("pk", flat=True)[:DRAIN_BATCH]
        )
        if not ids:
            return delivered
        after = ids[-1]
        delivered += sum(outbox_deliver(row_id) for row_id in ids)


# --- Creating notifications ------------------------------------------------------------------


def _readers(user_ids, topic) -> list[int]:
    """Keep the users who may read the topic now (a category may have become members-only)."""
    users = User.objects.filter(pk__in=set(user_ids), is_active=True)
    return [user.pk for user in users if can_view_topic(user, topic)]


def post_published_fan_out(*, post_id: int) -> int:
    """Notify mentioned members and watchers of a newly visible post, once each."""
    post = Post.objects.select_related("topic__category", "author__profile").filter(pk=post_id).first()
    if post is None or not post.is_published or not post.topic.is_published:
        return 0
    topic = post.topic
    actor_id = post.author_id
    recipients: dict[int, str] = {}

    mentioned_slugs = render_markdown(post.body, mention_urls=mention_urls_for(post.body)).mentioned_slugs
    if mentioned_slugs:
        mentioned_ids = Profile.objects.filter(slug__in=mentioned_slugs).values_list("user_id", flat=True)
        for uid in _readers(mentioned_ids, topic):
            recipients[uid] = Notification.Kind.MENTION
    if post.is_first:
        watchers = CategoryWatch.objects.filter(category_id=topic.category_id).values_list(
            "user_id", flat=True
        )
        kind = Notification.Kind.NEW_TOPIC
    else:
        watchers = TopicWatch.objects.filter(topic=topic).values_list("user_id", flat=True)
        kind = Notification.Kind.REPLY
    for uid in _readers(watchers, topic):
        recipients.setdefault(uid, kind)
    recipients.pop(actor_id, None)

    return notifications_create(recipients=recipients, actor_id=actor_id, post=post)


def answer_accepted_notify(*, post_id: int, actor_id: int | None) -> int:
    post = Post.objects.select_related("topic__category").filter(pk=post_id).first()
    if post is None or post.author_id is None or post.topic.accepted_post_id != post.pk:
        return 0
    if not _readers([post.author_id], post.topic):
        return 0
    return notifications_create(
        recipients={post.author_id: Notification.Kind.ACCEPTED}, actor_id=actor_id, post=post
    )


@transaction.atomic
def notifications_create(*, recipients: dict[int, str], actor_id: int | None, post: Post) -> int:
    """Create one notification per recipient (recipient id -> kind); safe to call twice.

    Only what happened is stored (kind, actor, topic, post): the text is written when shown.

    Returns how many were new. Recipients who want immediate email get a batched email scheduled.
    """
    if not recipients:
        return 0
    prefs = {p.user_id: p for p in NotificationPreference.objects.filter(user_id__in=recipients)}
    missing = [uid for uid in recipients if uid not in prefs]
    if missing:
        NotificationPreference.objects.bulk_create(
            [NotificationPreference(user_id=uid) for uid in missing], ignore_conflicts=True
        )
        prefs.update({p.user_id: p for p in NotificationPreference.objects.filter(user_id__in=missing)})
    already = set(
        Notification.objects.filter(post=post, recipient_id__in=recipients).values_list(
            "recipient_id", flat=True
        )
    )
    now = timezone.now()
    rows = []
    for uid, kind in recipients.items():
        if uid in already or uid == actor_id:
            continue
        wants = _wants_email(uid, kind, prefs[uid])
        rows.append(
            Notification(
                recipient_id=uid,
                kind=kind,
                actor_id=actor_id,
                topic_id=post.topic_id,
                post=post,
                created_at=now,
                email_handled_at=None if wants else now,
            )
        )
    created = Notification.objects.bulk_create(rows, ignore_conflicts=True)
    for row in rows:
        if row.email_handled_at is None and prefs[row.recipient_id].email_frequency == "immediate":
            _schedule_email(row.recipient_id)
    return len(created)


def moderation_notify(
    *, recipient_id: int | None, moderator: User, decision: str, topic: Topic | None = None, **params
) -> None:
    """Tell a member what a moderator decided (one row, written with the decision; no fan-out).

    `decision` is one of forum.notification_texts' decisions; `params` what its text needs
    (a reason, an end date as ISO text).
    """
    if recipient_id is None or recipient_id == moderator.pk:
        return
    Notification.objects.create(
        recipient_id=recipient_id,
        kind=Notification.Kind.MODERATION,
        actor=moderator,
        topic=topic,
        post=None,  # several decisions about one post are each worth a notice
        params={"decision": decision, **params},
        email_handled_at=None if _wants_email(recipient_id, Notification.Kind.MODERATION) else timezone.now(),
    )
    _schedule_email(recipient_id)


def saved_search_notify(*, recipient_id: int, name: str, count: int, url: str) -> Notification:
    """An in-app notice of a saved search's new matches; its email is the alert itself, so none here."""
    return Notification.objects.create(
        recipient_id=recipient_id,
        kind=Notification.Kind.SAVED_SEARCH,
        params={"name": name, "count": count},
        url=url[:500],
        email_handled_at=timezone.now(),
    )


@transaction.atomic
def notifications_mark_read(*, user: User, ids: list[int] | None = None) -> int:
    qs = Notification.objects.filter(recipient=user, read_at=None)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=timezone.now())


# --- Emails ----------------------------------------------------------------------------------


def _schedule_email(recipient_id: int) -> None:
    """Emails wait a short while so that several events go out in one message."""

    def schedule():
        # Lost with the broker down: send_pending_notification_emails (beat) catches up.
        send_task(send_notification_email, recipient_id, countdown=settings.FORUM_EMAIL_BATCH_SECONDS)

    transaction.on_commit(schedule)


def notification_email_send(*, recipient_id: int, digest: bool = False) -> bool:
    """Email a member everything not yet emailed, in one message; returns whether one was queued.

    Rows are locked and marked in the same transaction that queues the email, so two runs at once
    (the scheduled task and the catch-up) never send the same notification twice. The email is
    written in the recipient's preferred language, links included, whoever's action caused it.
    """
    with transaction.atomic():
        recipient = User.objects.select_related("profile").filter(pk=recipient_id, is_active=True).first()
        if recipient is None:
            return False
        prefs = preferences_for(recipient_id)
        wanted = "daily" if digest else "immediate"
        pending = list(
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(recipient_id=recipient_id, email_handled_at=None)
            .select_related("topic__category", "post", "actor__profile")
            .order_by("created_at")
        )
        if not pending:
            return False
        if prefs.email_frequency != wanted:
            if prefs.email_frequency == NotificationPreference.EmailFrequency.NEVER:
                Notification.objects.filter(pk__in=[n.pk for n in pending]).update(
                    email_handled_at=timezone.now()
                )
            return False
        with translation.override(preferred_language(recipient)):
            subject, text, html, stop_all = _notification_email(recipient_id, pending, digest=digest)
        email_queue(
            to=[recipient.email],
            subject=subject,
            text=text,
            html=html,
            headers=one_click_unsubscribe(stop_all),
        )
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(email_handled_at=timezone.now())
        return True


def _notification_email(recipient_id: int, pending: list[Notification], *, digest: bool):
    """Subject, text, HTML and stop-all link of one email, in the active language (links included)."""
    items = [
        {
            "message": n.text,
            "url": absolute(
                n.post.get_absolute_url()
                if n.post_id
                else (n.topic.get_absolute_url() if n.topic_id else "/")
            ),
            "unwatch_url": unsubscribe_url(user_id=recipient_id, scope=f"topic:{n.topic_id}")
            if n.topic_id and n.kind in (Notification.Kind.REPLY, Notification.Kind.MENTION)
            else "",
        }
        for n in pending
    ]
    stop_all = unsubscribe_url(user_id=recipient_id, scope="all")
    context = {
        "items": items,
        "digest": digest,
        "unsubscribe_url": stop_all,
        "preferences_url": absolute(reverse("forum:preferences")),
        "notifications_url": absolute(reverse("forum:notifications")),
    }
    count = len(items)
    if digest:
        subject = ngettext(
            "Your daily forum digest: %(count)s update", "Your daily forum digest: %(count)s updates", count
        ) % {"count": count}
    elif count == 1:
        subject = items[0]["message"]
    else:
        subject = ngettext(
            "%(count)s new update in the forum", "%(count)s new updates in the forum", count
        ) % {"count": count}
    return (
        f"[Lodestar] {subject}",
        render_to_string("forum/email/notifications.txt", context),
        render_to_string("forum/email/notifications.html", context),
        stop_all,
    )


def recipients_with_unsent(*, frequency: str, older_than_seconds: int = 0) -> list[int]:
    """Members with notifications not yet emailed, for the catch-up and digest tasks."""
    cutoff = timezone.now() - timezone.timedelta(seconds=older_than_seconds)
    ids = (
        Notification.objects.filter(email_handled_at=None, created_at__lte=cutoff)
        .filter(Q(recipient__forum_preferences__email_frequency=frequency))
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    return list(ids)


# --- Celery tasks (thin, id-based, safe to run twice) -------------------------------------------


@shared_task
def deliver_notification_event(row_id: int) -> bool:
    """Create the notifications of an event recorded with a member's action, once."""
    return outbox_deliver(row_id)


@shared_task
def drain_notification_outbox() -> int:
    """Deliver events whose task was lost, for example while the broker was down (beat, every minute)."""
    return outbox_drain()


@shared_task
def send_notification_email(recipient_id: int) -> bool:
    """One batched email with everything a member has not been emailed about yet."""
    return notification_email_send(recipient_id=recipient_id)


@shared_task
def send_pending_notification_emails() -> int:
    """Catch up on emails whose scheduled task was lost (for example while the broker was down)."""
    sent = 0
    for recipient_id in recipients_with_unsent(
        frequency="immediate", older_than_seconds=settings.FORUM_EMAIL_BATCH_SECONDS
    ):
        sent += notification_email_send(recipient_id=recipient_id)
    return sent


@shared_task
def send_daily_digests() -> int:
    sent = 0
    for recipient_id in recipients_with_unsent(frequency="daily"):
        sent += notification_email_send(recipient_id=recipient_id, digest=True)
    return sent
