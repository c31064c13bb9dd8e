"""Sign-up, verification, log-in, password reset and email change, with the emails the worker sends."""

import re

import pytest

from lodestar.members.models import User
from lodestar.permissions import Role, role_of

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery staple 42"


def link_in(text: str, path_fragment: str) -> str:
    match = re.search(rf"https?://[^\s]+{path_fragment}[^\s]*", text)
    assert match, f"no {path_fragment} link in:\n{text}"
    return re.sub(r"^https?://[^/]+", "", match.group(0))


def sign_up(client, email: str):
    return client.post(
        "/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD}, follow=True
    )


def test_sign_up_sends_a_verification_email_and_the_link_verifies_and_logs_in(client, home_page, tasks, mail):
    response = sign_up(client, "ana@example.org")

    assert response.redirect_chain[-1][0] == "/accounts/confirm-email/"
    user = User.objects.get(email="ana@example.org")
    assert role_of(user) == Role.VISITOR  # not verified yet: no more rights than a visitor

    tasks.wait()
    [message] = mail.to("ana@example.org")
    assert message["Subject"] == "[Lodestar] Please Confirm Your Email Address"
    confirm_url = link_in(mail.text(message), "/accounts/confirm-email/")

    assert client.get(confirm_url).status_code == 200
    response = client.post(confirm_url, follow=True)

    assert response.status_code == 200
    assert response.wsgi_request.user == user
    assert role_of(User.objects.get(pk=user.pk)) == Role.REGISTERED


def test_log_in_by_email_and_log_out(client, home_page, registered_user):
    response = client.post(
        "/accounts/login/",
        {"login": registered_user.email, "password": "a long passphrase for tests"},
        follow=True,
    )
    assert response.wsgi_request.user == registered_user

    client.post("/accounts/logout/")
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_unverified_person_cannot_log_in_until_they_verify(client, home_page):
    from tests.members.factories import UserFactory

    person = UserFactory(verified=False)

    response = client.post(
        "/accounts/login/", {"login": person.email, "password": "a long passphrase for tests"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_password_reset_by_email_link(client, home_page, registered_user, tasks, mail):
    client.post("/accounts/password/reset/", {"email": registered_user.email})
    tasks.wait()
    [message] = mail.to(registered_user.email)
    reset_url = link_in(mail.text(message), "/accounts/password/reset/key/")

    form_page = client.get(reset_url, follow=True)
    set_password_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_url
    response = client.post(
        set_password_url, {"password1": "a brand new passphrase 7", "password2": "a brand new passphrase 7"}
    )

    assert response.status_code == 302
    old_password = client.post(
        "/accounts/login/",
        {"login": registered_user.email, "password": "a long passphrase for tests"},
        follow=True,
    )
    assert not old_password.wsgi_request.user.is_authenticated
    logged_in = client.post(
        "/accounts/login/",
        {"login": registered_user.email, "password": "a brand new passphrase 7"},
        follow=True,
    )
    assert logged_in.wsgi_request.user == registered_user


def test_password_reset_for_an_unknown_address_reveals_nothing(client, home_page, tasks, mail):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.org"}, follow=True)

    assert response.status_code == 200
    tasks.wait()
    # allauth tells the unknown address itself (not the requester) that it has no account here.
    [message] = mail.messages()
    assert message["To"] == "nobody@example.org"
    assert "/accounts/password/reset/key/" not in mail.text(message)


def test_email_change_needs_the_new_address_verified(client, home_page, registered_user, tasks, mail):
    client.force_login(registered_user)

    response = client.post(
        "/accounts/email/", {"action_add": "", "email": "new-address@example.org"}, follow=True
    )

    assert response.status_code == 200
    tasks.wait()
    [message] = mail.to("new-address@example.org")
    client.post(link_in(mail.text(message), "/accounts/confirm-email/"))
    registered_user.refresh_from_db()
    assert registered_user.email == "new-address@example.org"


def test_weak_passwords_are_refused_with_a_form_error(client, home_page):
    response = client.post(
        "/accounts/signup/", {"email": "weak@example.org", "password1": "password", "password2": "password"}
    )

    assert response.status_code == 200
    assert b"too common" in response.content
    assert not User.objects.filter(email="weak@example.org").exists()
