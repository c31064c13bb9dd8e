"""Downloading one's data and deleting one's account."""

import json

from allauth.account.models import EmailAddress
from axes.models import AccessAttempt
from django.db import connection

from lodestar.mail.services import email_queue
from lodestar.members.models import MembershipApplication, Organisation, Profile, User
from tests.members.factories import MembershipApplicationFactory, make_member


def test_data_download_holds_the_members_own_data_only(client, home_page, member):
    MembershipApplicationFactory(applicant=member, statement="My own statement.")
    someone_else = make_member(bio="Someone else's bio.")
    MembershipApplicationFactory(applicant=someone_else, statement="Someone else's statement.")
    client.force_login(member)

    response = client.get("/members/my-data.json")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="lodestar-my-data-')
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email
    assert data["profile"]["display_name"] == member.profile.display_name
    assert [a["statement"] for a in data["membership_applications"]] == ["My own statement."]
    text = response.content.decode()
    assert someone_else.email not in text
    assert "Someone else" not in text


def test_data_download_needs_login(client, home_page):
    response = client.get("/members/my-data.json")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_deleting_the_account_removes_personal_data_and_logs_out(client, home_page, member):
    MembershipApplicationFactory(applicant=member, statement="Personal statement.")
    email_queue(to=[member.email], subject="Earlier notification", text="Hello")
    AccessAttempt.objects.create(username=member.email, ip_address="127.0.0.1", failures_since_start=1)
    email, user_id = member.email, member.pk
    organisation = member.profile.organisation
    client.force_login(member)

    refused = client.post("/members/delete-account/", {"confirm": "yes"})
    assert refused.status_code == 200
    assert b"Type DELETE" in refused.content
    response = client.post("/members/delete-account/", {"confirm": "DELETE"}, follow=True)

    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert not User.objects.filter(pk=user_id).exists()
    assert not Profile.objects.filter(user_id=user_id).exists()
    assert not EmailAddress.objects.filter(email=email).exists()
    assert not MembershipApplication.objects.filter(statement="Personal statement.").exists()
    assert not AccessAttempt.objects.filter(username=email).exists()
    # The organisation is not personal data: it stays for its other members.
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert tables_mentioning(email) == []


def tables_mentioning(text: str) -> list[str]:
    """Every table.column of the database whose text holds `text`."""
    found = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND data_type IN ('text', 'character varying', 'jsonb', 'json')"
        )
        for table, column in cursor.fetchall():
            cursor.execute(f'SELECT 1 FROM "{table}" WHERE "{column}"::text ILIKE %s LIMIT 1', [f"%{text}%"])  # noqa: S608
            if cursor.fetchone():
                found.append(f"{table}.{column}")
    return found
