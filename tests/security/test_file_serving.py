"""How files leave the site: sandboxed downloads, unguessable names, nginx's X-Accel-Redirect, and
uploads of types a browser would run refused."""

import re
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cases.models import CaseStudyDocument
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure

pytestmark = pytest.mark.django_db

TOKEN_FOLDER = re.compile(r"^(documents|original_images|images|avatars)/[0-9a-f]{32}/[^/]+$")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def library(home_page):
    return ensure_library_structure()[0]


def _document(title="Roadmap", name="roadmap.txt", body=b"roadmap text", owner=None):
    document = get_document_model()(title=title, uploaded_by_user=owner)
    document.file.save(name, ContentFile(body), save=False)
    document.save()
    return document


def _image(owner=None):
    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), (1, 2, 3)).save(buffer, format="PNG")
    image = get_image_model()(
        title="Harbour", uploaded_by_user=owner, file=ImageFile(buffer, name="harbour.png")
    )
    image.save()
    return image


def _attach(library, document, **page_fields):
    page = CaseStudyPageFactory(parent=library, **page_fields)
    CaseStudyDocument.objects.create(page=page, document=document)
    return page


def test_a_public_document_is_a_sandboxed_download_that_is_never_sniffed(client, library):
    document = _document()
    _attach(library, document)

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"roadmap text"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_the_raw_media_address_of_a_document_is_404_even_for_a_moderator(client, library, moderator):
    document = _document()
    _attach(library, document)
    client.force_login(moderator)

    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(document.url).status_code == 200


def test_uploaded_files_get_a_random_folder_each(library, member):
    first, second = _document(), _document()
    image = _image()
    rendition = image.get_rendition("fill-20x20")

    for name in [first.file.name, second.file.name, image.file.name, rendition.file.name]:
        assert TOKEN_FOLDER.match(name), name
    assert first.file.name != second.file.name
    assert first.filename == "roadmap.txt"  # people still download it under its own name


def test_the_uploader_gets_a_document_of_their_draft_and_another_member_does_not(
    client, library, member, other_member
):
    document = _document(owner=member)
    _attach(library, document, live=False, owner=member)

    client.force_login(other_member)
    assert client.get(document.url).status_code == 404
    client.force_login(member)
    assert client.get(document.url).status_code == 200


def test_behind_nginx_documents_and_images_are_handed_over_with_x_accel_redirect(client, library, settings):
    settings.MEDIA_X_ACCEL_REDIRECT = "/protected-media/"
    document = _document()
    image = _image()
    page = _attach(library, document)
    page.hero_image = image
    page.save_revision().publish()
    rendition = image.get_rendition("fill-20x20")

    served = client.get(document.url)
    assert served.status_code == 200
    assert served["X-Accel-Redirect"] == f"/protected-media/{document.file.name}"
    assert served.content == b""
    assert served.get("Content-Length", "0") == "0"  # the empty body here, not the file's size
    assert served["Content-Disposition"].startswith("attachment")

    picture = client.get(rendition.url)
    assert picture.status_code == 200
    assert picture["X-Accel-Redirect"] == f"/protected-media/{rendition.file.name}"
    assert picture["Content-Type"] == "image/png"


def test_an_unused_image_is_private_to_its_uploader(client, member, other_member):
    image = _image(owner=member)

    assert client.get(image.file.url).status_code == 404
    client.force_login(other_member)
    assert client.get(image.file.url).status_code == 404
    client.force_login(member)
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("page.html", b"<script>alert(document.cookie)</script>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("run.js", b"fetch('/members/my-data.json')"),
    ],
)
def test_the_admin_refuses_documents_a_browser_would_run(client, home_page, moderator, name, body):
    client.force_login(moderator)

    response = client.post(
        "/admin/documents/add/",
        {"title": "Evil", "file": SimpleUploadedFile(name, body), "collection": 1},
    )

    assert response.status_code == 200
    assert b"is not allowed. Allowed extensions are: pdf, docx" in response.content
    assert not get_document_model().objects.filter(title="Evil").exists()
