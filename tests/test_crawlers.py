"""What search engines get: robots.txt, and a sitemap of what visitors may open, nothing else,
read the way a crawler reads them, in a fixed number of queries."""

import re
from datetime import UTC, timedelta
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from forum.models import Category, Status, Topic
from lodestar.languages import in_language
from lodestar.permissions.roles import MEMBERS_GROUP
from tests.cases.factories import CaseStudyPageFactory, ToolPageFactory, ensure_library_structure
from tests.forum.factories import CategoryFactory, TopicFactory
from tests.members.factories import OrganisationFactory, ProfileFactory, make_member

pytestmark = pytest.mark.django_db

SITEMAPS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
W3C_DATETIME = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$")


# --- robots.txt, read as RFC 9309 says a crawler does ---------------------------------------------------


def robots_rules(text: str) -> list[tuple[str, str]]:
    """The (allow|disallow, path) rules of the group for every user agent."""
    rules, in_group = [], False
    for line in text.splitlines():
        field, _, value = line.partition(":")
        field, value = field.strip().lower(), value.strip()
        if field == "user-agent":
            in_group = value == "*"
        elif field in ("allow", "disallow") and in_group:
            rules.append((field, value))
    return rules


def rule_matches(rule: str, path: str) -> bool:
    """A rule matches from the path's start; `*` stands for any characters, a final `$` for its end."""
    pattern = re.escape(rule).replace(r"\*", ".*")
    if pattern.endswith(r"\$"):
        pattern = pattern[:-2] + "$"
    return re.match(pattern, path) is not None


def may_crawl(rules, path: str) -> bool:
    """The longest matching rule decides; on a tie, allow wins (RFC 9309 2.2.2)."""
    matching = [(len(rule), kind == "allow") for kind, rule in rules if rule and rule_matches(rule, path)]
    return max(matching, default=(0, True))[1]


def in_(language: str, path: str) -> str:
    """The path (query string and all) in a language's interface."""
    address, mark, query = path.partition("?")
    return in_language(address, language) + mark + query


def test_robots_txt_lets_crawlers_into_the_public_site_only_and_names_the_sitemap(
    client, settings, home_page
):
    library, _ = ensure_library_structure()
    case = CaseStudyPageFactory(parent=library, title="Crawlable")
    topic = TopicFactory(category=CategoryFactory())
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    rules = robots_rules(text)

    public = ["/", "/library/", case.url, "/library/feed/", "/tools/", "/forum/", topic.get_absolute_url()]
    public += ["/search/", "/members/", "/sitemap.xml", "/sitemap-pages.xml", reverse("cases:glossary")]
    # The doors a newcomer searches for, and results for a plain query (canonical: the search page).
    public += [reverse("account_login"), reverse("account_signup"), reverse("search:search") + "?q=transport"]
    for path in public:
        assert may_crawl(rules, path), f"{path} should be crawlable"
    private = [
        reverse("wagtailadmin_home"),
        reverse("admin:index"),
        reverse("account_reset_password"),
        reverse("account_email"),
        reverse("search:search") + "?q=transport&content_type=case_study",
        reverse("search:search") + "?q=transport&page=2",
        reverse("search:search") + "?content_type=tool",
        reverse("search:api_search") + "?q=transport",
        reverse("search:api_suggest"),
        "/api/v2/pages/",
        reverse("members:profile_edit"),
        reverse("members:apply"),
        reverse("members:application_queue"),
        reverse("members:export_data"),
        reverse("members:delete_account"),
        reverse("forum:notifications"),
        reverse("forum:preferences"),
        reverse("forum:moderation_queue"),
        reverse("forum:unsubscribe", args=["token"]),
    ]
    for path in private:
        assert not may_crawl(rules, path), f"{path} should be kept from crawlers"
    for language in ("fr", "es"):  # the same rules in each interface language
        for path in public:
            assert may_crawl(rules, in_(language, path)), f"{in_(language, path)} should be crawlable"
        for path in private:
            assert not may_crawl(rules, in_(language, path)), f"{in_(language, path)} should be kept out"
    assert not may_crawl(rules, "/fr/accounts/password/reset/")
    assert may_crawl(rules, "/es/accounts/login/")
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    assert f"\nSitemap: {base}/sitemap.xml\n" in text


# --- The sitemap ------------------------------------------------------------------------------------------


def read_xml(client, url: str, root: str) -> ElementTree.Element:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"].startswith("application/xml")
    document = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap, in a test
    assert document.tag == f"{SITEMAPS}{root}"
    return document


