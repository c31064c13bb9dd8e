"""Applying for membership and the moderators' review, with the emails the applicant receives."""

import pytest

from lodestar.members.models import MembershipApplication, Organisation
from lodestar.permissions import Role, role_of
from tests.members.factories import MembershipApplicationFactory, actor_type

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def application_data(**overrides):
    return {
        "organisation_name": "Illustrative Ministry of Climate",
        "actor_type": actor_type("national-government").pk,
        "country": "CR",
        "statement": "I lead the team drafting our long-term strategy.",
        **overrides,
    }


def test_registered_person_applies_and_is_told_by_email(client, home_page, registered_user, tasks, mail):
    client.force_login(registered_user)

    response = client.post("/members/apply/", application_data(), follow=True)

    assert response.status_code == 200
    assert b"A moderator will review your application" in response.content
    application = MembershipApplication.objects.get(applicant=registered_user)
    assert application.status == MembershipApplication.Status.PENDING
    tasks.wait()
    [message] = mail.to(registered_user.email)
    assert message["Subject"] == "[Lodestar] We received your membership application"


def test_moderator_approves_an_application(client, home_page, moderator, tasks, mail):
    application = MembershipApplicationFactory()
    client.force_login(moderator)

    page = client.get("/members/applications/")
    assert application.organisation_name.encode() in page.content
    response = client.post(f"/members/applications/{application.pk}/approve/", follow=True)

    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.APPROVED
    assert application.reviewed_by == moderator
    applicant = application.applicant
    assert role_of(applicant) == Role.MEMBER
    organisation = Organisation.objects.get(name=application.organisation_name)
    assert applicant.profile.organisation == organisation
    tasks.wait()
    [message] = mail.to(applicant.email)
    assert message["Subject"] == "[Lodestar] Welcome: your membership is approved"


def test_moderator_rejects_with_a_reason_the_applicant_receives(client, home_page, moderator, tasks, mail):
    application = MembershipApplicationFactory()
    client.force_login(moderator)

    response = client.post(
        f"/members/applications/{application.pk}/reject/",
        {"reason": "Please apply with your work address & your ministry's name."},
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.REJECTED
    assert role_of(application.applicant) == Role.REGISTERED
    tasks.wait()
    [message] = mail.to(application.applicant.email)
    assert "Please apply with your work address & your ministry's name." in mail.text(message)


def test_rejecting_without_a_reason_is_a_form_error(client, home_page, moderator):
    application = MembershipApplicationFactory()
    client.force_login(moderator)

    response = client.post(f"/members/applications/{application.pk}/reject/", {"reason": ""})

    assert response.status_code == 400
    assert b"This field is required" in response.content
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.PENDING


def test_reviewing_an_already_reviewed_application_changes_nothing(client, home_page, moderator):
    application = MembershipApplicationFactory()
    client.force_login(moderator)
    client.post(f"/members/applications/{application.pk}/reject/", {"reason": "Not an organisation."})

    client.post(f"/members/applications/{application.pk}/approve/")

    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.REJECTED
    assert role_of(application.applicant) == Role.REGISTERED


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"country": "XX"}, b"Select a valid choice"),
        ({"organisation_name": "x" * 201}, b"Ensure this value has at most 200 characters"),
        ({"statement": "y" * 2001}, b"Ensure this value has at most 2000 characters"),
        ({"actor_type": 999999}, b"Select a valid choice"),
        ({"statement": ""}, b"This field is required"),
    ],
)
def test_bad_application_input_gets_a_form_error(client, home_page, registered_user, overrides, error):
    client.force_login(registered_user)

    response = client.post("/members/apply/", application_data(**overrides))

    assert response.status_code == 200
    assert error in response.content
    assert not MembershipApplication.objects.exists()
