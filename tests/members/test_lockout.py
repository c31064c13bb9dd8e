"""One lockout per account and address on both log-in forms, and the real address behind a proxy."""

import pytest
from django.test import RequestFactory
from django_ratelimit.core import is_ratelimited

from tests.members.test_security import PASSWORD

pytestmark = pytest.mark.django_db

HOME = "203.0.113.10"
CAFE = "198.51.100.20"
PROXY = "10.0.0.2"  # nginx, as gunicorn sees it


def public_log_in(client, login, password, **address):
    return client.post("/accounts/login/", {"login": login, "password": password}, **address)


def admin_log_in(client, username, password, **address):
    return client.post("/admin/login/", {"username": username, "password": password}, **address)


def fail_until_locked(log_in, client, name, settings, **address):
    responses = [
        log_in(client, name, "wrong password", **address) for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert responses[-1].status_code == 429
    return responses[-1]


def test_failures_at_the_admin_log_in_lock_that_account_on_both_forms_only_from_that_address(
    client, home_page, administrator, member, settings
):
    fail_until_locked(admin_log_in, client, administrator.email, settings, REMOTE_ADDR=HOME)

    # The locked account gets in nowhere from that address, even with the right password...
    refused = admin_log_in(client, administrator.email, PASSWORD, REMOTE_ADDR=HOME)
    assert refused.status_code == 429
    assert public_log_in(client, administrator.email, PASSWORD, REMOTE_ADDR=HOME).status_code == 429
    assert admin_log_in(client, administrator.username, PASSWORD, REMOTE_ADDR=HOME).status_code == 429
    assert not client.get("/admin/", REMOTE_ADDR=HOME).wsgi_request.user.is_authenticated

    # ...while another account from the same address, and the same account elsewhere, still can.
    other = client.__class__()
    assert public_log_in(other, member.email, PASSWORD, REMOTE_ADDR=HOME).status_code == 302
    elsewhere = client.__class__()
    assert admin_log_in(elsewhere, administrator.email, PASSWORD, REMOTE_ADDR=CAFE).status_code == 302
    assert elsewhere.get("/admin/").status_code == 200


def test_failures_at_the_public_log_in_lock_the_admin_log_in_too(client, home_page, administrator, settings):
    fail_until_locked(public_log_in, client, administrator.email.upper(), settings, REMOTE_ADDR=HOME)

    assert admin_log_in(client, administrator.username, PASSWORD, REMOTE_ADDR=HOME).status_code == 429
    assert not client.get("/admin/", REMOTE_ADDR=HOME).wsgi_request.user.is_authenticated


def test_the_lockout_page_says_in_words_when_to_try_again(client, home_page, registered_user, settings):
    settings.AXES_COOLOFF_TIME = 0.5  # hours

    locked = fail_until_locked(public_log_in, client, registered_user.email, settings)

    page = locked.content.decode()
    assert "Try again in 30\xa0minutes" in page or "Try again in 30 minutes" in page
    assert "PT30M" not in page


def test_behind_the_proxy_each_visitor_has_their_own_lockout(client, home_page, registered_user, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    via_proxy = {"REMOTE_ADDR": PROXY}

    # A visitor at HOME fails five times; what the client itself put in the header is not trusted.
    fail_until_locked(
        public_log_in,
        client,
        registered_user.email,
        settings,
        HTTP_X_FORWARDED_FOR=f"192.0.2.99, {HOME}",
        **via_proxy,
    )
    assert (
        public_log_in(
            client, registered_user.email, PASSWORD, HTTP_X_FORWARDED_FOR=HOME, **via_proxy
        ).status_code
        == 429
    )

    # The same account from the cafe, through the same proxy, is not locked out.
    cafe = client.__class__()
    response = public_log_in(cafe, registered_user.email, PASSWORD, HTTP_X_FORWARDED_FOR=CAFE, **via_proxy)
    assert response.status_code == 302


def test_without_a_trusted_proxy_a_forged_header_does_not_dodge_the_lockout(
    client, home_page, registered_user, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    for i in range(settings.AXES_FAILURE_LIMIT):
        public_log_in(
            client, registered_user.email, "wrong", REMOTE_ADDR=HOME, HTTP_X_FORWARDED_FOR=f"192.0.2.{i}"
        )

    forged = public_log_in(
        client, registered_user.email, PASSWORD, REMOTE_ADDR=HOME, HTTP_X_FORWARDED_FOR=CAFE
    )
    assert forged.status_code == 429


def test_rate_limits_count_per_visitor_behind_the_proxy(client, home_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    def signup(visitor, n):
        data = {"email": f"burst{n}@example.org", "password1": "one phrase", "password2": "another one"}
        return client.post(
            "/accounts/signup/", data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=visitor
        ).status_code

    # allauth: 10 sign-ups per hour and address.
    assert [signup(HOME, n) for n in range(11)][-1] == 429
    assert signup(CAFE, 99) == 200

    # django-ratelimit (the forum and membership limits use its "user_or_ip" / "ip" keys).
    def request_from(visitor):
        return RequestFactory().post("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=visitor)

    def limited(visitor):
        return is_ratelimited(request_from(visitor), group="test", key="ip", rate="1/h", increment=True)

    assert [limited(HOME), limited(HOME)] == [False, True]
    assert limited(CAFE) is False
