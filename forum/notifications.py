"""Who hears about what, and the emails that carry it.

Fan-out (which watchers and mentioned members to notify) and email runs in Celery tasks
(forum/tasks.py). Emails are batched: each recipient gets one message for everything that happened
since their last one, or a daily digest. Every email carries unsubscribe links signed with
django.core.signing, so they work without logging in and cannot be forged or altered.
"""

from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from lodestar.links import absolute_url
from lodestar.mail.services import email_queue
from lodestar.members.models import Profile, User
from lodestar.permissions import can_view_topic

from .models import CategoryWatch, Notification, NotificationPreference, Post, TopicWatch
from .rendering import render_markdown
from .services import mention_urls_for, notifications_create, preferences_for

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


def _display_name(user: User | None) -> str:
    if user is None:
        return "A former member"
    profile = getattr(user, "profile", None)
    return profile.display_name if profile else "A member"


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
    name = _display_name(post.author)
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

    created = 0
    messages = {
        Notification.Kind.MENTION: f"{name} mentioned you in “{topic.title}”",
        Notification.Kind.NEW_TOPIC: f"{name} started “{topic.title}” in {topic.category.name}",
        Notification.Kind.REPLY: f"{name} replied to “{topic.title}”",
    }
    for kind_value, message in messages.items():
        group = {uid: k for uid, k in recipients.items() if k == kind_value}
        created += notifications_create(recipients=group, actor_id=actor_id, post=post, message=message)
    return created


def answer_accepted_notify(*, post_id: int, actor_id: int | None) -> int:
    post = Post.objects.select_related("topic__category").filter(pk=post_id).first()
    if post is None or post.author_id is None or post.topic.accepted_post_id != post.pk:
        return 0
    if not _readers([post.author_id], post.topic):
        return 0
    actor = User.objects.select_related("profile").filter(pk=actor_id).first() if actor_id else None
    return notifications_create(
        recipients={post.author_id: Notification.Kind.ACCEPTED},
        actor_id=actor_id,
        post=post,
        message=f"{_display_name(actor)} accepted your reply as the answer in “{post.topic.title}”",
    )


def notification_email_send(*, recipient_id: int, digest: bool = False) -> bool:
    """Email a member everything not yet emailed, in one message; returns whether one was queued.

    Rows are locked and marked in the same transaction that queues the email, so two runs at once
    (the scheduled task and the catch-up) never send the same notification twice.
    """
    with transaction.atomic():
        recipient = User.objects.filter(pk=recipient_id, is_active=True).first()
        if recipient is None:
            return False
        prefs = preferences_for(recipient_id)
        wanted = "daily" if digest else "immediate"
        pending = list(
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(recipient_id=recipient_id, email_handled_at=None)
            .select_related("topic", "post")
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
        items = [
            {
                "message": n.message,
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
        if digest:
            subject = f"Your daily forum digest: {len(items)} update{'s' if len(items) != 1 else ''}"
        elif len(items) == 1:
            subject = items[0]["message"]
        else:
            subject = f"{len(items)} new updates in the forum"
        email_queue(
            to=[recipient.email],
            subject=f"[Lodestar] {subject}",
            text=render_to_string("forum/email/notifications.txt", context),
            html=render_to_string("forum/email/notifications.html", context),
            headers={
                "List-Unsubscribe": f"<{stop_all}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(email_handled_at=timezone.now())
        return True


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
