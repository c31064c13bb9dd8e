"""The page plumbing the library will use (search.signals.watch_pages), tried on a stand-in type.

The case study and tool pages are built on another branch; until they land, the home page type
stands in, registered as a search document for the length of each test.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from lodestar.home.models import HomePage
from search import indexing
from search.documents import DOCUMENTS, MEMBERS_ONLY, PUBLIC, SearchDocument
from search.selectors import SearchRequest, search_content
from search.signals import watch_pages
from tests.home.factories import HomePageFactory
from tests.search.conftest import refresh

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


class StandInPageDocument(SearchDocument):
    document_type = "stand_in_page"
    label = "Stand-in page"
    model = HomePage

    @classmethod
    def get_queryset(cls):
        return HomePage.objects.live().filter(alias_of__isnull=True).order_by("pk")  # aliases: copies

    @staticmethod
    def prepare_title(page):
        return page.title

    @staticmethod
    def prepare_url(page):
        return page.url or ""

    @staticmethod
    def prepare_visibility(page):
        return MEMBERS_ONLY if page.get_view_restrictions().exists() else PUBLIC


@pytest.fixture
def page_type(home_page):
    DOCUMENTS[StandInPageDocument.document_type] = StandInPageDocument
    watch_pages(HomePage, StandInPageDocument.document_type)
    yield
    del DOCUMENTS[StandInPageDocument.document_type]
    uid = "search:home.HomePage:stand_in_page"
    page_published.disconnect(sender=HomePage, dispatch_uid=f"{uid}:published")
    page_unpublished.disconnect(sender=HomePage, dispatch_uid=f"{uid}:unpublished")
    post_delete.disconnect(sender=HomePage, dispatch_uid=f"{uid}:deleted")
    post_page_move.disconnect(dispatch_uid=f"{uid}:moved")
    for signal in (post_save, post_delete):
        signal.disconnect(sender=PageViewRestriction, dispatch_uid=f"{uid}:restriction:{signal is post_save}")
    m2m_changed.disconnect(
        sender=PageViewRestriction.groups.through, dispatch_uid=f"{uid}:restriction:groups"
    )


def found(query: str) -> list[str]:
    indexing.drain()
    refresh()
    hits = search_content(user=AnonymousUser(), request=SearchRequest(query=query)).hits
    return [str(h.title).replace("<mark>", "").replace("</mark>", "") for h in hits]


def test_publishing_unpublishing_restricting_and_deleting_a_page(page_type, search_index, home_page):
    page = HomePageFactory.build(title="Illustrative Tidal Energy Roadmap", slug="tidal", live=False)
    home_page.add_child(instance=page)
    assert found("tidal roadmap") == []

    page.save_revision().publish()
    assert found("tidal roadmap") == ["Illustrative Tidal Energy Roadmap"]

    page.refresh_from_db()  # publish() worked on the revision's copy of the page
    page.unpublish()
    assert found("tidal roadmap") == []

    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=home_page, restriction_type="login")
    assert found("tidal roadmap") == [], "a restriction on an ancestor makes the page members only"
    restriction.delete()
    assert found("tidal roadmap") == ["Illustrative Tidal Energy Roadmap"]

    page.delete()
    assert found("tidal roadmap") == []


def test_moving_a_section_reindexes_the_pages_below_it(page_type, search_index, home_page):
    section = home_page.add_child(
        instance=HomePageFactory.build(title="Illustrative Section", slug="section")
    )
    restricted = home_page.add_child(
        instance=HomePageFactory.build(title="Members Area", slug="members-area")
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    study = section.add_child(
        instance=HomePageFactory.build(title="Illustrative Grid Study", slug="g", live=False)
    )
    study.save_revision().publish()
    assert found("grid study") == ["Illustrative Grid Study"]

    section.move(restricted, pos="last-child")

    assert found("grid study") == []
