"""Everything that reads the forum, with the joins each page needs so no list costs a query per row.

Who may see what comes from lodestar.permissions (its queryset filters: visible_categories,
visible_topics, visible_posts); these add the joins, counts and orderings each page needs.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, IntegerField, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from lodestar import permissions
from lodestar.members.models import Profile
from lodestar.permissions import is_moderator

from .models import (
    Category,
    CategoryWatch,
    Flag,
    ModerationLogEntry,
    Notification,
    Post,
    Reaction,
    Suspension,
    Topic,
    TopicReadState,
    TopicWatch,
)
from .rendering import mention_candidates


def mention_urls_for(markdown: str) -> dict[str, str]:
    """Profile URLs of the active members a text mentions, found with one query."""
    slugs = mention_candidates(markdown)
    if not slugs:
        return {}
    found = Profile.objects.filter(slug__in=slugs, user__is_active=True).values_list("slug", flat=True)
    return {slug: reverse("members:profile_detail", kwargs={"slug": slug}) for slug in found}


def visible_categories(user) -> QuerySet[Category]:
    return permissions.visible_categories(user)


def categories_with_counts(user) -> QuerySet[Category]:
    return visible_categories(user).annotate(
        topic_count=Count("topics", filter=Q(topics__status=Topic.Status.PUBLISHED))
    )


def topics_for(user, *, category: Category | None = None, tag: str | None = None) -> QuerySet[Topic]:
    """Published topics the user may see, pinned first then newest activity, with unread marks.

    For signed-in people each topic carries `read_position` (0 when never opened), so the template
    can show "new" and "N unread" without a query per topic.
    """
    topics = permissions.visible_topics(user)
    if category is not None:
        topics = topics.filter(category=category)
    if tag:
        topics = topics.filter(tags__slug=tag)
    topics = topics.select_related("category", "author__profile").prefetch_related("tags")
    if user.is_authenticated:
        read = TopicReadState.objects.filter(topic=OuterRef("pk"), user=user).values("last_read_position")[:1]
        topics = topics.annotate(
            read_position=Coalesce(Subquery(read, output_field=IntegerField()), Value(-1))
        )
    return topics.order_by("-is_pinned", "-last_activity_at", "-pk")


def latest_public_topics(*, category: Category | None = None, limit: int = 30) -> QuerySet[Topic]:
    """For Atom feeds: what a visitor may read, whoever asks (feed readers send no session)."""
    topics = permissions.visible_topics(AnonymousUser()).select_related("category", "author__profile")
    if category is not None:
        topics = topics.filter(category=category)
    topics = topics.annotate(
        first_html=Subquery(Post.objects.filter(topic=OuterRef("pk"), position=1).values("body_html")[:1])
    )
    return topics.order_by("-created_at")[:limit]


def sitemap_topics() -> QuerySet[Topic]:
    """For the sitemap: every topic a visitor may read (crawlers send no session), with only what
    its entry needs (address and last activity)."""
    return permissions.visible_topics(AnonymousUser()).only("pk", "slug", "last_activity_at").order_by("pk")


def sitemap_categories() -> QuerySet[Category]:
    """For the sitemap: the categories a visitor may read, each with its latest readable activity."""
    published = Q(topics__in=permissions.findable_topics())
    return (
        permissions.visible_categories(AnonymousUser())
        .annotate(last_activity_at=Max("topics__last_activity_at", filter=published))
        .order_by("pk")
    )


def topic_by_pk(pk: int) -> Topic | None:
    """A topic with what its page shows, and `opening_language`: its question's (for `lang` on the title)."""
    return (
        Topic.objects.select_related("category", "author__profile", "accepted_post__author__profile", "page")
        .annotate(
            opening_language=Subquery(
                Post.objects.filter(topic=OuterRef("pk"), position=1).values("language")[:1]
            )
        )
        .filter(pk=pk)
        .first()
    )


def visible_posts(topic: Topic, user) -> QuerySet[Post]:
    """The posts of a topic this user may see, in order, with their authors."""
    return (
        permissions.visible_posts(user)
        .filter(topic=topic)
        .select_related("author__profile")
        .order_by("position")
    )


def post_page_number(post: Post, user) -> int:
    """The page of its topic on which a post appears for this user (for permalinks)."""
    before = visible_posts(post.topic, user).filter(position__lt=post.position).count()
    return before // settings.FORUM_POSTS_PER_PAGE + 1


def first_unread_position(topic: Topic, user) -> int | None:
    """Position of the first post the member has not seen, or None when everything is read."""
    read = (
        TopicReadState.objects.filter(topic=topic, user=user)
        .values_list("last_read_position", flat=True)
        .first()
        or 0
    )
    return visible_posts(topic, user).filter(position__gt=read).values_list("position", flat=True).first()


