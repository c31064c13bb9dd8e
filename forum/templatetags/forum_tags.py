"""Forum pieces other pages include: the discussion of a library page and the notifications link."""

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext

from lodestar.permissions import can_view_notifications

from .. import selectors

register = template.Library()


@register.inclusion_tag("forum/includes/page_discussion.html", takes_context=True)
def page_discussion(context, page, replies: int = 3):
    """`{% page_discussion page %}`: the latest replies of the page's topic and a "Discuss this" link."""
    user = context["request"].user
    topic, latest = selectors.page_discussion(page, user, replies=replies)
    return {"page": page, "topic": topic, "latest": latest, "request": context["request"]}


@register.inclusion_tag("forum/includes/notifications_link.html", takes_context=True)
def notifications_link(context):
    """The header link to a member's notifications, with the number not yet read (one query)."""
    user = context["request"].user
    if not can_view_notifications(user):
        return {"show": False}
    return {"show": True, "unread": selectors.unread_notification_count(user)}


@register.inclusion_tag("forum/includes/recent_topics_by.html", takes_context=True)
def recent_topics_by(context, organisation=None, author=None, heading: str = ""):
    """`{% recent_topics_by organisation=org %}` on member pages, filtered for whoever is looking."""
    user = context["request"].user
    topics = selectors.recent_topics_by(viewer=user, organisation=organisation, author=author)
    return {"topics": topics, "heading": heading or gettext("In the forum")}


@register.simple_tag
def lang_attribute(language: str) -> str:
    """` lang="fr"` when a text (a post) is written in another language than the page's, else nothing.

    Screen readers then read it with the right voice, and browsers hyphenate and translate it right.
    """
    if not language or language == translation.get_language():
        return ""
    return format_html(' lang="{}"', language)
