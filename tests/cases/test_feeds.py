"""Atom feeds of the library and the tools, whole or filtered: valid, public pages only, found from
the listing pages, with markup in summaries kept as text, in a fixed number of queries."""

import html
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from lodestar.permissions.roles import MEMBERS_GROUP
from lodestar.vocabularies.models import Sector, ToolType
from tests.atom import raw_summaries, read_feed
from tests.members.factories import OrganisationFactory

from .factories import CaseStudyPageFactory, ToolPageFactory, term

pytestmark = pytest.mark.django_db

XSS = (Path(__file__).resolve().parents[1] / "data" / "xss-payloads.txt").read_text().splitlines()


def published(factory, *, days_ago: int, **kwargs):
    """A page published `days_ago` days ago (first and last publication)."""
    when = timezone.now() - timedelta(days=days_ago)
    page = factory(first_published_at=when, **kwargs)
    type(page).objects.filter(pk=page.pk).update(last_published_at=when)
    page.refresh_from_db()
    return page


def restrict(page, kind: str) -> None:
    with transaction.atomic():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
        if kind == PageViewRestriction.GROUPS:
            restriction.groups.add(Group.objects.get(name=MEMBERS_GROUP))


@pytest.fixture
def library_pages(library, tool_index):
    transport, buildings = term(Sector, "transport"), term(Sector, "buildings")
    pages = {
        "bus": published(
            CaseStudyPageFactory,
            days_ago=3,
            parent=library,
            title="Bus fleet",
            sectors=[transport],
            countries=["PT"],
        ),
        "rail": published(
            CaseStudyPageFactory,
            days_ago=1,
            parent=library,
            title="Night trains",
            sectors=[transport],
            countries=["CR"],
        ),
        "retrofit": published(
            CaseStudyPageFactory, days_ago=2, parent=library, title="Retrofits", sectors=[buildings]
        ),
        "draft": CaseStudyPageFactory(parent=library, title="Unpublished draft", live=False),
        "members": CaseStudyPageFactory(parent=library, title="Members-only case"),
        "login": CaseStudyPageFactory(parent=library, title="Signed-in-only case"),
        "model": published(
            ToolPageFactory,
            days_ago=1,
            parent=tool_index,
            title="Pathway model",
            maintainer="Illustrative Modelling Lab",
            sectors=[transport],
        ),
        "guide": published(
            ToolPageFactory,
            days_ago=2,
            parent=tool_index,
            title="Guidebook",
            tool_type=term(ToolType, "guidebook"),
        ),
        "hidden_tool": ToolPageFactory(parent=tool_index, title="Restricted tool"),
    }
    restrict(pages["members"], PageViewRestriction.GROUPS)
    restrict(pages["login"], PageViewRestriction.LOGIN)
    restrict(pages["hidden_tool"], PageViewRestriction.LOGIN)
    return pages


def test_the_library_feed_lists_public_case_studies_newest_first_as_valid_atom(
    client, settings, library_pages
):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    feed = read_feed(client.get("/library/feed/"))

    assert [entry.title for entry in feed.entries] == ["Night trains", "Retrofits", "Bus fleet"]
    assert feed.feed.title == "Lodestar: Case studies"
    assert feed.feed.link == f"{base}/library/"
    assert {link.rel: link.href for link in feed.feed.links}["self"] == f"{base}/library/feed/"
    assert feed.feed.author  # RFC 4287: the entries without an author of their own inherit it
    rail = feed.entries[0]
    assert rail.link == rail.id == f"{base}{library_pages['rail'].url}"
    published_at = library_pages["rail"].last_published_at
    assert rail.updated_parsed[:6] == published_at.astimezone(UTC).timetuple()[:6]
    assert rail.summary == library_pages["rail"].summary
    assert {tag.term for tag in rail.tags} == {"Transport", "City"}
    assert feed.feed.updated_parsed == rail.updated_parsed  # the feed changed with its newest entry


def test_members_only_restricted_and_draft_pages_stay_out_of_feeds_whoever_asks(
    client, member, library_pages
):
    client.force_login(member)  # feed readers send no session: a member's request gets the same
    titles = [
        entry.title
        for url in ["/library/feed/", "/tools/feed/"]
        for entry in read_feed(client.get(url)).entries
    ]
    assert titles == ["Night trains", "Retrofits", "Bus fleet", "Pathway model", "Guidebook"]


