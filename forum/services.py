"""Everything that writes to the forum. Views and tasks call these; each runs in one transaction.

Who hears about a change is forum.notifications' business: services record the event there, in
their own transaction, and it reaches the worker once the transaction commits (or, with the broker
down, when the periodic drain runs), so a request never waits on it and never loses it.
"""

import re
from datetime import UTC, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from lodestar.members.models import User
from lodestar.members.selectors import preferred_language
from lodestar.permissions import is_moderator
from lodestar.permissions.forum import forget_suspension

from . import notification_texts as texts
from . import notifications, signals
from .models import (
    Category,
    CategoryWatch,
    Flag,
    ModerationLogEntry,
    NotificationPreference,
    Post,
    PostRevision,
    Reaction,
    Status,
    Suspension,
    Topic,
    TopicReadState,
    TopicWatch,
)
from .rendering import Rendered, render_markdown
from .selectors import mention_urls_for

# --- Rendering and the checks every new text goes through -----------------------------------


def post_render(body: str) -> Rendered:
    return render_markdown(body, mention_urls=mention_urls_for(body))


def _published_post_count(user: User) -> int:
    return Post.objects.filter(author=user, status=Post.Status.PUBLISHED).count()


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


def _check_new_text(*, author: User, body: str, rendered: Rendered, exclude_post: Post | None = None) -> None:
    """Refuse texts that are too long, look like a newcomer's spam, or repeat a recent post."""
    if len(body) > settings.FORUM_POST_MAX_LENGTH:
        raise ValidationError(
            _("Posts can be at most %(limit)s characters long; this one has %(length)s.")
            % {
                "limit": number_format(settings.FORUM_POST_MAX_LENGTH, force_grouping=True),
                "length": number_format(len(body), force_grouping=True),
            },
            code="too_long",
        )
    if not body.strip():
        raise ValidationError(_("Please write something."), code="empty")
    if is_moderator(author):
        return
    if _published_post_count(author) < settings.FORUM_NEW_MEMBER_POSTS:
        if rendered.link_count > settings.FORUM_NEW_MEMBER_MAX_LINKS:
            raise ValidationError(
                _(
                    "New members can include at most %(limit)s links in a post "
                    "(this protects the forum from spam). Please remove some links."
                )
                % {"limit": settings.FORUM_NEW_MEMBER_MAX_LINKS},
                code="too_many_links",
            )
        if len(rendered.mentioned_slugs) > settings.FORUM_NEW_MEMBER_MAX_MENTIONS:
            raise ValidationError(
                _("New members can mention at most %(limit)s people in a post.")
                % {"limit": settings.FORUM_NEW_MEMBER_MAX_MENTIONS},
                code="too_many_mentions",
            )
    if exclude_post is None:
        since = timezone.now() - timedelta(seconds=settings.FORUM_DUPLICATE_WINDOW_SECONDS)
        wanted = _normalised(body)
        recent = Post.objects.filter(author=author, created_at__gte=since).exclude(status=Post.Status.DELETED)
        for earlier in recent.only("body"):
            if _normalised(earlier.body) == wanted:
                raise ValidationError(
                    _(
                        "You posted this same text a moment ago. If it did not appear, it may be "
                        "waiting for a moderator's approval."
                    ),
                    code="duplicate",
                )


def _needs_approval(author: User) -> bool:
    """The first posts of a new member wait for a moderator (FORUM_APPROVAL_FIRST_POSTS)."""
    if is_moderator(author):
        return False
    return _published_post_count(author) < settings.FORUM_APPROVAL_FIRST_POSTS


def _post_language(author: User, language: str | None) -> str:
    """The language a post is written in: the author's choice, else their preferred language."""
    if language in dict(settings.LANGUAGES):
        return language
    return preferred_language(author)


def _auto_watch(*, user: User, topic: Topic) -> None:
    prefs = NotificationPreference.objects.filter(user=user).first()
    if prefs is None or prefs.watch_own_topics:
        TopicWatch.objects.get_or_create(user=user, topic=topic)


def _log(*, moderator: User, action: str, topic=None, post=None, target_user=None, detail: str = "") -> None:
    ModerationLogEntry.objects.create(
        moderator=moderator,
        action=action,
        topic=topic,
        post=post,
        target_user=target_user,
        detail=detail[:500],
    )


def _notify_author(*, post: Post, moderator: User, decision: str, **params) -> None:
    """Tell an author what a moderator decided about their post (forum.notification_texts' decisions)."""
    notifications.moderation_notify(
        recipient_id=post.author_id, moderator=moderator, topic=post.topic, decision=decision, **params
    )


