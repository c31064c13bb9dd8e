"""The key pages pass the W3C Nu HTML checker (vnu.jar, run locally) without an error.

Each page is rendered by the real views on the demo content, written to a file, and the checker
runs once over all of them. The per-page counts are printed, the messages too when a page fails.
"""

import pytest

from lodestar.members.demo import demo_email
from lodestar.members.models import User
from tests.markup.conftest import key_pages, nu_check

pytestmark = pytest.mark.integration


def test_the_key_pages_have_no_nu_checker_error(client, demo_content, tmp_path):
    pages = key_pages()
    documents = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, f"{name} ({url}) answered {response.status_code}"
        documents[name] = response.content.decode()
    # The sign-up form as it comes back with mistakes: errors next to their fields.
    mistakes = {"email": "not an email", "password1": "short", "password2": "other"}
    response = client.post("/accounts/signup/", mistakes)
    assert response.status_code == 200 and b"field--error" in response.content
    pages["sign-up with errors"] = "/accounts/signup/ (POST)"
    documents["sign-up with errors"] = response.content.decode()
    response = client.get("/accounts/password/reset/")
    pages["password reset"] = "/accounts/password/reset/"
    documents["password reset"] = response.content.decode()
    # A moderator sees every control a page can show (reply form, moderation tools, own profile).
    client.force_login(User.objects.get(email=demo_email("moderator")))
    for name, url in {
        "topic, as a moderator": pages["topic"],
        "case study, as a moderator": pages["case study"],
        "search results, as a moderator": pages["search results"],
        "my profile": "/members/profile/",
    }.items():
        response = client.get(url)
        assert response.status_code == 200, f"{name} ({url}) answered {response.status_code}"
        pages[name] = url
        documents[name] = response.content.decode()

    messages = nu_check(documents, tmp_path)

    errors = {
        name: [m for m in found if m.type != "warning" and m.type != "info"]
        for name, found in messages.items()
    }
    print("\nW3C Nu HTML checker, errors (warnings) per page:")  # noqa: T201 - the per-page figures
    for name, found in messages.items():
        warnings = [m for m in found if m.type in ("warning", "info")]
        print(f"  {name} ({pages[name]}): {len(errors[name])} ({len(warnings)})")  # noqa: T201
    failing = {name: found for name, found in errors.items() if found}
    report = "\n".join(
        f"{name} ({pages[name]}):\n" + "\n".join(f"  - {m}" for m in found) for name, found in failing.items()
    )
    assert not failing, f"The Nu HTML checker found errors:\n{report}"
