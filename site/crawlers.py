"""What search engines read: /robots.txt, and /sitemap.xml, an index of one sitemap per section.

Crawlers send no session, so every section lists what a visitor may open, asked of
lodestar.permissions as a visitor: never a draft, a restricted page, a members-only or hidden
topic. Each section is a django.contrib.sitemaps Sitemap (Wagtail's for pages) whose addresses
name the one public address (lodestar.links); site/urls.py says which sections there are.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as django_sitemaps
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.db.models import Max, Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import prepare_sitemaps
from wagtail.models import Page

from .languages import in_language
from .links import absolute_url, base_url
from .permissions import can_view_directory, can_view_forum, can_view_library, open_data_pages

SECTION_VIEW = "sitemap_section"


class PublicSitemap(Sitemap):
    """A section whose addresses start with the site's public address, whoever asks and how.

    Each address is listed in every interface language (/fr/forum/...), with the others as its
    `hreflang` alternates and English as x-default, as the pages' own head links say.
    """

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return base_url().split("://", 1)[0]

    def get_domain(self, site=None):
        return base_url().split("://", 1)[1]


class PageSitemap(WagtailSitemap):
    """Wagtail's pages that visitors may open (live, no view restriction above them), with the date
    each was last published, in each language they are written in, the others as alternates.
    Wagtail's own sitemap gives each page its full address from the Site record, which
    lodestar.links keeps on the public address."""

    def _public_pages(self):
        """Every language's tree; not aliases (an untranslated copy is the English page again)."""
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for home in homes.only("path"):
            in_a_tree |= Q(path__startswith=home.path)
        return open_data_pages(Page.objects.filter(in_a_tree, alias_of__isnull=True))

    def items(self):
        return self._public_pages().order_by("path").defer_streamfields().specific()

    def get_latest_lastmod(self):
        return self._public_pages().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        """Wagtail's entries, each with its page's other languages as `hreflang` alternates."""
        pages = list(self.paginator.page(page).object_list)
        versions = defaultdict(list)
        keys = {p.translation_key for p in pages}
        for version in self._public_pages().filter(translation_key__in=keys).select_related("locale"):
            versions[version.translation_key].append(version)
        urls, last_mods = [], set()
        for item in pages:
            alternates = [
                {"lang_code": version.locale.language_code, "location": version.get_full_url(self.request)}
                for version in versions[item.translation_key]
            ]
            for info in item.get_sitemap_urls(self.request):
                urls.append({**info, "alternates": alternates if len(alternates) > 1 else []})
                last_mods.add(info.get("lastmod"))
        if last_mods and None not in last_mods:  # as Wagtail's: the section's Last-Modified
            self.latest_lastmod = max(last_mods)
        return urls


class ViewSitemap(PublicSitemap):
    """Public pages that are Django views rather than Wagtail pages (by URL name), each if visitors
    may open it."""

    VIEWS = {
        "forum:index": can_view_forum,
        "members:directory": can_view_directory,
        "cases:glossary": can_view_library,
        "cases:pathways": can_view_library,
    }

    def items(self):
        return [name for name, may_view in self.VIEWS.items() if may_view(AnonymousUser())]

    def location(self, item):
        return reverse(item)


def _sections(request, sitemaps: dict) -> dict:
    """Each section's Sitemap, made for this request (Wagtail's take the request, Django's nothing)."""
    made = prepare_sitemaps(request, sitemaps)
    return {name: section() if isinstance(section, type) else section for name, section in made.items()}


@x_robots_tag
def sitemap_index(request, sitemaps: dict):
    """/sitemap.xml: where each section's sitemap is (a section of more than 50,000 addresses is
    split into pages, ?p=2...), with the latest change in each."""
    entries = []
    for name, section in _sections(request, sitemaps).items():
        location = absolute_url(reverse(SECTION_VIEW, kwargs={"section": name}))
        lastmod = section.get_latest_lastmod()
        entries.append(SitemapIndexItem(location, lastmod))
        for number in range(2, section.paginator.num_pages + 1):
            entries.append(SitemapIndexItem(f"{location}?p={number}", lastmod))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


def sitemap_section(request, sitemaps: dict, section: str):
    """One section's sitemap (Django's view: an unknown section or page is a 404)."""
    return django_sitemaps.sitemap(request, _sections(request, sitemaps), section=section)


# Never worth a crawler's visit: administration, accounts, personal and moderation pages, the JSON
# APIs, and search results narrowed by filters, a sort or a page (endless combinations, each a copy
# of pages the sitemap lists). Paths as site/urls.py and the apps' urls.py route them
# (tests/test_crawlers.py checks that each one is routed).
DISALLOWED_PATHS = [
    "/admin/",
    "/django-admin/",
    "/accounts/",
    "/api/",
    "/search/?",
    "/members/profile/",
    "/members/apply/",
    "/members/applications/",
    "/members/my-data.json",
    "/members/delete-account/",
    "/forum/notifications/",
    "/forum/settings/",
    "/forum/moderation/",
    "/forum/unsubscribe/",
    "/search/?q=*&",
]

# Open within those: the two doors into the site a newcomer searches for (log in, sign up), and
# results for a plain query (their canonical link names the search page, site/page_meta.py), so the
# pages can be found and audited (Lighthouse's is-crawlable) while the longer rules above keep the
# rest of /accounts/ and every filtered combination out (RFC 9309: the longest match decides).
ALLOWED_PATHS = [
    "/accounts/login/",
    "/accounts/signup/",
    "/search/?q=",
]


def in_every_language(paths: list[str]) -> list[str]:
    """Each path, then its French and Spanish addresses (/fr/accounts/...) where the interface has them."""
    found = []
    for path in paths:
        address, mark, query = path.partition("?")
        for language, _ in settings.LANGUAGES:
            found.append(in_language(address, language) + mark + query)
    return list(dict.fromkeys(found))


def robots_txt(request):
    """Crawl the public site, not its private or endless corners; the sitemap says what there is."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in in_every_language(DISALLOWED_PATHS))]
    lines += [*(f"Allow: {path}" for path in in_every_language(ALLOWED_PATHS)), "Allow: /", ""]
    lines.append(f"Sitemap: {absolute_url(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
