"""Which model changes make which search documents stale.

The content apps never import search; search listens to their signals here, and
SearchConfig.ready() calls `connect()`. Every handler only records the affected object ids in the
outbox (search.outbox.record_changes), inside the transaction of the change; indexing happens in a
Celery task after the commit.

To plug in a content type, add its `watch(...)` lines to `connect()`:
- the model itself: `watch(Model, "document_type")`;
- models whose changes alter its document: `watch(Related, "document_type", ids=lambda obj: [...])`,
  with `fields=(...)` to ignore saves that do not touch what the document shows;
- Wagtail pages: `watch_pages(PageModel, "document_type")` (publish, unpublish, move, delete).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db.models.signals import m2m_changed, post_delete, post_init, post_save

from .outbox import record_changes

IdsOf = Callable[[object], Iterable[int]]

_SNAPSHOT = "_search_watched_values"


def _values(instance, fields: tuple[str, ...]) -> tuple:
    return tuple(instance.__dict__.get(name) for name in fields)


def watch(
    model,
    document_type: str,
    *,
    ids: IdsOf = lambda obj: [obj.pk],
    fields: tuple[str, ...] | None = None,
    previous_ids: IdsOf | None = None,
) -> None:
    """Record `ids(instance)` as changed whenever an instance of `model` is saved or deleted.

    `fields`: only saves that change one of these (attribute) names count; the values are taken
    when the instance is loaded. `previous_ids`: ids derived from those loaded values, e.g. the
    organisation a profile belonged to before it moved to another one.
    """
    uid = f"search:{model._meta.label}:{document_type}"

    if fields:

        def remember(sender, instance, **kwargs):
            instance.__dict__.setdefault(_SNAPSHOT, {})[document_type] = _values(instance, fields)

        post_init.connect(remember, sender=model, weak=False, dispatch_uid=f"{uid}:init")

    def saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
        if raw:
            return  # fixtures loading: a rebuild indexes them
        before = instance.__dict__.get(_SNAPSHOT, {}).get(document_type)
        affected = set(ids(instance))
        if fields and not created and before is not None:
            if before == _values(instance, fields):
                return
            if previous_ids is not None:
                affected |= set(previous_ids(dict(zip(fields, before, strict=True))))
        record_changes(document_type, affected)
        if fields:
            instance.__dict__.setdefault(_SNAPSHOT, {})[document_type] = _values(instance, fields)

    def deleted(sender, instance, **kwargs):
        record_changes(document_type, ids(instance))

    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"{uid}:save")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"{uid}:delete")


def watch_membership(through, document_type: str, *, ids_for_users: Callable[[Iterable[int]], Iterable[int]]):
    """Record changes when people join or leave groups (becoming or ceasing to be members)."""

    def changed(sender, instance, action, reverse, pk_set, **kwargs):
        if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
            return
        if action == "pre_clear" and not reverse:
            return
        user_ids = list(pk_set or []) if reverse else [instance.pk]
        if reverse and action == "pre_clear":
            user_ids = list(instance.user_set.values_list("pk", flat=True))
        record_changes(document_type, ids_for_users(user_ids))

    m2m_changed.connect(changed, sender=through, weak=False, dispatch_uid=f"search:{through}:{document_type}")


def watch_pages(page_model, document_type: str) -> None:
    """Wagtail pages: publishing, unpublishing, deleting, and what changes a page's place or audience.

    Moving a page, or adding, removing or changing a view restriction (its type or its groups),
    changes every page of this type below it as well, so those descendants are recorded too.
    """
    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    def ids_below(page) -> list[int]:
        return list(page_model.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))

    def changed(sender, instance, **kwargs):
        record_changes(document_type, [instance.pk])

    def moved(sender, instance, **kwargs):
        record_changes(document_type, ids_below(instance))

    def restriction_changed(sender, instance, raw=False, **kwargs):
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None and not raw:
            record_changes(document_type, ids_below(page))

    def restriction_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
        """Which groups a restriction names decides its pages' audience: re-index them on a change."""
        if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
            return
        if not reverse:
            if action != "pre_clear":
                restriction_changed(sender, instance)
            return
        # From the group's side (a group's restrictions changed, or the group is being deleted).
        if action == "pre_clear":
            restrictions = instance.pageviewrestriction_set.all()
        else:
            restrictions = PageViewRestriction.objects.filter(pk__in=pk_set or [])
        for restriction in restrictions:
            restriction_changed(sender, restriction)

    uid = f"search:{page_model._meta.label}:{document_type}"
    page_published.connect(changed, sender=page_model, weak=False, dispatch_uid=f"{uid}:published")
    page_unpublished.connect(changed, sender=page_model, weak=False, dispatch_uid=f"{uid}:unpublished")
    post_delete.connect(changed, sender=page_model, weak=False, dispatch_uid=f"{uid}:deleted")
    post_page_move.connect(moved, weak=False, dispatch_uid=f"{uid}:moved")  # any page: ancestors move too
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            weak=False,
            dispatch_uid=f"{uid}:restriction:{signal is post_save}",
        )
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        weak=False,
        dispatch_uid=f"{uid}:restriction:groups",
    )


# --- What feeds each content type ------------------------------------------------------------------


def _organisations_of_users(user_ids: Iterable[int]) -> list[int]:
    from lodestar.members.models import Profile

    return list(
        Profile.objects.filter(user_id__in=list(user_ids), organisation__isnull=False).values_list(
            "organisation_id", flat=True
        )
    )


def _organisations_of_actor_type(actor_type) -> list[int]:
    return list(actor_type.organisations.values_list("pk", flat=True))


