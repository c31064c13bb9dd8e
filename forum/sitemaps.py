"""The forum's sections of the sitemap: public categories and topics, by their latest activity.

Only what a visitor may read (forum.selectors asks lodestar.permissions as a visitor): never a
members-only category, nor a hidden, pending, merged or deleted topic.
"""

from lodestar.crawlers import PublicSitemap

from . import selectors


class CategorySitemap(PublicSitemap):
    def items(self):
        return selectors.sitemap_categories()

    def lastmod(self, item):
        return item.last_activity_at


class TopicSitemap(PublicSitemap):
    def items(self):
        return selectors.sitemap_topics()

    def lastmod(self, item):
        return item.last_activity_at

    def get_latest_lastmod(self):
        return (
            selectors.sitemap_topics()
            .order_by("-last_activity_at")
            .values_list("last_activity_at", flat=True)
            .first()
        )
