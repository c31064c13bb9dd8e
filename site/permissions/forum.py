"""The forum: reading categories and topics, writing, reacting, flagging and moderating.

Members-only content answers 404 to people who may not see it (views use `can_view_*` with
Http404), so its existence does not leak. Suspended members keep reading but cannot write.

Two halves, as in Misago's `checks` and `querysets`: `can_*` functions decide one object, and
the queryset filters below them (`visible_categories`, `visible_topics`, `visible_posts`,
`findable_topics`, `findable_posts`) say the same thing to lists, feeds and the search index, all
on the one `Status` enum of forum.models.
"""

from django.db.models import Q, QuerySet
from django.utils import timezone

from forum.models import Category, Post, Status, Suspension, Topic

from .roles import Role, is_member, is_moderator, is_registered, role_of
from .search import MEMBERS_ONLY, PUBLIC


def is_suspended(user) -> bool:
    """Whether the user is under a forum suspension now (cached on the user object per request)."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_forum_suspended", None)
    if cached is not None:
        return cached
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
    if category.visibility == Category.Visibility.PUBLIC:
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
    if topic.status == Status.PUBLISHED or is_moderator(user):
        return True
    if topic.status in (Status.PENDING, Status.HIDDEN):
        return topic.author_id is not None and topic.author_id == getattr(user, "pk", None)
    return False  # deleted topics are gone; merged ones redirect (can_follow_merged_topic)


def can_follow_merged_topic(user, source, target) -> bool:
    """A merged topic's address leads to the surviving topic only for those who may see both.

    Anyone else gets 404, so the redirect never reveals the target's address or title.
    """
    return (
        source.status == Status.MERGED
        and target is not None
        and can_view_category(user, source.category)
        and can_view_topic(user, target)
    )


def can_reply(user, topic) -> bool:
    if not (topic.status == Status.PUBLISHED and can_view_topic(user, topic) and _may_write(user)):
        return False
    if topic.is_locked and not is_moderator(user):
        return False
    return _writers_allow(user, topic.category.who_may_reply)


def can_view_post(user, post) -> bool:
    """Hidden and pending posts are for their author and moderators; deleted ones for moderators."""
    if not can_view_topic(user, post.topic):
        return False
    if post.status == Status.PUBLISHED or is_moderator(user):
        return True
    if post.status in (Status.PENDING, Status.HIDDEN):
        return post.author_id is not None and post.author_id == getattr(user, "pk", None)
    return False


def _is_author(user, obj) -> bool:
    return obj.author_id is not None and obj.author_id == getattr(user, "pk", None)


def can_edit_post(user, post) -> bool:
    if post.status == Status.DELETED:
        return False
    if is_moderator(user):
        return True
    return (
        _is_author(user, post)
        and _may_write(user)
        and not post.topic.is_locked
        and post.status != Status.HIDDEN
        and can_view_post(user, post)
    )


def can_delete_post(user, post) -> bool:
    """Authors may delete their own posts; the question only while nobody has replied."""
    if post.status == Status.DELETED or not _is_author(user, post) or not is_member(user):
        return False
    if post.position == 1:
        return post.topic.reply_count == 0 and post.topic.last_position <= 1
    return True


def can_view_post_history(user, post) -> bool:
    return is_moderator(user) or (_is_author(user, post) and is_member(user))


def can_react(user, post) -> bool:
    return (
        post.status == Status.PUBLISHED
        and _may_write(user)
        and not _is_author(user, post)
        and can_view_post(user, post)
    )


def can_flag_post(user, post) -> bool:
    return (
        post.status == Status.PUBLISHED
        and is_member(user)
        and not _is_author(user, post)
        and can_view_post(user, post)
    )


def can_accept_answer(user, topic) -> bool:
    if topic.status != Status.PUBLISHED or not can_view_topic(user, topic):
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


# --- The same rules as queryset filters ----------------------------------------------------------------


def visible_categories(user) -> QuerySet[Category]:
    """can_view_category() for every category."""
    categories = Category.objects.all()
    if role_of(user) < Role.MEMBER:
        categories = categories.filter(visibility=Category.Visibility.PUBLIC)
    return categories


def findable_topics() -> QuerySet[Topic]:
    """Topics that lists and search may show someone: published ones (audience: category_audience)."""
    return Topic.objects.filter(status=Status.PUBLISHED)


def findable_posts() -> QuerySet[Post]:
    """Posts that lists and search may show someone: published, in a published topic."""
    return Post.objects.filter(status=Status.PUBLISHED, topic__status=Status.PUBLISHED)


def visible_topics(user) -> QuerySet[Topic]:
    """The published topics this person may read, for lists and feeds.

    Moderators and authors also open hidden or pending topics one by one (can_view_topic); lists
    show published ones only, whoever looks.
    """
    return findable_topics().filter(category__in=visible_categories(user))


def visible_posts(user) -> QuerySet[Post]:
    """can_view_post() as a filter: published posts, the person's own pending or hidden ones, and
    every post for moderators, in categories they may read (topics filter further by topic)."""
    posts = Post.objects.filter(topic__category__in=visible_categories(user))
    if is_moderator(user):
        return posts
    condition = Q(status=Status.PUBLISHED)
    if getattr(user, "is_authenticated", False):
        condition |= Q(author=user, status__in=[Status.PENDING, Status.HIDDEN])
    return posts.filter(condition)


def category_audience(category) -> str:
    """The search audience of everything in a category (lodestar.permissions.search)."""
    return PUBLIC if category.visibility == Category.Visibility.PUBLIC else MEMBERS_ONLY
