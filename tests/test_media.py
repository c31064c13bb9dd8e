"""Uploaded avatars and image renditions are served in production; nothing else under MEDIA_ROOT."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "avatars").mkdir()
    (tmp_path / "avatars" / "ana.png").write_bytes(b"\x89PNG picture")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "budget.pdf").write_bytes(b"%PDF restricted")
    (tmp_path / "secret.txt").write_text("not for visitors")
    return tmp_path


def test_an_avatar_is_sent_by_django_without_a_proxy(client, media, settings):
    settings.MEDIA_X_ACCEL_REDIRECT = ""
    response = client.get("/media/avatars/ana.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == b"\x89PNG picture"


def test_behind_nginx_django_only_names_the_file_for_its_internal_location(client, media, settings):
    settings.MEDIA_X_ACCEL_REDIRECT = "/protected-media/"
    response = client.get("/media/avatars/ana.png")

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/avatars/ana.png"
    assert response.content == b""


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/budget.pdf",
        "/media/secret.txt",
        "/media/avatars/../secret.txt",
        "/media/avatars/%2e%2e/secret.txt",
        "/media/avatars/%2e%2e/documents/budget.pdf",
        "/media/avatars/missing.png",
        "/media/avatars/",
    ],
)
def test_anything_else_is_404(client, media, settings, path):
    settings.MEDIA_X_ACCEL_REDIRECT = "/protected-media/"
    response = client.get(path)

    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response
