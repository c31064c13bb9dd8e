"""Who may do what in the library: the permission functions and the Wagtail admin agree."""

import pytest
from django.urls import reverse

from cases.models import CaseStudyPage, FeaturedList
from lodestar import permissions

from .factories import CaseStudyPageFactory
from .test_validation import case_study_form

pytestmark = pytest.mark.django_db


def add_url(library):
    return reverse("wagtailadmin_pages:add", args=["cases", "casestudypage", library.pk])


def test_permission_functions_follow_the_roles(
    library, member, other_member, moderator, administrator, registered_user
):
    from django.contrib.auth.models import AnonymousUser

    own = CaseStudyPageFactory(parent=library, owner=member)
    visitor = AnonymousUser()

    assert permissions.can_view_library(visitor) and permissions.can_export_library(visitor)
    assert not permissions.can_submit_case_study(visitor)
    assert not permissions.can_submit_case_study(registered_user)
    assert permissions.can_submit_case_study(member)
    assert permissions.can_edit_case_study(member, own)
    assert not permissions.can_edit_case_study(other_member, own)
    assert not permissions.can_edit_case_study(registered_user, own)
    assert permissions.can_edit_case_study(moderator, own)
    assert not permissions.can_publish_case_study(member, own)
    assert permissions.can_publish_case_study(moderator, own)
    assert not permissions.can_feature_cases(member)
    assert permissions.can_feature_cases(moderator) and permissions.can_feature_cases(administrator)


def test_a_member_creates_a_draft_that_they_cannot_publish(client, library, member):
    client.force_login(member)

    response = client.post(add_url(library), {**case_study_form(), "action-publish": "1"})

    assert response.status_code == 302
    page = CaseStudyPage.objects.get(slug="aligning-budgets", locale__language_code="en")
    assert not page.live
    assert page.owner == member
    assert client.get("/library/aligning-budgets/").status_code == 404


def test_a_member_submits_a_draft_to_the_moderators_workflow(client, library, member):
    client.force_login(member)

    client.post(add_url(library), {**case_study_form(), "action-submit": "1"})

    page = CaseStudyPage.objects.get(slug="aligning-budgets", locale__language_code="en")
    assert not page.live
    assert page.workflow_in_progress
    task = page.current_workflow_task.specific
    assert {group.name for group in task.groups.all()} >= {"Moderators"}


def test_a_member_can_only_add_pages_in_the_library_and_tool_sections(client, library, home_page, member):
    client.force_login(member)

    assert client.get(add_url(library)).status_code == 200
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[home_page.pk]))
    assert response.status_code != 200
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "homepage", home_page.pk]),
        {"title": "Mine", "slug": "mine"},
    )
    assert response.status_code != 200
    assert not home_page.get_children().filter(slug="mine").exists()


def test_a_member_edits_their_own_page_but_not_another_members(client, library, member, other_member):
    own = CaseStudyPageFactory(parent=library, owner=member, live=False)
    theirs = CaseStudyPageFactory(parent=library, owner=other_member, live=False, title="Theirs")
    client.force_login(member)

    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[theirs.pk])).status_code != 200
    form = case_study_form(title="Hijacked", slug=theirs.slug)
    client.post(reverse("wagtailadmin_pages:edit", args=[theirs.pk]), form)
    theirs.refresh_from_db()
    assert theirs.title == "Theirs"
    assert theirs.get_latest_revision_as_object().title == "Theirs"


def test_members_cannot_touch_the_featured_list_but_moderators_can(client, library, member, moderator):
    FeaturedList.objects.create(name="Home page")
    list_url = reverse("wagtailsnippets_cases_featuredlist:list")
    add_url_ = reverse("wagtailsnippets_cases_featuredlist:add")

    client.force_login(member)
    assert client.get(list_url).status_code != 200
    response = client.post(
        add_url_, {"name": "Member list", "entries-TOTAL_FORMS": "0", "entries-INITIAL_FORMS": "0"}
    )
    assert response.status_code != 200
    assert not FeaturedList.objects.filter(name="Member list").exists()

    client.force_login(moderator)
    assert client.get(list_url).status_code == 200
    case = CaseStudyPageFactory(parent=library)
    response = client.post(
        add_url_,
        {
            "name": "Spring selection",
            "entries-TOTAL_FORMS": "1",
            "entries-INITIAL_FORMS": "0",
            "entries-MIN_NUM_FORMS": "0",
            "entries-MAX_NUM_FORMS": "20",
            "entries-0-case_study": str(case.pk),
            "entries-0-feature_until": "",
            "entries-0-ORDER": "1",
            "entries-0-DELETE": "",
        },
    )
    assert response.status_code == 302
    assert [e.case_study_id for e in FeaturedList.objects.get(name="Spring selection").entries.all()] == [
        case.pk
    ]


def test_a_moderator_publishes_directly(client, library, moderator):
    client.force_login(moderator)

    client.post(add_url(library), {**case_study_form(), "action-publish": "1"})

    page = CaseStudyPage.objects.get(slug="aligning-budgets", locale__language_code="en")
    assert page.live
    assert client.get(page.url).status_code == 200


def test_a_registered_non_member_cannot_enter_the_admin(client, library, registered_user):
    client.force_login(registered_user)
    assert client.get(add_url(library)).status_code != 200
    assert not CaseStudyPage.objects.exists()
