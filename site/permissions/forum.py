"""The forum: reading categories and topics, writing, reacting, flagging and moderating.

Members-only content answers 404 to people who may not see it (views use `can_view_*` with
Http404), so its existence does not leak. Suspended members keep reading but cannot write.
"""

from django.utils import timezone

from .roles import Role, is_member, is_moderator, is_registered, role_of


def is_suspended(user) -> bool:
    """Whether the user is under a forum suspension now (cached on the user object per request)."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_forum_suspended", None)
    if cached is not None:
        return cached
    from forum.models import Suspension

    suspended = Suspension.objects.filter(
        user=user, lifted_at=None, starts_at__lte=timezone.now(), ends_at__gt=timezone.now()
    ).exists()
    user._forum_suspended = suspended
    return suspended


def forget_suspension(user) -> None:
    if hasattr(user, "_forum_suspended"):
        del user._forum_suspended


def _may_write(user) -> bool:
    return is_member(user) and not is_suspended(user)


def _writers_allow(user, writers: str) -> bool:
    if writers == "moderators":
        return is_moderator(user)
    return True


def can_view_forum(user) -> bool:
    return True


def can_view_category(user, category) -> bool:
    if category.visibility == "public":
        return True
    return role_of(user) >= Role.MEMBER


def can_start_topic(user, category) -> bool:
    return (
        can_view_category(user, category)
        and _may_write(user)
        and _writers_allow(user, category.who_may_start_topics)
    )


def can_view_topic(user, topic) -> bool:
    if not can_view_category(user, topic.category):
        return False
    if topic.status == "published" or is_moderator(user):
        return True
    if topic.status in ("pending", "hidden"):
        return topic.author_id is not None and topic.author_id == getattr(user, "pk", None)
    return False  # deleted and merged topics are gone (merged ones redirect)


def can_reply(user, topic) -> bool:
    if not (topic.status == "published" and can_view_topic(user, topic) and _may_write(user)):
        return False
    if topic.is_locked and not is_moderator(user):
        return False
    return _writers_allow(user, topic.category.who_may_reply)


def can_view_post(user, post) -> bool:
    """Hidden and pending posts are for their author and moderators; deleted ones for moderators."""
    if not can_view_topic(user, post.topic):
        return False
    if post.status == "published" or is_moderator(user):
        return True
    if post.status in ("pending", "hidden"):
        return post.author_id is not None and post.author_id == getattr(user, "pk", None)
    return False


def _is_author(user, obj) -> bool:
    return obj.author_id is not None and obj.author_id == getattr(user, "pk", None)


def can_edit_post(user, post) -> bool:
    if post.status == "deleted":
        return False
    if is_moderator(user):
        return True
    return (
        _is_author(user, post)
        and _may_write(user)
        and not post.topic.is_locked
        and post.status != "hidden"
        and can_view_post(user, post)
    )


def can_delete_post(user, post) -> bool:
    """Authors may delete their own posts; the question only while nobody has replied."""
    if post.status == "deleted" or not _is_author(user, post) or not is_member(user):
        return False
    if post.position == 1:
        return post.topic.reply_count == 0 and post.topic.last_position <= 1
    return True


def can_view_post_history(user, post) -> bool:
    return is_moderator(user) or (_is_author(user, post) and is_member(user))


def can_react(user, post) -> bool:
    return (
        post.status == "published"
        and _may_write(user)
        and not _is_author(user, post)
        and can_view_post(user, post)
    )


def can_flag_post(user, post) -> bool:
    return (
        post.status == "published"
        and is_member(user)
        and not _is_author(user, post)
        and can_view_post(user, post)
    )


def can_accept_answer(user, topic) -> bool:
    if topic.status != "published" or not can_view_topic(user, topic):
        return False
    return is_moderator(user) or (_is_author(user, topic) and _may_write(user))


def can_watch(user, obj) -> bool:
    """Signed-in people with a verified address may follow what they can read."""
    if not is_registered(user):
        return False
    if hasattr(obj, "visibility"):
        return can_view_category(user, obj)
    return can_view_topic(user, obj)


def can_view_notifications(user) -> bool:
    return is_registered(user)


def can_moderate(user, obj=None) -> bool:
    return is_moderator(user)


def can_suspend(user, target) -> bool:
    """Moderators suspend members, never themselves or another moderator."""
    return is_moderator(user) and target.pk != user.pk and not is_moderator(target)