# --- Topics and posts ------------------------------------------------------------------------


@transaction.atomic
def topic_create(
    *,
    author: User,
    category: Category,
    title: str,
    body: str,
    tags=(),
    page=None,
    language: str | None = None,
) -> Topic:
    """Start a topic: the topic row and its first post (the question), in `language` (the author's
    preferred language when not given)."""
    rendered = post_render(body)
    _check_new_text(author=author, body=body, rendered=rendered)
    pending = _needs_approval(author)
    now = timezone.now()
    topic = Topic.objects.create(
        category=category,
        title=title.strip(),
        author=author,
        status=Topic.Status.PENDING if pending else Topic.Status.PUBLISHED,
        created_at=now,
        last_activity_at=now,
        last_position=1,
        page=page,
    )
    if tags:
        topic.tags.set(list(tags))
    post = Post.objects.create(
        topic=topic,
        position=1,
        author=author,
        body=body,
        body_html=rendered.html,
        language=_post_language(author, language),
        status=Post.Status.PENDING if pending else Post.Status.PUBLISHED,
        created_at=now,
    )
    _auto_watch(user=author, topic=topic)
    TopicReadState.objects.update_or_create(user=author, topic=topic, defaults={"last_read_position": 1})
    if not pending:
        notifications.post_published(post=post)
    return topic


@transaction.atomic
def post_create(*, author: User, topic: Topic, body: str, language: str | None = None) -> Post:
    """Reply to a topic. Positions are handed out under a row lock on the topic."""
    rendered = post_render(body)
    _check_new_text(author=author, body=body, rendered=rendered)
    pending = _needs_approval(author)
    locked = Topic.objects.select_for_update().get(pk=topic.pk)
    now = timezone.now()
    position = locked.last_position + 1
    post = Post.objects.create(
        topic=locked,
        position=position,
        author=author,
        body=body,
        body_html=rendered.html,
        language=_post_language(author, language),
        status=Post.Status.PENDING if pending else Post.Status.PUBLISHED,
        created_at=now,
    )
    locked.last_position = position
    update = ["last_position"]
    if not pending:
        locked.reply_count = F("reply_count") + 1
        locked.last_activity_at = now
        update += ["reply_count", "last_activity_at"]
    locked.save(update_fields=update)
    _auto_watch(user=author, topic=locked)
    TopicReadState.objects.update_or_create(
        user=author, topic=locked, defaults={"last_read_position": position, "read_at": now}
    )
    if not pending:
        notifications.post_published(post=post)
    topic.refresh_from_db()
    return post


@transaction.atomic
def post_edit(*, post: Post, editor: User, body: str, language: str | None = None) -> Post:
    """Change a post's text (and the language it is written in), keeping the previous text as a revision."""
    if language and language != post.language:
        post.language = _post_language(editor, language)
        post.save(update_fields=["language"])
    if body == post.body:
        return post
    rendered = post_render(body)
    _check_new_text(author=editor, body=body, rendered=rendered, exclude_post=post)
    PostRevision.objects.create(post=post, body=post.body, editor=editor)
    post.body = body
    post.body_html = rendered.html
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "edited_at"])
    if editor.pk != post.author_id:
        _log(moderator=editor, action=ModerationLogEntry.Action.EDIT, topic=post.topic, post=post)
    return post


def _recount(topic: Topic) -> None:
    """Recompute a topic's counters after posts change visibility or move."""
    published = topic.posts.filter(status=Post.Status.PUBLISHED)
    latest = published.order_by("-position").values_list("created_at", flat=True).first()
    topic.reply_count = published.filter(position__gt=1).count()
    topic.last_activity_at = latest or topic.created_at
    topic.last_position = topic.posts.order_by("-position").values_list("position", flat=True).first() or 0
    topic.save(update_fields=["reply_count", "last_activity_at", "last_position"])


def _set_post_status(post: Post, status: str, *, reason: str = "") -> str:
    old = post.status
    post.status = status
    post.moderation_reason = reason[:500]
    post.save(update_fields=["status", "moderation_reason"])
    if post.position == 1 and post.topic.status != Status.MERGED:
        post.topic.status = status  # a topic stands where its question stands (one Status enum)
        post.topic.save(update_fields=["status"])
    if post.topic.accepted_post_id == post.pk and status != Post.Status.PUBLISHED:
        post.topic.accepted_post = None
        post.topic.save(update_fields=["accepted_post"])
    _recount(post.topic)
    # Inside the transaction, so that receivers can record their own writes with it (the search outbox).
    signals.post_visibility_changed.send(sender=Post, post=post, old_status=old, new_status=status)
    return old


