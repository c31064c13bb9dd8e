"""Organisation and profile pages list the case studies and forum topics of their members."""

import pytest

from forum.models import Category
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure
from tests.forum.factories import CategoryFactory, TopicFactory
from tests.members.factories import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return ensure_library_structure()[0]


def test_organisation_page_lists_its_case_studies_and_visible_discussions(client, library, member):
    organisation = member.profile.organisation
    contributed = CaseStudyPageFactory(parent=library, title="Budget tagging (illustrative)")
    contributed.contributor_organisations.add(organisation)
    contributed.save_revision().publish()
    draft = CaseStudyPageFactory(parent=library, title="Unpublished draft (illustrative)", live=False)
    draft.contributor_organisations.add(organisation)
    draft.save()
    TopicFactory(author=member, title="How did you cost the pathway?")
    TopicFactory(
        author=member,
        title="A members-only question",
        category=CategoryFactory(visibility=Category.Visibility.MEMBERS),
    )

    body = client.get(f"/members/organisations/{organisation.slug}/").content.decode()

    assert "Budget tagging (illustrative)" in body
    assert "Unpublished draft" not in body
    assert "How did you cost the pathway?" in body
    assert "A members-only question" not in body
    client.force_login(make_member())
    assert (
        "A members-only question"
        in client.get(f"/members/organisations/{organisation.slug}/").content.decode()
    )


def test_profile_page_lists_the_members_case_studies_and_topics(client, library, member):
    CaseStudyPageFactory(parent=library, title="Heat plan (illustrative)", owner=member)
    TopicFactory(author=member, title="Which heat-pump subsidies worked?")

    body = client.get(f"/members/people/{member.profile.slug}/").content.decode()

    assert "Heat plan (illustrative)" in body
    assert "Which heat-pump subsidies worked?" in body


def test_organisation_page_queries_do_not_grow_with_its_activity(
    client, library, member, django_assert_max_num_queries
):
    organisation = member.profile.organisation
    url = f"/members/organisations/{organisation.slug}/"
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    for n in range(6):
        page = CaseStudyPageFactory(parent=library, title=f"Case {n} (illustrative)")
        page.contributor_organisations.add(organisation)
        page.save()
        TopicFactory(author=make_member(organisation=organisation))
    with django_assert_max_num_queries(len(few.captured_queries) + 3):  # + images and terms, once
        response = client.get(url)
    assert response.content.decode().count("(illustrative)") >= 6