def test_a_filtered_feed_lists_what_the_filtered_library_lists_and_links_back_to_it(
    client, settings, library_pages
):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    feed = read_feed(client.get("/library/feed/?country=PT&sector=transport&page=3"))

    assert [entry.title for entry in feed.entries] == ["Bus fleet"]
    assert feed.feed.title == "Lodestar: Case studies (Sector: Transport; Country: Portugal)"
    # The filters in the form's order, and nothing that is not a filter (the page number).
    assert feed.feed.link == f"{base}/library/?sector=transport&country=PT"
    links = {link.rel: link.href for link in feed.feed.links}
    assert links["self"] == f"{base}/library/feed/?sector=transport&country=PT"
    assert feed.feed.id != read_feed(client.get("/library/feed/")).feed.id


def test_the_tool_feed_follows_the_tool_filters_and_names_each_maintainer(client, library_pages):
    response = client.get("/tools/feed/")
    feed = read_feed(response)
    assert [(entry.title, entry.author) for entry in feed.entries] == [
        ("Pathway model", "Illustrative Modelling Lab"),
        ("Guidebook", "Illustrative maintainers"),
    ]
    guides = read_feed(client.get("/tools/feed/?tool_type=guidebook"))
    assert [entry.title for entry in guides.entries] == ["Guidebook"]
    assert guides.feed.title == "Lodestar: Tools and resources (Tool type: Guidebook)"


def test_case_studies_name_their_contributing_organisations_as_authors(client, library):
    page = CaseStudyPageFactory(parent=library, title="Shared work")
    page.contributor_organisations.set(
        [OrganisationFactory(name="Port Authority"), OrganisationFactory(name="City Council")]
    )
    page.save()  # a ParentalManyToManyField is written with its page
    [entry] = read_feed(client.get("/library/feed/")).entries
    assert set(entry.author.split(", ")) == {"Port Authority", "City Council"}


@pytest.mark.parametrize("query", ["sector=no-such-sector", "country=XX", "stage=none"])
def test_a_bad_filter_answers_400_with_the_reason(client, library_pages, query):
    response = client.get(f"/library/feed/?{query}")
    assert response.status_code == 400
    assert "Invalid filter" in response.content.decode()


def test_markup_in_titles_and_summaries_reaches_readers_as_text(client, library):
    for n, payload in enumerate(XSS):
        CaseStudyPageFactory(parent=library, title=f"Case {n} {payload[:150]}", summary=payload)
    response = client.get("/library/feed/")
    feed = read_feed(response)

    assert len(feed.entries) == min(len(XSS), 30)
    for summary in raw_summaries(response.content):
        # The summary is HTML (type="html"): a reader renders it, so the text must hold no tag.
        assert "<" not in summary and ">" not in summary, summary
    shown = {html.unescape(entry.summary) for entry in feed.entries}
    assert shown <= set(XSS)  # the text itself arrives whole


def test_the_library_and_tool_pages_point_feed_readers_at_their_feed_with_their_filters(
    client, library_pages
):
    def advertised(url):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        [link] = soup.select('head link[rel="alternate"][type="application/atom+xml"]')
        visible = soup.find("a", string="Follow this list (Atom feed)")
        assert visible["href"] == link["href"]
        return link["href"], link["title"]

    assert advertised("/library/") == ("/library/feed/", "Case studies (Atom feed)")
    assert advertised("/library/?sector=transport&sort=title&page=1") == (
        "/library/feed/?sector=transport",
        "Case studies: these case studies (Atom feed)",
    )
    assert advertised("/tools/?tool_type=model") == (
        "/tools/feed/?tool_type=model",
        "Tools and resources: these tools (Atom feed)",
    )


def test_feeds_take_a_fixed_number_of_queries(client, library, tool_index):
    organisation = OrganisationFactory()

    def add(n):
        for _ in range(n):
            case = CaseStudyPageFactory(parent=library, sectors=[term(Sector, "transport")])
            case.contributor_organisations.set([organisation])
            case.save()
            ToolPageFactory(parent=tool_index)

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert read_feed(client.get(url))
        return len(captured.captured_queries)

    add(2)
    queries("/library/feed/")  # warms the caches (site root paths, content types) first
    few = {url: queries(url) for url in ["/library/feed/", "/library/feed/?sector=transport", "/tools/feed/"]}
    add(10)
    many = {url: queries(url) for url in few}
    assert many == few
    assert max(many.values()) <= 14, many