def crawl_sitemap(client, base: str) -> dict[str, str | None]:
    """Every address the sitemap lists (through its index), with its lastmod, checked as a crawler
    needs: absolute addresses on the public address, W3C dates, at most 50,000 per file."""
    index = read_xml(client, "/sitemap.xml", "sitemapindex")
    found: dict[str, str | None] = {}
    sections = index.findall(f"{SITEMAPS}sitemap")
    assert sections
    for section in sections:
        location = section.findtext(f"{SITEMAPS}loc")
        assert location.startswith(f"{base}/sitemap-"), location
        lastmod = section.findtext(f"{SITEMAPS}lastmod")
        assert lastmod is None or W3C_DATETIME.match(lastmod), lastmod
        parts = urlsplit(location)
        urlset = read_xml(client, parts.path + (f"?{parts.query}" if parts.query else ""), "urlset")
        entries = urlset.findall(f"{SITEMAPS}url")
        assert len(entries) <= 50_000
        for entry in entries:
            loc, lastmod = entry.findtext(f"{SITEMAPS}loc"), entry.findtext(f"{SITEMAPS}lastmod")
            assert loc.startswith(f"{base}/"), loc
            assert lastmod is None or W3C_DATETIME.match(lastmod), lastmod
            assert loc not in found, f"{loc} is listed twice"
            found[loc] = lastmod
    return found


def restrict(page, kind: str, **fields) -> None:
    with transaction.atomic():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)
        if kind == PageViewRestriction.GROUPS:
            restriction.groups.add(Group.objects.get(name=MEMBERS_GROUP))


@pytest.fixture
def site_content(home_page):
    library, tools = ensure_library_structure()
    public_category = CategoryFactory(name="Open exchange", slug="open-exchange")
    members_category = CategoryFactory(slug="members-lounge", visibility=Category.Visibility.MEMBERS)
    organisation = OrganisationFactory(name="Port Authority")
    make_member(organisation=organisation)
    content = {
        "case": CaseStudyPageFactory(parent=library, title="Public case"),
        "tool": ToolPageFactory(parent=tools, title="Public tool"),
        "draft": CaseStudyPageFactory(parent=library, title="Draft case", live=False),
        "login_page": CaseStudyPageFactory(parent=library, title="Signed-in case"),
        "members_page": CaseStudyPageFactory(parent=library, title="Members' case"),
        "password_page": ToolPageFactory(parent=tools, title="Password tool"),
        "topic": TopicFactory(category=public_category, title="Public question"),
        "members_topic": TopicFactory(category=members_category, title="Members' question"),
        "hidden_topic": TopicFactory(category=public_category, status=Status.HIDDEN),
        "pending_topic": TopicFactory(category=public_category, status=Status.PENDING),
        "deleted_topic": TopicFactory(category=public_category, status=Status.DELETED),
        "public_category": public_category,
        "members_category": members_category,
        "organisation": organisation,
        "no_members": OrganisationFactory(name="Applicants' agency"),
    }
    content["merged_topic"] = TopicFactory(
        category=public_category, status=Status.MERGED, merged_into=content["topic"]
    )
    ProfileFactory(organisation=content["no_members"])  # registered, not a member
    restrict(content["login_page"], PageViewRestriction.LOGIN)
    restrict(content["members_page"], PageViewRestriction.GROUPS)
    restrict(content["password_page"], PageViewRestriction.PASSWORD, password="open sesame")  # noqa: S106
    return content