def read_position(topic: Topic, user) -> int:
    if not user.is_authenticated:
        return 0
    return (
        TopicReadState.objects.filter(topic=topic, user=user)
        .values_list("last_read_position", flat=True)
        .first()
        or 0
    )


def decorate_posts(posts: list[Post], user) -> None:
    """Attach reaction counts, the viewer's own reactions and open flag counts to a page of posts.

    Three queries for the whole page, whatever its length.
    """
    ids = [p.pk for p in posts]
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for row in Reaction.objects.filter(post_id__in=ids).values("post_id", "kind").annotate(n=Count("pk")):
        counts[row["post_id"]][row["kind"]] = row["n"]
    mine: dict[int, set[str]] = defaultdict(set)
    if user.is_authenticated:
        for post_id, kind in Reaction.objects.filter(post_id__in=ids, user=user).values_list(
            "post_id", "kind"
        ):
            mine[post_id].add(kind)
    flags: dict[int, int] = {}
    if is_moderator(user):
        flags = dict(
            Flag.objects.filter(post_id__in=ids, resolution=Flag.Resolution.OPEN)
            .values("post_id")
            .annotate(n=Count("pk"))
            .values_list("post_id", "n")
        )
    for post in posts:
        post.reaction_list = [
            {
                "kind": kind,
                "label": label,
                "count": counts[post.pk].get(kind, 0),
                "mine": kind in mine[post.pk],
            }
            for kind, label in Reaction.Kind.choices
        ]
        post.open_flag_count = flags.get(post.pk, 0)


def is_watching_topic(topic: Topic, user) -> bool:
    return user.is_authenticated and TopicWatch.objects.filter(topic=topic, user=user).exists()


def is_watching_category(category: Category, user) -> bool:
    return user.is_authenticated and CategoryWatch.objects.filter(category=category, user=user).exists()


def notifications_for(user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).select_related(
        "topic__category", "post", "actor__profile"
    )


def unread_notification_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at=None).count()


def open_flags() -> QuerySet[Flag]:
    return Flag.objects.filter(resolution=Flag.Resolution.OPEN).select_related(
        "post__topic__category", "post__author__profile", "flagged_by__profile"
    )


def flagged_posts() -> list[Post]:
    """Posts with open flags, each with its flags, oldest report first."""
    by_post: dict[int, Post] = {}
    for flag in open_flags().order_by("created_at"):
        post = by_post.setdefault(flag.post_id, flag.post)
        post.__dict__.setdefault("open_flags", []).append(flag)
    return list(by_post.values())


def pending_posts() -> QuerySet[Post]:
    return (
        Post.objects.filter(status=Post.Status.PENDING)
        .select_related("topic__category", "author__profile")
        .order_by("created_at")
    )


def moderation_log() -> QuerySet[ModerationLogEntry]:
    return ModerationLogEntry.objects.select_related(
        "moderator__profile", "topic", "post", "target_user__profile"
    )


def active_suspensions() -> QuerySet[Suspension]:
    from django.utils import timezone

    return Suspension.objects.filter(lifted_at=None, ends_at__gt=timezone.now()).select_related(
        "user__profile", "suspended_by__profile"
    )


def page_discussion(page, user, *, replies: int = 3) -> tuple[Topic | None, list[Post]]:
    """The topic attached to a library page and its latest published replies, if the user may see it."""
    topic = permissions.visible_topics(user).select_related("category").filter(page_id=page.pk).first()
    if topic is None:
        return None, []
    latest = list(
        topic.posts.filter(status=Post.Status.PUBLISHED, position__gt=1)
        .select_related("author__profile")
        .order_by("-position")[:replies]
    )
    latest.reverse()
    return topic, latest


def member_posts_export(user) -> list[dict]:
    """The member's own posts, for their data download."""
    return [
        {
            "topic": post.topic.title,
            "topic_url": post.topic.get_absolute_url(),
            "position": post.position,
            "status": post.status,
            "created_at": post.created_at.isoformat(),
            "edited_at": post.edited_at.isoformat() if post.edited_at else None,
            "markdown": post.body,
        }
        for post in Post.objects.filter(author=user).select_related("topic").order_by("created_at")
    ]


def recent_topics_by(*, viewer, organisation=None, author=None, limit: int = 8) -> list[Topic]:
    """Topics started by a member, or by members of an organisation, that the viewer may see."""
    topics = permissions.visible_topics(viewer)
    if organisation is not None:
        topics = topics.filter(author__profile__organisation=organisation)
    if author is not None:
        topics = topics.filter(author=author)
    return list(topics.select_related("category", "author__profile").order_by("-last_activity_at")[:limit])
