"""What search engines and link previews read in each page's <head>: a clean, unique title, a
description, a canonical address on the public address, Open Graph and Twitter tags; members-only
pages say noindex."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from forum.models import Category
from lodestar.links import absolute_url
from lodestar.permissions.roles import MEMBERS_GROUP
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure
from tests.forum.factories import CategoryFactory, TopicFactory
from tests.markup.conftest import key_pages
from tests.members.factories import make_member

pytestmark = pytest.mark.django_db


def head(response) -> dict:
    """The head's title and meta tags of a response, by name or property."""
    soup = BeautifulSoup(response.content, "html.parser")
    found = {"title": [t.string for t in soup.head.find_all("title")]}
    for tag in soup.head.find_all("meta"):
        key = tag.get("name") or tag.get("property")
        if key:
            found.setdefault(key, []).append(tag.get("content"))
    found["canonical"] = [link["href"] for link in soup.head.find_all("link", rel="canonical")]
    return found


@pytest.mark.integration
def test_every_key_page_has_a_clean_unique_title_a_description_and_its_cards(client, demo_content):
    pages = key_pages()
    titles = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, f"{name} ({url})"
        meta = head(response)
        assert len(meta["title"]) == 1, f"{name}: one title"
        title = meta["title"][0]
        assert "\n" not in title and "  " not in title and title == title.strip(), f"{name}: {title!r}"
        assert title.count("Lodestar") == 1, f"{name}: {title!r} names the site once"
        assert title.endswith(" · Lodestar") or title.startswith("Lodestar · "), f"{name}: {title!r}"
        titles[title] = name
        description = meta["description"][0]
        assert 20 <= len(description) <= 160 and "<" not in description, f"{name}: {description!r}"
        assert "robots" not in meta, f"{name} is public: it must not say noindex"
        canonical = meta["canonical"]
        assert canonical == [absolute_url(url.split("?")[0])], f"{name}: {canonical}"
        assert meta["og:url"] == canonical
        assert meta["og:title"][0] and meta["og:title"][0] in title, f"{name}: {meta['og:title']}"
        assert meta["og:description"] == [description]
        assert meta["og:site_name"] == ["Lodestar"]
        assert meta["og:type"][0] in ("website", "article")
        assert meta["twitter:card"][0] in ("summary", "summary_large_image")
    assert len(titles) == len(pages), f"titles are shared: {titles}"
    assert "Lodestar · Lodestar" not in titles


@pytest.mark.integration
def test_a_case_study_previews_with_its_summary_and_hero_image(client, demo_content):
    from cases.models import CaseStudyPage

    case = CaseStudyPage.objects.live().exclude(hero_image=None).first()
    meta = head(client.get(case.url))

    assert meta["title"] == [f"{case.title} · Lodestar"]
    assert meta["description"][0].startswith(case.summary[:100])
    assert meta["og:type"] == ["article"]
    assert meta["og:image"][0].startswith(absolute_url("/media/")), "an absolute link to the image"
    assert meta["og:image:alt"][0]
    assert meta["twitter:card"] == ["summary_large_image"]
    image = client.get(urlsplit(meta["og:image"][0]).path)
    assert image.status_code == 200, "a visitor (a link preview) can fetch the image"


def test_the_canonical_address_drops_tracking_and_keeps_only_later_pages(client, home_page, settings):
    settings.FORUM_TOPICS_PER_PAGE = 2
    category = CategoryFactory()
    for _ in range(3):
        TopicFactory(category=category)
    forum = absolute_url(reverse("forum:index"))

    def canonical(query):
        return head(client.get(reverse("forum:index"), query))["canonical"]

    assert canonical({"utm_source": "newsletter", "fbclid": "x"}) == [forum]
    assert canonical({"page": "1"}) == [forum]
    assert canonical({"page": "2", "utm_campaign": "x"}) == [f"{forum}?page=2"]
    titles = {head(client.get(reverse("forum:index"), {"page": n}))["title"][0] for n in (1, 2)}
    assert titles == {"Forum · Lodestar", "Forum · page 2 · Lodestar"}, (
        "each page of a list has its own title"
    )


def test_a_filtered_or_searched_listing_names_the_listing_itself(client, home_page):
    library, _ = ensure_library_structure()
    CaseStudyPageFactory(parent=library)

    filtered = head(client.get(library.url, {"sector": "energy-supply", "page": "1"}))
    searched = head(client.get(reverse("search:search"), {"q": "energy", "utm_medium": "email"}))

    assert filtered["canonical"] == [absolute_url(library.url)]
    assert searched["canonical"] == [absolute_url(reverse("search:search"))]


def test_members_only_pages_say_noindex_and_name_no_canonical(client, home_page):
    library, _ = ensure_library_structure()
    restricted = CaseStudyPageFactory(parent=library, title="A members-only case")
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    public = CaseStudyPageFactory(parent=library, title="A public case")
    hidden_category = CategoryFactory(visibility=Category.Visibility.MEMBERS)
    members_topic = TopicFactory(category=hidden_category)
    public_topic = TopicFactory(category=CategoryFactory())
    client.force_login(make_member())

    for url in (restricted.url, members_topic.get_absolute_url(), reverse("members:profile_edit")):
        response = client.get(url)
        assert response.status_code == 200, url
        meta = head(response)
        assert meta["robots"] == ["noindex"], url
        assert meta["canonical"] == [] and "og:url" not in meta and "og:title" not in meta, url
    for url in (public.url, public_topic.get_absolute_url(), reverse("forum:index")):
        meta = head(client.get(url))
        assert "robots" not in meta, url
        assert meta["canonical"] == [absolute_url(url)], url


def test_a_page_that_is_not_found_says_noindex_and_never_echoes_the_address(client, home_page):
    response = client.get("/forum/t/999999/no-such-topic/")

    assert response.status_code == 404
    assert head(response)["robots"] == ["noindex"]
    assert b"no-such-topic" not in response.content, "a 404 must not repeat, say, a private file's path"
