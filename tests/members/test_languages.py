"""Account emails in the member's language: a sign-up in Spanish is verified in Spanish."""

import re

import pytest

from lodestar.members.models import User
from tests.members.test_accounts import PASSWORD, link_in

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_signing_up_in_spanish_remembers_spanish_and_verifies_in_spanish(client, home_page, tasks, mail):
    response = client.post(
        "/es/accounts/signup/",
        {"email": "lucia@example.org", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )

    assert response.status_code == 200
    assert User.objects.get(email="lucia@example.org").profile.language == "es"
    tasks.wait()
    (message,) = mail.to("lucia@example.org")
    text = mail.text(message)
    assert "correo" in message["Subject"].lower()
    assert not re.search(r"\b(please|confirm your email)\b", re.sub(r"https?://\S+", "", text).lower())
    confirm_url = link_in(text, "/es/accounts/confirm-email/")
    assert client.post(confirm_url, follow=True).status_code == 200
    assert User.objects.get(email="lucia@example.org").emailaddress_set.get().verified
