"""Every role against every members action of lodestar.permissions, and the views that obey them."""

import pytest
from django.contrib.auth.models import AnonymousUser

from lodestar import permissions
from lodestar.permissions import Role, role_of
from tests.members.factories import MembershipApplicationFactory, ProfileFactory, UserFactory

ROLES = ["visitor", "registered", "member", "moderator", "administrator"]


@pytest.fixture
def people(registered_user, member, moderator, administrator):
    return {
        "visitor": AnonymousUser(),
        "registered": registered_user,
        "member": member,
        "moderator": moderator,
        "administrator": administrator,
    }


def test_each_role_is_recognised(people, db):
    assert {name: role_of(user) for name, user in people.items()} == {
        "visitor": Role.VISITOR,
        "registered": Role.REGISTERED,
        "member": Role.MEMBER,
        "moderator": Role.MODERATOR,
        "administrator": Role.ADMINISTRATOR,
    }
    assert role_of(UserFactory(verified=False)) == Role.VISITOR


# action -> expected answer per role (visitor, registered, member, moderator, administrator)
ACTIONS_WITHOUT_OBJECT = {
    "can_apply_for_membership": [False, True, False, False, False],
    "can_review_membership": [False, False, False, True, True],
    "can_view_directory": [True, True, True, True, True],
    "can_export_own_data": [False, True, True, True, True],
    "can_delete_account": [False, True, True, True, True],
}


@pytest.mark.parametrize("action", ACTIONS_WITHOUT_OBJECT)
def test_permission_matrix_for_actions(people, action):
    check = getattr(permissions, action)
    answers = [check(people[role]) for role in ROLES]
    assert answers == ACTIONS_WITHOUT_OBJECT[action]


def test_pending_application_stops_a_second_one(registered_user):
    MembershipApplicationFactory(applicant=registered_user)
    assert not permissions.can_apply_for_membership(registered_user)


@pytest.mark.parametrize(
    ("visibility", "expected"),
    [
        ("public", [True, True, True, True, True]),
        ("members", [False, False, True, True, True]),
    ],
)
def test_permission_matrix_for_viewing_someone_elses_profile(people, visibility, expected):
    profile = ProfileFactory(visibility=visibility)
    assert [permissions.can_view_profile(people[role], profile) for role in ROLES] == expected


def test_only_the_owner_edits_a_profile(people):
    profile = people["member"].profile
    assert [permissions.can_edit_profile(people[role], profile) for role in ROLES] == [
        False,
        False,
        True,
        False,
        False,
    ]


def test_every_action_of_the_module_is_in_a_matrix():
    covered = {*ACTIONS_WITHOUT_OBJECT, "can_view_profile", "can_edit_profile"}
    members_actions = {name for name in permissions.members.__dict__ if name.startswith("can_")}
    assert members_actions <= covered


# The review queue: views answer exactly as the module says.
@pytest.mark.parametrize(
    ("role", "status"),
    [("visitor", 302), ("registered", 403), ("member", 403), ("moderator", 200), ("administrator", 200)],
)
def test_review_queue_obeys_the_permission_module(client, people, role, status):
    if role != "visitor":
        client.force_login(people[role])

    response = client.get("/members/applications/")

    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith("/accounts/login/?next=/members/applications/")


@pytest.mark.parametrize(
    ("role", "status"),
    [("visitor", 302), ("registered", 200), ("member", 302), ("moderator", 302), ("administrator", 302)],
)
def test_apply_page_obeys_the_permission_module(client, people, role, status):
    if role != "visitor":
        client.force_login(people[role])

    response = client.get("/members/apply/")

    assert response.status_code == status
    if role == "visitor":
        assert response["Location"].startswith("/accounts/login/")
    elif status == 302:
        assert response["Location"] == "/members/profile/"  # already a member: told so on their profile
