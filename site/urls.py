from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from cases.api import api_router
from forum.sitemaps import CategorySitemap, TopicSitemap
from lodestar.api_schema import api_schema
from lodestar.crawlers import PageSitemap, ViewSitemap, robots_txt, sitemap_index, sitemap_section
from lodestar.members.sitemaps import OrganisationSitemap

# The sections of /sitemap.xml, each at /sitemap-<section>.xml (lodestar.crawlers).
SITEMAPS = {
    "pages": PageSitemap,
    "views": ViewSitemap,
    "topics": TopicSitemap,
    "forum-categories": CategorySitemap,
    "organisations": OrganisationSitemap,
}

# Addresses outside the interface languages: crawlers' files, the admin, uploaded files, open data.
urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    # /health/, /health/live and /health/ready: lodestar.health.HealthCheckMiddleware answers them.
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # /documents/<id>/<name> and /media/<path>: files, each to whoever may see it (lodestar.uploads).
    path("", include("lodestar.uploads.urls")),
    path("api/schema/", api_schema, name="api_schema"),  # the OpenAPI description of the JSON APIs
    path("api/v2/", api_router.urls),
]

# What people read, in English at the root and under /fr/ and /es/ (lodestar.languages). Wagtail's
# page tree serves everything else, so it comes last.
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("members/", include("lodestar.members.urls")),
    path("forum/", include("forum.urls")),
    path("saved-searches/", include("saved_searches.urls")),
    path("", include("search.urls")),  # /search/ and /api/search/, before Wagtail's catch-all
    path("", include("cases.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