def connect() -> None:
    from django.contrib.auth import get_user_model

    from lodestar.members.models import Organisation, Profile
    from lodestar.vocabularies.models import ActorType

    user_model = get_user_model()

    # Member organisations: the organisation, its members' profiles, their accounts and groups,
    # and the actor type whose name the document shows.
    watch(Organisation, "organisation")
    watch(
        Profile,
        "organisation",
        ids=lambda profile: [profile.organisation_id],
        fields=("organisation_id",),
        previous_ids=lambda before: [before["organisation_id"]],
    )
    watch(
        user_model, "organisation", ids=lambda user: _organisations_of_users([user.pk]), fields=("is_active",)
    )
    watch_membership(user_model.groups.through, "organisation", ids_for_users=_organisations_of_users)
    watch(ActorType, "organisation", ids=_organisations_of_actor_type, fields=("name", "slug"))

    _connect_library()
    _connect_forum()


def _pages_with_term(relation: str) -> IdsOf:
    def ids(term) -> list[int]:
        return [
            pk for pk in type(term).objects.filter(pk=term.pk).values_list(f"{relation}__pk", flat=True) if pk
        ]

    return ids


def _connect_library() -> None:
    from cases.models import CaseStudyPage, ToolPage
    from lodestar.vocabularies.models import (
        ActorType,
        CoBenefit,
        PolicyInstrument,
        Sector,
        StrategyStage,
        ToolType,
    )

    watch_pages(CaseStudyPage, "case_study")
    watch_pages(ToolPage, "tool")
    # Documents hold the terms' slugs and names (in every language): changing one changes every page
    # with the term.
    for model, relation, document_type in [
        (Sector, "case_studies", "case_study"),
        (Sector, "tools", "tool"),
        (ActorType, "case_studies", "case_study"),
        (StrategyStage, "case_studies", "case_study"),
        (StrategyStage, "tools", "tool"),
        (CoBenefit, "case_studies", "case_study"),
        (PolicyInstrument, "case_studies", "case_study"),
        (ToolType, "tools", "tool"),
    ]:
        watch(
            model,
            document_type,
            ids=_pages_with_term(relation),
            fields=("slug", "name", "name_fr", "name_es"),
        )


def _topic_ids_for_post(post) -> list[int]:
    """The topic whose document shows this post: as its question, or as its accepted answer."""
    from forum.models import Topic

    ids = [post.topic_id] if post.position == 1 else []
    return ids + list(Topic.objects.filter(accepted_post_id=post.pk).values_list("pk", flat=True))


def _connect_forum() -> None:
    from forum import signals as forum_signals
    from forum.models import Category, Post, Topic
    from lodestar.vocabularies.models import Sector

    def replies_of(topic_ids) -> list[int]:
        return list(Post.objects.filter(topic_id__in=list(topic_ids)).values_list("pk", flat=True))

    # Topics: their own fields, and what their replies show (title, status, category).
    watch(Topic, "topic", fields=("title", "status", "category_id", "accepted_post_id"))
    watch(Topic, "post", ids=lambda topic: replies_of([topic.pk]), fields=("title", "status", "category_id"))
    # Posts: a reply is its own document; the question and the accepted answer are in the topic's.
    watch(Post, "post", fields=("body_html", "status", "topic_id"))
    watch(Post, "topic", ids=_topic_ids_for_post, fields=("body_html", "status"))
    # A category's visibility, slug and name are every one of its topics' and replies'.
    watch(
        Category,
        "topic",
        ids=lambda category: category.topics.values_list("pk", flat=True),
        fields=("visibility", "slug", "name"),
    )
    watch(
        Category,
        "post",
        ids=lambda category: Post.objects.filter(topic__category=category).values_list("pk", flat=True),
        fields=("visibility", "slug", "name"),
    )

    # A category's sectors are its topics' and replies' too (a moderator files it, or renames a sector).
    def category_sectors_changed(sender, instance, action, reverse, pk_set, **kwargs):
        if action not in ("post_add", "post_remove", "pre_clear"):
            return
        if reverse:  # sector.forum_categories.add(...): `instance` is the sector
            categories = Category.objects.filter(pk__in=pk_set) if pk_set else instance.forum_categories.all()
        else:
            categories = Category.objects.filter(pk=instance.pk)
        topic_ids = list(Topic.objects.filter(category__in=categories).values_list("pk", flat=True))
        record_changes("topic", topic_ids)
        record_changes("post", replies_of(topic_ids))

    m2m_changed.connect(
        category_sectors_changed,
        sender=Category.sectors.through,
        weak=False,
        dispatch_uid="search:forum:category_sectors",
    )
    watch(
        Sector,
        "topic",
        ids=lambda sector: Topic.objects.filter(category__sectors=sector).values_list("pk", flat=True),
        fields=("slug", "name"),
    )
    watch(
        Sector,
        "post",
        ids=lambda sector: Post.objects.filter(topic__category__sectors=sector).values_list("pk", flat=True),
        fields=("slug", "name"),
    )

    # The forum's own signals, for changes made in bulk (sent inside the change's transaction).
    def moved(sender, topic, **kwargs):
        record_changes("topic", [topic.pk])
        record_changes("post", replies_of([topic.pk]))

    def merged(sender, source, target, post_ids, **kwargs):
        record_changes("topic", [source.pk, target.pk])
        record_changes("post", post_ids)

    def visibility_changed(sender, post, **kwargs):
        record_changes("post", [post.pk])
        record_changes("topic", _topic_ids_for_post(post))

    forum_signals.topic_moved.connect(moved, weak=False, dispatch_uid="search:forum:topic_moved")
    forum_signals.topics_merged.connect(merged, weak=False, dispatch_uid="search:forum:topics_merged")
    forum_signals.post_visibility_changed.connect(
        visibility_changed, weak=False, dispatch_uid="search:forum:post_visibility_changed"
    )
