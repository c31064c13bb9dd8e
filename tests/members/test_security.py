"""Lockout, rate limits and security headers."""

from lodestar.members.models import MembershipApplication
from tests.members.test_membership import application_data

PASSWORD = "a long passphrase for tests"


def log_in(client, email, password):
    return client.post("/accounts/login/", {"login": email, "password": password})


def test_account_is_locked_after_the_configured_number_of_failures(
    client, home_page, registered_user, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, registered_user.email, "wrong password").status_code == 200

    locked = log_in(client, registered_user.email, "wrong password")

    assert locked.status_code == 429
    assert b"Too many failed log-in attempts" in locked.content
    # Even the right password is refused while the lockout lasts.
    assert log_in(client, registered_user.email, PASSWORD).status_code == 429
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_fewer_failures_than_the_limit_do_not_lock_the_account(client, home_page, registered_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, registered_user.email, "wrong password")

    response = log_in(client, registered_user.email, PASSWORD)

    assert response.status_code == 302
    assert client.get("/").wsgi_request.user == registered_user


def test_sign_up_is_rate_limited_per_address(client, home_page):
    statuses = [
        client.post(
            "/accounts/signup/",
            {
                "email": f"burst{i}@example.org",
                "password1": "pw mismatch one",
                "password2": "pw mismatch two",
            },
        ).status_code
        for i in range(11)
    ]

    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429


def test_password_reset_is_rate_limited_per_address(client, home_page, registered_user):
    responses = [client.post("/accounts/password/reset/", {"email": registered_user.email}) for _ in range(4)]

    assert [r.status_code for r in responses] == [302, 302, 302, 429]
    assert b"Too many requests" in responses[-1].content


def test_membership_applications_are_rate_limited_with_a_readable_page(client, home_page, registered_user):
    client.force_login(registered_user)
    for _ in range(5):
        # Each attempt is invalid (no statement), so nothing is stored, but each one counts.
        client.post("/members/apply/", application_data(statement=""))

    response = client.post("/members/apply/", application_data())

    assert response.status_code == 429
    assert b"Too many requests" in response.content
    assert not MembershipApplication.objects.exists()


def test_security_headers_on_a_public_page(client, home_page):
    response = client.get("/")

    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