@transaction.atomic
def post_delete(*, post: Post, user: User) -> None:
    """The author removes their post; it stays in the database (soft delete) for moderators."""
    _set_post_status(post, Post.Status.DELETED)


@transaction.atomic
def post_approve(*, post: Post, moderator: User) -> None:
    if post.status != Post.Status.PENDING:
        return
    _set_post_status(post, Post.Status.PUBLISHED)
    _log(moderator=moderator, action=ModerationLogEntry.Action.APPROVE, topic=post.topic, post=post)
    _notify_author(post=post, moderator=moderator, decision=texts.APPROVED)
    notifications.post_published(post=post)


@transaction.atomic
def post_hide(*, post: Post, moderator: User, reason: str) -> None:
    """Hide a post from everyone but its author and moderators (also used to reject a pending post)."""
    if post.status == Post.Status.HIDDEN:
        return
    _set_post_status(post, Post.Status.HIDDEN, reason=reason)
    Flag.objects.filter(post=post, resolution=Flag.Resolution.OPEN).update(
        resolution=Flag.Resolution.UPHELD, resolved_by=moderator, resolved_at=timezone.now()
    )
    _log(
        moderator=moderator, action=ModerationLogEntry.Action.HIDE, topic=post.topic, post=post, detail=reason
    )
    _notify_author(post=post, moderator=moderator, decision=texts.HIDDEN, reason=reason)


@transaction.atomic
def post_unhide(*, post: Post, moderator: User) -> None:
    if post.status != Post.Status.HIDDEN:
        return
    _set_post_status(post, Post.Status.PUBLISHED)
    _log(moderator=moderator, action=ModerationLogEntry.Action.UNHIDE, topic=post.topic, post=post)
    _notify_author(post=post, moderator=moderator, decision=texts.VISIBLE)


# --- Engagement ------------------------------------------------------------------------------


@transaction.atomic
def reaction_toggle(*, post: Post, user: User, kind: str) -> bool:
    """Add the reaction, or take it back if it is there; returns whether it is there now."""
    deleted, _ = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Reaction.objects.create(post=post, user=user, kind=kind)
    except IntegrityError:  # a double click raced us: it is there either way
        pass
    return True


@transaction.atomic
def topic_accept_answer(*, topic: Topic, post: Post | None, user: User) -> None:
    """Mark one reply as the answer (or clear it with post=None); its author is told."""
    if post is not None and (post.topic_id != topic.pk or post.position == 1 or not post.is_published):
        raise ValidationError(_("Only a published reply in this topic can be the accepted answer."))
    topic.accepted_post = post
    topic.save(update_fields=["accepted_post"])
    if post is not None:
        notifications.answer_accepted(post=post, actor=user)


@transaction.atomic
def topic_mark_read(*, topic: Topic, user: User, position: int) -> None:
    """Remember the furthest post a member has seen; never moves backwards."""
    state, created = TopicReadState.objects.get_or_create(
        user=user, topic=topic, defaults={"last_read_position": position}
    )
    if not created and state.last_read_position < position:
        state.last_read_position = position
        state.read_at = timezone.now()
        state.save(update_fields=["last_read_position", "read_at"])


@transaction.atomic
def topic_watch(*, topic: Topic, user: User, watching: bool) -> None:
    if watching:
        TopicWatch.objects.get_or_create(user=user, topic=topic)
    else:
        TopicWatch.objects.filter(user=user, topic=topic).delete()


@transaction.atomic
def category_watch(*, category: Category, user: User, watching: bool) -> None:
    if watching:
        CategoryWatch.objects.get_or_create(user=user, category=category)
    else:
        CategoryWatch.objects.filter(user=user, category=category).delete()


@transaction.atomic
def flag_create(*, post: Post, user: User, reason: str, detail: str = "") -> Flag:
    """Report a post; a member's second flag on the same post while one is open changes nothing."""
    existing = Flag.objects.filter(post=post, flagged_by=user, resolution=Flag.Resolution.OPEN).first()
    if existing:
        return existing
    return Flag.objects.create(post=post, flagged_by=user, reason=reason, detail=detail[:500])


@transaction.atomic
def flag_dismiss(*, flag: Flag, moderator: User) -> None:
    if flag.resolution != Flag.Resolution.OPEN:
        return
    flag.resolution = Flag.Resolution.DISMISSED
    flag.resolved_by = moderator
    flag.resolved_at = timezone.now()
    flag.save(update_fields=["resolution", "resolved_by", "resolved_at"])
    _log(
        moderator=moderator,
        action=ModerationLogEntry.Action.DISMISS_FLAG,
        topic=flag.post.topic,
        post=flag.post,
        detail=flag.get_reason_display(),
    )


