"""Atom feeds of the library and the tool catalogue, whole or filtered (/library/feed/?sector=transport).

A feed is a route of its listing page (ListingIndexPage.feed), read with the listing's own filter
form, so it takes exactly the filters the page offers (cases.filters) and answers 400 for a bad one.
Only published pages without view restrictions appear: feed readers send no session
(lodestar.permissions.open_data_pages, through cases.selectors).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest

from lodestar.feeds import FEED_LENGTH, AtomFeed, text_summary
from lodestar.links import absolute_url

from . import selectors


@dataclass
class FilteredList:
    """What one feed request is about: a listing page, its valid filters, and the request."""

    index: object  # the LibraryIndexPage or ToolIndexPage
    form: object  # its bound filter form, valid
    request: HttpRequest

    def address(self, suffix: str = "") -> str:
        """The absolute address of the listing (or its route `suffix`) with these filters."""
        query = urlencode(self.form.filter_params)
        return absolute_url(self.index.get_url(self.request) + suffix) + (f"?{query}" if query else "")


class ListingFeed(AtomFeed):
    """The newest pages of a listing, with the filters of the request."""

    def get_object(self, request, *, index, form):
        return FilteredList(index=index, form=form, request=request)

    def title(self, obj):
        labels = obj.form.filter_labels()
        return f"Lodestar: {obj.index.title}" + (f" ({'; '.join(labels)})" if labels else "")

    def subtitle(self, obj):
        return obj.index.intro or obj.index.search_description or obj.index.title

    def link(self, obj):
        return obj.address()

    def feed_url(self, obj):
        return obj.address(obj.index.reverse_subpage("feed"))

    def items(self, obj):
        pages = selectors.feed_entries(
            obj.index.listed_pages(),
            kind=obj.index.kind,
            filters=obj.form.filters,
            index=obj.index,
            limit=FEED_LENGTH,
        )
        for page in pages:  # each entry's address, from the request's site (no query per page)
            page.feed_link = absolute_url(page.get_url(obj.request))
        return pages

    def item_link(self, item):
        return item.feed_link

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return text_summary(item.summary)

    def item_pubdate(self, item):
        return item.first_published_at or item.last_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        """A tool's maintainer; a case study's contributing organisations (public, as the directory
        is). Without one, the feed's author stands for the entry."""
        if hasattr(item, "maintainer"):
            return item.maintainer or None
        return ", ".join(organisation.name for organisation in item.contributor_organisations.all()) or None

    def item_categories(self, item):
        """The page's sectors and its actor type (case studies) or tool type, by name."""
        kind = getattr(item, "actor_type", None) or getattr(item, "tool_type", None)
        return [*(sector.name for sector in item.sectors.all()), *([kind.name] if kind else [])]
