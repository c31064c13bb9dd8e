"""Visitors' pages come from the cache, yet show every change at once; members never get them."""

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from django.test import Client

from forum import services as forum_services
from lodestar.visitor_cache import HIT_HEADER
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure
from tests.forum.factories import CategoryFactory, TopicFactory
from tests.test_health import closed_port_url

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


@pytest.fixture(autouse=True)
def visitor_cache_on(settings):
    settings.VISITOR_PAGE_CACHE_SECONDS = 300
    settings.FORUM_APPROVAL_FIRST_POSTS = 0


@pytest.fixture(autouse=True)
def indexing(tasks):
    """The real worker indexes every write here, and its indexing ends cached pages when it is done.

    Tests wait for it (`indexing.wait()`) before they expect a page from the cache, and each test
    waits at its end, so that no indexing of its writes ends the next test's pages.
    """
    yield tasks
    tasks.wait()


@pytest.fixture
def topic(home_page, other_member):
    return TopicFactory(category=CategoryFactory(), author=other_member, title="Heat pumps in old buildings?")


def test_a_visitor_gets_the_cached_page_without_a_query_and_sees_a_new_reply_at_once(
    topic, member, indexing, django_assert_num_queries
):
    visitor, writer = Client(), Client()
    writer.force_login(member)
    url = topic.get_absolute_url()
    indexing.wait()

    first = visitor.get(url)
    with django_assert_num_queries(0):
        second = visitor.get(url)

    assert (first[HIT_HEADER], second[HIT_HEADER]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]

    response = writer.post(f"/forum/t/{topic.pk}/reply/", {"body": "District heating worked for us."})
    assert response.status_code == 302

    after = visitor.get(url)
    assert after[HIT_HEADER] == "miss"
    assert b"District heating worked for us." in after.content


def test_moderation_shows_at_once(topic, member, moderator, indexing):
    visitor = Client()
    post = forum_services.post_create(author=member, topic=topic, body="Buy cheap watches here.")
    indexing.wait()
    assert b"Buy cheap watches here." in visitor.get(topic.get_absolute_url()).content
    assert visitor.get(topic.get_absolute_url())[HIT_HEADER] == "hit"

    forum_services.post_hide(post=post, moderator=moderator, reason="spam")

    assert b"Buy cheap watches here." not in visitor.get(topic.get_absolute_url()).content


def test_a_published_change_and_an_unpublished_case_study_show_at_once(home_page, indexing):
    library, _ = ensure_library_structure()
    page = CaseStudyPageFactory(parent=library, title="Illustrative Tidal Heat Plan", live=False)
    visitor = Client()
    assert visitor.get(page.url).status_code == 404

    with transaction.atomic():
        page.save_revision().publish()
    assert visitor.get(page.url).status_code == 200
    indexing.wait()
    visitor.get(page.url)
    assert visitor.get(page.url)[HIT_HEADER] == "hit"

    page.refresh_from_db()
    page.title = "Illustrative Tidal Heat Plan, second edition"
    page.save_revision().publish()
    assert "second edition" in text(visitor.get(page.url))

    page.refresh_from_db()
    page.unpublish()
    assert visitor.get(page.url).status_code == 404


def test_a_new_case_study_is_in_the_visitors_library_and_search_once_the_worker_indexed_it(
    home_page, search_index, indexing
):
    library, _ = ensure_library_structure()
    visitor = Client()
    indexing.wait()
    for url in ("/search/?q=tidal", "/library/"):
        visitor.get(url)
        assert visitor.get(url)[HIT_HEADER] == "hit"
    assert "Illustrative Tidal Heat Plan" not in text(visitor.get("/search/?q=tidal"))

    with transaction.atomic():
        CaseStudyPageFactory(
            parent=library, title="Illustrative Tidal Heat Plan", live=False
        ).save_revision().publish()
    indexing.wait()  # the task ends the cached pages before it returns

    assert "Illustrative Tidal Heat Plan" in text(visitor.get("/search/?q=tidal"))
    assert "Illustrative Tidal Heat Plan" in text(visitor.get("/library/"))


def test_members_never_get_cached_pages_and_their_pages_are_never_stored(topic, member, indexing):
    visitor, signed_in = Client(), Client()
    signed_in.force_login(member)
    url = topic.get_absolute_url()
    indexing.wait()
    visitor.get(url)
    assert visitor.get(url)[HIT_HEADER] == "hit"

    response = signed_in.get(url)

    assert HIT_HEADER not in response
    assert b"Log out" in response.content  # their own page, signed in

    topic.category.save()  # any write: the visitor's entry ends
    signed_in.get(url)
    assert visitor.get(url)[HIT_HEADER] == "miss", "the member's page was not stored for visitors"


def test_pages_that_set_a_cookie_are_never_shared(home_page):
    """A CSRF token (a form) sets a cookie: such a page belongs to one visitor only."""
    visitor = Client()
    response = visitor.get("/accounts/password/reset/")
    assert response.cookies
    assert HIT_HEADER not in response
    assert HIT_HEADER not in visitor.get("/accounts/password/reset/")


def test_pages_serve_uncached_while_the_cache_is_unreachable(home_page, settings):
    settings.CACHES = {
        "default": {
            **settings.CACHES["default"],
            "LOCATION": closed_port_url().replace("http", "redis"),
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    visitor = Client()
    for _ in range(2):
        response = visitor.get("/")
        assert response.status_code == 200
        assert HIT_HEADER not in response
