"""The log-in and sign-up pages speak the site's language and use its form components, and the
password rules are the description screen readers read for the password field."""

import pytest
from bs4 import BeautifulSoup

from lodestar.members.models import User

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def label_of(soup, field_id: str) -> str:
    return " ".join(soup.find("label", attrs={"for": field_id}).get_text().split())


def test_sign_up_is_the_sites_own_form_with_friendly_words(client, home_page):
    soup = soup_of(client.get("/accounts/signup/"))

    assert soup.title.string == "Create your account · Lodestar"
    assert soup.h1.get_text(strip=True) == "Create your account"
    assert soup.find("div", class_="container narrow account"), "in the site's column, like other forms"
    assert label_of(soup, "id_email") == "Email (required)"
    assert label_of(soup, "id_password1") == "Password (required)"
    assert label_of(soup, "id_password2") == "Confirm password (required)"
    assert soup.find("button", type="submit").get_text(strip=True) == "Create account"
    assert not soup.select("form input[placeholder]"), "labels, not placeholders, say what a field is"
    assert "Sign Up" not in soup.get_text() and "(again)" not in soup.get_text()


def test_the_password_rules_are_the_password_fields_description(client, home_page):
    soup = soup_of(client.get("/accounts/signup/"))

    password = soup.find("input", id="id_password1")
    [described_by] = password["aria-describedby"].split()
    description = soup.find(id=described_by)
    rules = [item.get_text(strip=True) for item in description.find_all("li")]
    assert len(rules) >= 3 and any("8 characters" in rule for rule in rules), rules
    assert description.find_parent("div", class_="field") is password.find_parent("div", class_="field")


def test_sign_up_mistakes_are_shown_at_their_fields_and_nothing_is_created(client, home_page):
    response = client.post(
        "/accounts/signup/", {"email": "walker@example.org", "password1": "short", "password2": "short"}
    )

    assert response.status_code == 200
    soup = soup_of(response)
    password = soup.find("input", id="id_password1")
    assert password["aria-invalid"] == "true"
    error = soup.find(id="id_password1_error")
    assert "id_password1_error" in password["aria-describedby"].split()
    assert "too short" in error.get_text()
    assert soup.find(role="alert"), "the form says at its top that something needs correcting"
    assert soup.find("input", id="id_email")["value"] == "walker@example.org", "what was typed is kept"
    assert not User.objects.filter(email="walker@example.org").exists()


def test_log_in_is_the_sites_own_form_with_a_separate_reset_link(client, home_page):
    soup = soup_of(client.get("/accounts/login/"))

    assert soup.title.string == "Log in · Lodestar"
    assert soup.h1.get_text(strip=True) == "Log in"
    assert label_of(soup, "id_login") == "Email (required)"
    assert label_of(soup, "id_password") == "Password (required)"
    assert not soup.find("input", id="id_password").get("aria-describedby"), "no help text to read out"
    assert soup.find("button", type="submit").get_text(strip=True) == "Log in"
    assert soup.find("a", string="Forgot your password?")["href"] == "/accounts/password/reset/"
    assert soup.find("a", string="Create your account")["href"] == "/accounts/signup/"


def test_logging_in_through_the_form_still_works(client, home_page, member):
    response = client.post(
        "/accounts/login/", {"login": member.email, "password": "a long passphrase for tests"}
    )

    assert response.status_code == 302
    assert client.get("/members/profile/").status_code == 200


def test_the_password_reset_page_is_in_the_sites_words(client, home_page):
    """(Sending the link: tests/members/test_accounts.py, through the real worker.)"""
    soup = soup_of(client.get("/accounts/password/reset/"))

    assert soup.title.string == "Reset your password · Lodestar"
    assert soup.h1.get_text(strip=True) == "Reset your password"
    assert label_of(soup, "id_email") == "Email (required)"
    assert soup.find("button", type="submit").get_text(strip=True) == "Send the link"
