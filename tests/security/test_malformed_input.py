"""Malformed input gets a 400 with a message, never a 500: NUL bytes, numbers out of range, huge
searches in the Wagtail API and in forms; line breaks never reach an email header."""

import json
from urllib.parse import quote

import pytest

from lodestar.mail import delivery as mail_delivery
from lodestar.mail import services as mail_services
from lodestar.mail.models import OutgoingEmail
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure

pytestmark = pytest.mark.django_db

HUGE = str(2**63)
TWO_HUNDRED_WORDS = " ".join(f"word{n}" for n in range(200))


@pytest.fixture
def case_study(home_page):
    library, _ = ensure_library_structure()
    return CaseStudyPageFactory(parent=library, title="Harbour electrification")


def _api(client, query: str):
    return client.get(f"/api/v2/pages/?{query}")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("search=harbour%00", "NUL character"),
        ("locale=en%00", "NUL character"),
        ("type=cases.CaseStudyPage&title=a%00b", "NUL character"),
        (f"offset={HUGE}", "offset must be a whole number from 0 to"),
        (f"limit={HUGE}", "limit cannot be higher than"),
        (f"child_of={HUGE}", "child_of must be a whole number"),
        (f"descendant_of={HUGE}", "descendant_of must be a whole number"),
        ("offset=-1", "offset must be a whole number from 0 to"),
        (f"search={quote(TWO_HUNDRED_WORDS)}", "search is limited to 32 words"),
        ("search=" + "a" * 600, "search is limited to 32 words and 500 characters"),
    ],
)
def test_the_api_answers_400_with_a_message(client, case_study, query, message):
    response = _api(client, query)

    assert response.status_code == 400, response.content[:300]
    assert message in response.json()["message"]


def test_the_api_find_view_refuses_a_nul_in_html_path(client, case_study):
    response = client.get("/api/v2/pages/find/", {"html_path": "/library/\x00"})

    assert response.status_code == 400
    assert "NUL character" in response.json()["message"]


def test_the_api_still_searches_and_pages_normally(client, case_study):
    response = _api(client, "search=harbour&offset=0&limit=5")

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Harbour electrification"]


@pytest.mark.parametrize(
    "url",
    ["/?q=%00", "/search/?q=bus%00", "/api/search/?q=bus%00", "/library/?q=a%00", "/forum/?page=%00"],
)
def test_a_nul_in_any_page_parameter_is_a_400_page(client, case_study, url):
    response = client.get(url)

    assert response.status_code == 400
    body = response.content.decode()
    assert "NUL character" in (json.loads(body)["message"] if url.startswith("/api/") else body)


def test_a_nul_in_a_form_field_is_refused_and_nothing_is_saved(client, member):
    client.force_login(member)
    before = member.profile.display_name

    response = client.post("/members/profile/", {"display_name": "Ana\x00", "visibility": "public"})

    assert response.status_code == 400
    assert b"NUL character" in response.content
    member.profile.refresh_from_db()
    assert member.profile.display_name == before


def test_an_uploaded_file_may_contain_nul_bytes(client, member, settings, tmp_path):
    """Only fields are checked: a picture is binary (here: not a picture, so a form error, not a 400)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client.force_login(member)
    upload = SimpleUploadedFile("me.png", b"\x89PNG\x00\x00\x00garbage", content_type="image/png")

    response = client.post(
        "/members/profile/", {"display_name": "Ana", "visibility": "public", "avatar": upload}
    )

    assert response.status_code == 200
    assert b"not an image we can read" in response.content


def test_line_breaks_never_reach_an_email_subject(mailoutbox):
    title = "Heat pumps\r\nBcc: everyone@example.org\nin schools"

    queued = mail_services.email_queue(to=["ana@example.org"], subject=f"[Lodestar] {title}", text="Hello")

    assert queued.subject == "[Lodestar] Heat pumps Bcc: everyone@example.org in schools"
    # A row queued before subjects were cleaned is sent too, instead of failing on every retry.
    legacy = OutgoingEmail.objects.create(to=["ana@example.org"], subject=f"Reply: {title}", body_text="Hi")
    assert mail_delivery.email_deliver(email_id=legacy.pk) is True
    sent = [m.message() for m in mailoutbox]
    assert [m["Subject"] for m in sent] == ["Reply: Heat pumps Bcc: everyone@example.org in schools"]
    assert sent[0]["Bcc"] is None
    legacy.refresh_from_db()
    assert legacy.sent_at is not None and legacy.last_error == ""
