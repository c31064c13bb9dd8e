"""The Wagtail admin shows members their own drafts and the pages they may view, nothing else;
its reports (site history, workflows...) are for moderators."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from lodestar.permissions.roles import MODERATORS_GROUP
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure

pytestmark = pytest.mark.django_db

OTHERS_DRAFT = "Turbary draft of another member"
OWN_DRAFT = "Fenland draft of my own"
PUBLISHED = "Published mire restoration"
MODERATORS_ONLY = "Secretariat briefing on peat"
ALL_TITLES = [OTHERS_DRAFT, OWN_DRAFT, PUBLISHED, MODERATORS_ONLY]


@pytest.fixture
def pages(home_page, member, other_member):
    library, _ = ensure_library_structure()
    CaseStudyPageFactory(parent=library, title=OTHERS_DRAFT, live=False, owner=other_member)
    CaseStudyPageFactory(parent=library, title=OWN_DRAFT, live=False, owner=member)
    CaseStudyPageFactory(parent=library, title=PUBLISHED, owner=other_member)
    secret = CaseStudyPageFactory(parent=library, title=MODERATORS_ONLY)
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return library


def _titles(response) -> list[str]:
    text = (
        response.content.decode()
        if not response.get("Content-Type", "").startswith("application/json")
        else (response.json().get("html", ""))
    )
    return [title for title in ALL_TITLES if title in text]


LISTINGS = {
    "explorer": "/admin/pages/{library}/",
    "explorer search": "/admin/pages/{library}/?q=restoration+draft+peat+briefing",
    "page search": "/admin/pages/search/?q=draft",
    "page search (all)": "/admin/pages/search/?q=",
    "page chooser": "/admin/choose-page/{library}/",
    "page chooser search": "/admin/choose-page/search/?q=draft",
}


@pytest.mark.parametrize("listing", list(LISTINGS))
def test_a_member_sees_only_their_own_drafts_and_the_pages_they_may_view(client, pages, member, listing):
    client.force_login(member)

    response = client.get(LISTINGS[listing].format(library=pages.pk))

    assert response.status_code == 200
    shown = _titles(response)
    assert OTHERS_DRAFT not in shown and MODERATORS_ONLY not in shown
    if "search" not in listing or "(all)" in listing:
        assert OWN_DRAFT in shown and PUBLISHED in shown


def test_a_moderator_sees_every_page(client, pages, moderator):
    client.force_login(moderator)

    assert _titles(client.get(f"/admin/pages/{pages.pk}/")) == ALL_TITLES


def _without_child_checks(queries) -> int:
    child_check = 'SELECT 1 AS "a" FROM "wagtailcore_page" WHERE ("wagtailcore_page"."path"::text LIKE'
    return sum(not q["sql"].startswith(child_check) for q in queries.captured_queries)


def test_the_explorer_rule_does_not_query_per_page(client, pages, member, other_member):
    client.force_login(member)
    client.get(f"/admin/pages/{pages.pk}/")  # warm the per-process caches
    with CaptureQueriesContext(connection) as few:
        client.get(f"/admin/pages/{pages.pk}/")
    for n in range(6):
        CaseStudyPageFactory(parent=pages, title=f"Another draft {n}", live=False, owner=other_member)
        CaseStudyPageFactory(parent=pages, title=f"Another page {n}", owner=member)
    with CaptureQueriesContext(connection) as many:
        response = client.get(f"/admin/pages/{pages.pk}/")
    assert "Another page 5" in response.content.decode()
    # Wagtail's explorer asks each listed page whether it has children (its own, one per row);
    # the permission rule adds none.
    assert _without_child_checks(many) == _without_child_checks(few)


def test_site_history_and_the_other_reports_are_for_moderators(client, pages, member, moderator):
    reports = ["/admin/reports/site-history/", "/admin/reports/workflow/", "/admin/reports/aging-pages/"]
    client.force_login(member)
    for url in reports:
        assert client.get(url).status_code == 403, url
    assert "Site history" not in client.get("/admin/").content.decode()

    client.force_login(moderator)
    for url in reports:
        assert client.get(url).status_code == 200, url
    assert "Site history" in client.get("/admin/").content.decode()


def test_visitors_are_sent_to_log_in_at_the_reports(client, pages):
    response = client.get("/admin/reports/site-history/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