def test_the_sitemap_lists_what_visitors_may_open_with_dates_and_nothing_private(
    client, settings, site_content
):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    c = site_content
    listed = crawl_sitemap(client, base)

    expected = {
        "/": "home page",
        "/library/": "library",
        "/tools/": "tool catalogue",
        c["case"].url: "a case study",
        c["tool"].url: "a tool",
        c["topic"].get_absolute_url(): "a public topic",
        c["public_category"].get_absolute_url(): "a public category",
        "/forum/": "the forum",
        "/members/": "the directory",
        reverse("members:organisation_detail", args=[c["organisation"].slug]): "a member organisation",
        reverse("cases:glossary"): "the glossary",
        reverse("cases:pathways"): "the coalition pathways",
    }
    for path, what in expected.items():
        assert f"{base}{path}" in listed, f"{what} ({path}) is missing"
    private = {
        c["draft"].url if c["draft"].url else f"/library/{c['draft'].slug}/": "a draft",
        c["login_page"].url: "a page for signed-in people",
        c["members_page"].url: "a members-only page",
        c["password_page"].url: "a password-protected page",
        c["members_topic"].get_absolute_url(): "a topic in a members-only category",
        c["members_category"].get_absolute_url(): "a members-only category",
        c["hidden_topic"].get_absolute_url(): "a hidden topic",
        c["pending_topic"].get_absolute_url(): "a topic waiting for approval",
        c["deleted_topic"].get_absolute_url(): "a deleted topic",
        c["merged_topic"].get_absolute_url(): "a merged topic",
        reverse(
            "members:organisation_detail", args=[c["no_members"].slug]
        ): "an organisation without members",
    }
    for path, what in private.items():
        assert f"{base}{path}" not in listed, f"{what} ({path}) is listed"
    assert not any("/accounts/" in url or "/admin/" in url or "/people/" in url for url in listed)

    case = c["case"]
    case.refresh_from_db()
    assert listed[f"{base}{case.url}"].startswith(
        (case.last_published_at or case.latest_revision_created_at).astimezone(UTC).strftime("%Y-%m-%d")
    )
    topic = Topic.objects.get(pk=c["topic"].pk)
    assert listed[f"{base}{topic.get_absolute_url()}"].startswith(topic.last_activity_at.date().isoformat())


def test_a_topics_lastmod_follows_its_latest_activity(client, settings, site_content):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    topic = site_content["topic"]
    later = timezone.now() + timedelta(days=2)
    Topic.objects.filter(pk=topic.pk).update(last_activity_at=later)
    listed = crawl_sitemap(client, base)
    assert listed[f"{base}{topic.get_absolute_url()}"].startswith(later.date().isoformat())


def test_an_unknown_section_or_page_of_the_sitemap_is_a_404(client, site_content):
    for url in ["/sitemap-nothing.xml", "/sitemap-topics.xml?p=9", "/sitemap-topics.xml?p=x"]:
        assert client.get(url).status_code == 404, url


def test_the_sitemap_takes_a_fixed_number_of_queries(client, settings, site_content):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    library, tools = ensure_library_structure()
    category = site_content["public_category"]

    def add(n):
        for _ in range(n):
            CaseStudyPageFactory(parent=library)
            ToolPageFactory(parent=tools)
            TopicFactory(category=category)
            make_member(organisation=OrganisationFactory())

    def queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            listed = crawl_sitemap(client, base)
        return len(listed), len(captured.captured_queries)

    queries()  # warms the caches (site root paths, content types) first
    few_urls, few = queries()
    add(10)
    many_urls, many = queries()
    # 10 case studies and 10 tools (their aliases are not listed), 10 topics and 10 organisations
    # in each of the three interface languages.
    assert many_urls == few_urls + 20 + 3 * 20
    # 33: 30, and the home page's translations (where each language's tree starts) and each listed
    # page's other versions (its alternates), per sitemap file of pages.
    assert many == few <= 33, (few, many)


def sitemap_alternates(client, section: str) -> dict[str, dict[str, str]]:
    """Each address of a sitemap section -> its hreflang alternates ({language: address})."""
    urlset = read_xml(client, f"/sitemap-{section}.xml", "urlset")
    return {
        entry.findtext(f"{SITEMAPS}loc"): {
            link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")
        }
        for entry in urlset.findall(f"{SITEMAPS}url")
    }


def test_the_sitemap_lists_each_language_with_its_alternates_and_no_untranslated_copy(
    client, settings, site_content
):
    from cases.demo import translate_page

    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    case = site_content["case"]
    french = translate_page(case, "fr", {"Public case": "Cas public"}).specific
    french.save_revision().publish()  # the factory's page was never published through a revision

    pages = sitemap_alternates(client, "pages")
    english, in_french = f"{base}{case.url}", f"{base}{french.url}"
    assert in_french == f"{base}/fr/library/{case.slug}/"
    assert pages[english] == pages[in_french] == {"en": english, "fr": in_french}
    assert f"{base}/es/library/{case.slug}/" not in pages, "the Spanish copy is the English page again"

    views = sitemap_alternates(client, "views")
    forum = {"en": f"{base}/forum/", "fr": f"{base}/fr/forum/", "es": f"{base}/es/forum/"}
    for address in forum.values():
        assert views[address] == {**forum, "x-default": forum["en"]}
