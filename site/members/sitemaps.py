"""The directory's section of the sitemap: member organisations' pages (profiles of people are not
listed: each person chooses who sees theirs, and a crawler is nobody they chose)."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from lodestar.crawlers import PublicSitemap
from lodestar.permissions import can_view_directory

from . import selectors


class OrganisationSitemap(PublicSitemap):
    def items(self):
        if not can_view_directory(AnonymousUser()):
            return selectors.sitemap_organisations().none()
        return selectors.sitemap_organisations()

    def location(self, item):
        return reverse("members:organisation_detail", args=[item.slug])

    def lastmod(self, item):
        return item.lastmod