# --- Topic moderation ------------------------------------------------------------------------


@transaction.atomic
def topic_lock(*, topic: Topic, moderator: User, locked: bool) -> None:
    if topic.is_locked == locked:
        return
    topic.is_locked = locked
    topic.save(update_fields=["is_locked"])
    action = ModerationLogEntry.Action.LOCK if locked else ModerationLogEntry.Action.UNLOCK
    _log(moderator=moderator, action=action, topic=topic)


@transaction.atomic
def topic_pin(*, topic: Topic, moderator: User, pinned: bool) -> None:
    if topic.is_pinned == pinned:
        return
    topic.is_pinned = pinned
    topic.save(update_fields=["is_pinned"])
    action = ModerationLogEntry.Action.PIN if pinned else ModerationLogEntry.Action.UNPIN
    _log(moderator=moderator, action=action, topic=topic)


@transaction.atomic
def topic_move(*, topic: Topic, moderator: User, category: Category) -> None:
    if topic.category_id == category.pk:
        return
    old = topic.category
    topic.category = category
    topic.save(update_fields=["category"])
    _log(
        moderator=moderator,
        action=ModerationLogEntry.Action.MOVE,
        topic=topic,
        detail=f"From “{old.name}” to “{category.name}”",
    )
    signals.topic_moved.send(sender=Topic, topic=topic, from_category=old, to_category=category)


@transaction.atomic
def topic_merge(*, source: Topic, target: Topic, moderator: User) -> None:
    """Move every post of a duplicate topic to the end of another, in their original order.

    The source topic stays as a "merged" stub whose address redirects to the target, so links to it
    keep working.
    """
    if source.pk == target.pk:
        raise ValidationError(_("A topic cannot be merged into itself."))
    if target.status == Topic.Status.MERGED:
        raise ValidationError(_("That topic was itself merged; merge into the topic it points to."))
    source = Topic.objects.select_for_update().get(pk=source.pk)
    target = Topic.objects.select_for_update().get(pk=target.pk)
    moved = list(source.posts.order_by("position"))
    # Appended after the target's last position, so they never clash with its own posts.
    offset = target.last_position
    for index, post in enumerate(moved, start=1):
        post.topic = target
        post.position = offset + index
    Post.objects.bulk_update(moved, ["topic", "position"])
    # Watchers of the duplicate now watch the surviving topic.
    watcher_ids = set(source.watches.values_list("user_id", flat=True)) - set(
        target.watches.values_list("user_id", flat=True)
    )
    TopicWatch.objects.bulk_create([TopicWatch(user_id=uid, topic=target) for uid in watcher_ids])
    source.status = Topic.Status.MERGED
    source.merged_into = target
    source.accepted_post = None
    source.last_position = 0
    source.reply_count = 0
    source.save(update_fields=["status", "merged_into", "accepted_post", "last_position", "reply_count"])
    target.last_position = offset + len(moved)
    target.save(update_fields=["last_position"])
    _recount(target)
    _log(
        moderator=moderator,
        action=ModerationLogEntry.Action.MERGE,
        topic=target,
        detail=f"“{source.title}” (#{source.pk}) merged into “{target.title}” (#{target.pk})",
    )
    post_ids = [p.pk for p in moved]
    signals.topics_merged.send(sender=Topic, source=source, target=target, post_ids=post_ids)


@transaction.atomic
def member_suspend(*, user: User, moderator: User, days: int, reason: str) -> Suspension:
    """Stop a member from writing in the forum for `days` days; they are told why."""
    now = timezone.now()
    suspension = Suspension.objects.create(
        user=user,
        suspended_by=moderator,
        reason=reason[:500],
        starts_at=now,
        ends_at=now + timedelta(days=days),
    )
    forget_suspension(user)
    _log(
        moderator=moderator,
        action=ModerationLogEntry.Action.SUSPEND,
        target_user=user,
        detail=f"{days} days: {reason}",
    )
    notifications.moderation_notify(
        recipient_id=user.pk,
        moderator=moderator,
        decision=texts.SUSPENDED,
        until=suspension.ends_at.astimezone(UTC).isoformat(),
        reason=reason,
    )
    return suspension


@transaction.atomic
def suspension_lift(*, suspension: Suspension, moderator: User) -> None:
    if suspension.lifted_at is not None:
        return
    suspension.lifted_at = timezone.now()
    suspension.save(update_fields=["lifted_at"])
    forget_suspension(suspension.user)
    _log(moderator=moderator, action=ModerationLogEntry.Action.LIFT, target_user=suspension.user)
