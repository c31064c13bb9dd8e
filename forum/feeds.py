"""Atom feeds of new topics: all public categories, or one. Members-only categories never appear.

Feed readers fetch without a session, so a feed shows what a visitor may read, whoever asks
(lodestar.permissions, asked as a visitor; what all feeds share is in lodestar.feeds).
"""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lodestar.feeds import AtomFeed
from lodestar.links import absolute_url
from lodestar.permissions import can_view_category

from . import selectors
from .models import Category


class LatestTopicsFeed(AtomFeed):
    title = _("Lodestar forum: latest topics")
    subtitle = _("New discussions among members of the Carbon Neutrality Coalition.")

    def link(self):
        return absolute_url(reverse("forum:index"))

    def feed_url(self):
        return absolute_url(reverse("forum:feed"))

    def items(self):
        return selectors.latest_public_topics()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.first_html or ""

    def item_author_name(self, item):
        return (
            item.author.profile.display_name
            if item.author_id and hasattr(item.author, "profile")
            else _("former member")
        )

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.last_activity_at

    def item_categories(self, item):
        return [item.category.name]


class CategoryTopicsFeed(LatestTopicsFeed):
    def get_object(self, request, slug):
        category = get_object_or_404(Category, slug=slug)
        if not can_view_category(AnonymousUser(), category):
            raise Http404("No such category")
        return category

    def title(self, obj):
        return _("Lodestar forum: %(category)s") % {"category": obj.name}

    def subtitle(self, obj):
        return obj.description

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def feed_url(self, obj):
        return absolute_url(reverse("forum:category_feed", args=[obj.slug]))

    def items(self, obj):
        return selectors.latest_public_topics(category=obj)
