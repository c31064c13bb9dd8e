"""Page audiences in search, kept in step through the real worker when a restriction changes."""

import html

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.db import transaction
from wagtail.models import PageViewRestriction

from lodestar.permissions import searchable_audiences
from lodestar.permissions.roles import MEMBERS_GROUP, MODERATORS_GROUP
from search.selectors import SearchRequest, plan_query, search_content
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure
from tests.search.conftest import refresh

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def titles(query: str, user) -> list[str]:
    refresh()
    hits = search_content(user=user, request=SearchRequest(query=query)).hits
    return [html.unescape(str(h.title).replace("<mark>", "").replace("</mark>", "")) for h in hits]


def publish_members_only_case(title: str) -> PageViewRestriction:
    """A case study published and restricted to the Members group in one transaction."""
    library, _ = ensure_library_structure()
    page = CaseStudyPageFactory(parent=library, title=title, slug="kelp", live=False)
    with transaction.atomic():
        page.save_revision().publish()
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    return restriction


def test_changing_the_groups_of_an_existing_restriction_reindexes_its_pages(
    search_index, tasks, home_page, member, moderator
):
    restriction = publish_members_only_case("Illustrative Kelp Carbon Ledger")
    tasks.wait()
    assert titles("kelp ledger", member) == ["Illustrative Kelp Carbon Ledger"]

    # Only the groups change: no save of the restriction itself.
    with transaction.atomic():
        restriction.groups.set([Group.objects.get(name=MODERATORS_GROUP)])
    tasks.wait()
    assert titles("kelp ledger", member) == [], "restricted to moderators: no longer found by members"
    assert titles("kelp ledger", moderator) == ["Illustrative Kelp Carbon Ledger"]

    with transaction.atomic():
        Group.objects.get(name=MEMBERS_GROUP).pageviewrestriction_set.add(
            restriction
        )  # from the group's side
    tasks.wait()
    assert titles("kelp ledger", member) == ["Illustrative Kelp Carbon Ledger"]


def test_the_admin_says_what_each_privacy_choice_means(client, home_page, moderator, administrator, tasks):
    library, _ = ensure_library_structure()
    page = CaseStudyPageFactory(parent=library, title="Illustrative Privacy Case", slug="privacy-case")
    client.force_login(administrator)

    response = client.get(f"/admin/pages/{page.pk}/privacy/")

    assert response.status_code == 200
    text = html.unescape(response.json()["html"])
    assert "Any logged-in users</strong> means any signed-in account" in text
    assert "tick <strong>Members</strong>" in text
    # The page's indexing runs on the worker: let it end before the tables are emptied (a TRUNCATE
    # while it reads them is a deadlock, seen in CI).
    tasks.wait()


def test_a_word_only_private_content_holds_is_unknown_to_a_visitor(search_index, tasks, home_page, member):
    """Fuzziness and suggestions depend on whether a word is known: known only to those who may see it.

    Otherwise a visitor's misspelling of a members-only word would get no correction where a made-up
    word gets one, which tells them the word exists behind the restriction.
    """
    publish_members_only_case("Illustrative Kelp Carbon Ledger")
    tasks.wait()
    refresh()
    visitor = searchable_audiences(AnonymousUser())

    assert plan_query("kelp ledger", searchable_audiences(member)).unknown_words == []
    assert plan_query("kelp ledger", visitor).unknown_words == ["kelp", "ledger"]
    assert titles("kelp ledger", AnonymousUser()) == []


def test_a_word_is_known_as_soon_as_a_published_document_holds_it(search_index, tasks, home_page):
    """Which words the index knows is cached: a publication must end that at once, not an hour later.

    A word wrongly taken for unknown would be looked for fuzzily and could get a "did you mean"
    that corrects a name the visitor can now find.
    """
    visitor = searchable_audiences(AnonymousUser())
    assert plan_query("kelp ledger", visitor).unknown_words == ["kelp", "ledger"]  # and remembered

    library, _ = ensure_library_structure()
    page = CaseStudyPageFactory(
        parent=library, title="Illustrative Kelp Carbon Ledger", slug="kelp", live=False
    )
    with transaction.atomic():
        page.save_revision().publish()
    tasks.wait()

    assert plan_query("kelp ledger", visitor).unknown_words == []
    results = search_content(user=AnonymousUser(), request=SearchRequest(query="kelp ledger"))
    assert [h.object_id for h in results.hits] == [str(page.pk)]
    assert results.did_you_mean == ""


@pytest.mark.django_db
def test_a_forum_category_made_members_only_is_no_longer_named_to_a_visitor_at_once(
    search_index, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """Which categories an audience may see is cached under the visitor-cache generation: the
    change of a category bumps it, so the next search reads it afresh."""
    from forum.models import Category
    from lodestar import visitor_cache
    from tests.forum.factories import CategoryFactory

    visitor_cache.current_generation()  # as on a running site
    category = CategoryFactory(
        name="Illustrative Harbour Working Group", visibility=Category.Visibility.PUBLIC
    )
    request = SearchRequest(filters={"category": (category.slug,)})

    def labels() -> list[str]:
        facets = search_content(user=AnonymousUser(), request=request).facets
        return [value.label for facet in facets if facet.name == "category" for value in facet.values]

    assert labels() == ["Illustrative Harbour Working Group"]
    with django_assert_num_queries(0):  # the second search reads them from the cache
        assert labels() == ["Illustrative Harbour Working Group"]

    with django_capture_on_commit_callbacks(execute=True):  # as a moderator's edit commits
        category.visibility = Category.Visibility.MEMBERS
        category.save()

    assert labels() == [category.slug], "a visitor keeps the slug they typed, never the name"
