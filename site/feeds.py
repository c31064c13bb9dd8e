"""What every Lodestar Atom feed shares (the forum's and the library's).

Feed readers fetch without a session, so each feed lists what a visitor may read, whoever asks
(lodestar.permissions, asked as a visitor). RFC 4287 asks every feed for an id, a title, an
`updated` date and an author (the feed's, when an entry has none); ids and links are absolute and
name the one public address (lodestar.links); summaries are HTML, so plain text is escaped first.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from .links import absolute_url

FEED_LENGTH = 30  # entries per feed: the newest ones
PUBLISHER = "Lodestar, the knowledge exchange of the Carbon Neutrality Coalition"


class AtomFeed(Feed):
    """An Atom 1.0 feed whose entries link to (and are identified by) their absolute address."""

    feed_type = Atom1Feed
    author_name = PUBLISHER  # the feed's author; entries without one of their own inherit it

    def author_link(self):
        return absolute_url("/")

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())


def text_summary(text: str) -> str:
    """Plain text as the HTML of an Atom summary (its `type="html"`), so markup in it stays text."""
    return escape(text or "")
