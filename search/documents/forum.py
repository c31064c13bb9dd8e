"""The forum's search documents: published topics and replies, visible as their category allows.

What may be indexed is lodestar.permissions.forum's findable_topics / findable_posts, the same
queryset filters the forum's own pages build on.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from forum.models import Post, Status, Topic
from lodestar.permissions.forum import category_audience, findable_posts, findable_topics

from .base import SearchDocument, document_language, html_to_text, register


def _category_visibility(category) -> str:
    return category_audience(category)


def _category_sectors(category) -> list[str]:
    """The sectors a moderator filed the category under: its discussions are in them (facets, metadata)."""
    return [sector.slug for sector in category.sectors.all()]


@register
class TopicDocument(SearchDocument):
    """A published forum topic: its title, its question (first post) and its accepted answer."""

    document_type = "topic"
    label = _("Forum discussion")
    model = Topic

    @classmethod
    def get_queryset(cls) -> QuerySet:

        return (
            findable_topics()
            .select_related("category", "accepted_post")
            .prefetch_related(
                Prefetch("posts", queryset=findable_posts().filter(position=1), to_attr="firsts"),
                "tags",
                "category__sectors",
            )
            .order_by("pk")
        )

    @staticmethod
    def prepare_title(topic) -> str:
        return topic.title

    @staticmethod
    def prepare_summary(topic) -> str:
        first = topic.firsts[0] if topic.firsts else None
        return html_to_text(first.body_html)[:600] if first else ""

    @staticmethod
    def prepare_body(topic) -> str:
        first = topic.firsts[0] if topic.firsts else None
        parts = [html_to_text(first.body_html) if first else ""]
        accepted = topic.accepted_post
        if accepted is not None and accepted.status == Status.PUBLISHED:
            parts.append(html_to_text(accepted.body_html))
        parts.append(" ".join(tag.name for tag in topic.tags.all()))
        return " ".join(p for p in parts if p)

    @staticmethod
    def prepare_url(topic) -> str:
        return topic.get_absolute_url()

    @staticmethod
    def prepare_visibility(topic) -> str:
        return _category_visibility(topic.category)

    @staticmethod
    def prepare_date(topic):
        return topic.created_at

    @staticmethod
    def prepare_category(topic) -> str:
        return topic.category.slug

    @staticmethod
    def prepare_sectors(topic) -> list[str]:
        return _category_sectors(topic.category)

    @staticmethod
    def prepare_metadata(topic) -> str:
        return f"Forum category: {topic.category.name}"

    @staticmethod
    def prepare_language(topic) -> str:
        """The question's language (a post's `language`, issue 15; English until posts have one)."""
        first = topic.firsts[0] if topic.firsts else None
        return document_language(getattr(first, "language", None) or getattr(topic, "language", None))


@register
class PostDocument(SearchDocument):
    """A published reply in a published topic (the question itself is the topic's document)."""

    document_type = "post"
    label = _("Forum reply")
    model = Post

    @classmethod
    def get_queryset(cls) -> QuerySet:
        return (
            findable_posts()
            .filter(position__gt=1)
            .select_related("topic__category")
            .prefetch_related("topic__category__sectors")
            .order_by("pk")
        )

    @staticmethod
    def prepare_title(post) -> str:
        return f"Re: {post.topic.title}"

    @staticmethod
    def prepare_body(post) -> str:
        return html_to_text(post.body_html)

    @staticmethod
    def prepare_url(post) -> str:
        return post.get_absolute_url()

    @staticmethod
    def prepare_visibility(post) -> str:
        return _category_visibility(post.topic.category)

    @staticmethod
    def prepare_date(post):
        return post.created_at

    @staticmethod
    def prepare_category(post) -> str:
        return post.topic.category.slug

    @staticmethod
    def prepare_sectors(post) -> list[str]:
        return _category_sectors(post.topic.category)

    @staticmethod
    def prepare_metadata(post) -> str:
        return f"Forum category: {post.topic.category.name}"

    @staticmethod
    def prepare_language(post) -> str:
        return document_language(getattr(post, "language", "en"))
