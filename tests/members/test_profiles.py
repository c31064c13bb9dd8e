"""Editing one's profile, what others see of it, and the member directory."""

import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from lodestar.members.models import Profile
from tests.members.factories import OrganisationFactory, ProfileFactory, actor_type, make_member


def image_upload(size=(800, 600), fmt="JPEG", name="me.jpg") -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", size, (11, 93, 75)).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def profile_data(**overrides):
    return {
        "display_name": "Ana Pereira",
        "role_title": "Strategy coordinator",
        "actor_type": actor_type("national-government").pk,
        "country": "PT",
        "city": "Lisbon",
        "bio": "I coordinate the carbon neutrality roadmap.",
        "visibility": "public",
        "show_organisation": "on",
        "show_location": "on",
        "show_bio": "on",
        "language": "fr",
        **overrides,
    }


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_member_edits_their_profile_with_an_avatar_that_is_resized(client, home_page, member, media):
    client.force_login(member)

    response = client.post("/members/profile/", {**profile_data(), "avatar": image_upload()})

    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert profile.display_name == "Ana Pereira"
    with Image.open(profile.avatar.path) as stored:
        assert stored.size == (256, 256)
        assert stored.format == "PNG"


@pytest.mark.parametrize(
    ("upload", "error"),
    [
        (
            SimpleUploadedFile("notes.jpg", b"this is not an image", content_type="image/jpeg"),
            b"not an image we can read",
        ),
        (image_upload(fmt="BMP", name="me.bmp"), b"Upload a JPEG, PNG, WebP or GIF image"),
    ],
)
def test_bad_avatars_are_refused_with_a_form_error(client, home_page, member, media, upload, error):
    client.force_login(member)

    response = client.post("/members/profile/", {**profile_data(), "avatar": upload})

    assert response.status_code == 200
    assert error in response.content
    assert not Profile.objects.get(user=member).avatar


def test_oversized_avatar_is_refused(client, home_page, member, media, settings):
    settings.AVATAR_MAX_BYTES = 10_000
    client.force_login(member)

    response = client.post("/members/profile/", {**profile_data(), "avatar": image_upload(size=(2000, 2000))})

    assert response.status_code == 200
    assert b"The image is too large" in response.content


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"display_name": "n" * 81}, b"Ensure this value has at most 80 characters"),
        ({"bio": "b" * 1001}, b"Ensure this value has at most 1000 characters"),
        ({"country": "ZZ"}, b"Select a valid choice"),
        ({"display_name": ""}, b"This field is required"),
    ],
)
def test_bad_profile_input_gets_a_form_error_and_changes_nothing(client, home_page, member, overrides, error):
    before = member.profile.display_name
    client.force_login(member)

    response = client.post("/members/profile/", profile_data(**overrides))

    assert response.status_code == 200
    assert error in response.content
    assert Profile.objects.get(user=member).display_name == before


def test_public_profile_shows_what_the_member_chose_and_never_the_email(client, home_page):
    profile = ProfileFactory(show_location=False, bio="Energy modeller for the roadmap.", city="Porto")

    response = client.get(f"/members/people/{profile.slug}/")

    assert response.status_code == 200
    assert profile.display_name.encode() in response.content
    assert b"Energy modeller for the roadmap." in response.content
    assert b"Porto" not in response.content
    assert profile.user.email.encode() not in response.content


def test_members_only_profile_is_a_404_for_visitors_and_visible_to_members(client, home_page, member):
    profile = ProfileFactory(visibility="members")

    assert client.get(f"/members/people/{profile.slug}/").status_code == 404
    client.force_login(member)
    assert client.get(f"/members/people/{profile.slug}/").status_code == 200


def test_directory_groups_member_organisations_by_actor_type_and_country(client, home_page):
    city = OrganisationFactory(name="Illustrative City Agency", actor_type=actor_type("city"), country="NO")
    ministry = OrganisationFactory(name="Illustrative Ministry", country="PT")
    not_member = OrganisationFactory(name="Illustrative Applicant Org")
    make_member(organisation=city)
    make_member(organisation=ministry)
    ProfileFactory(organisation=not_member)  # registered, not a member

    response = client.get("/members/")

    body = response.content.decode()
    assert response.status_code == 200
    assert "Illustrative City Agency" in body and "Illustrative Ministry" in body
    assert "Illustrative Applicant Org" not in body
    assert body.index("National government") < body.index("City")  # vocabulary order
    filtered = client.get("/members/", {"actor_type": "city", "country": "NO"}).content.decode()
    assert "Illustrative City Agency" in filtered and "Illustrative Ministry" not in filtered


def test_directory_with_an_unknown_filter_value_shows_a_form_error_not_a_500(client, home_page):
    response = client.get("/members/", {"actor_type": "no-such-type", "country": "ZZ"})

    assert response.status_code == 200
    assert b"Select a valid choice" in response.content


def test_directory_and_organisation_pages_take_a_constant_number_of_queries(
    client, home_page, django_assert_max_num_queries
):
    def add_members(count):
        for _ in range(count):
            organisation = OrganisationFactory()
            make_member(organisation=organisation)
            make_member(organisation=organisation)
        return organisation

    add_members(2)
    with django_assert_max_num_queries(6) as small:
        client.get("/members/")
    organisation = add_members(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/members/")
    with django_assert_max_num_queries(6):
        client.get(f"/members/organisations/{organisation.slug}/")


def _gif_js_polyglot() -> bytes:
    """A GIF header that is also JavaScript, cut off mid-image (as in the security probe)."""
    buffer = BytesIO()
    Image.new("RGB", (300, 300), (200, 10, 10)).save(buffer, format="GIF")
    whole = buffer.getvalue()
    return whole[:6] + b"=1;alert(document.domain)//" + whole[33 : len(whole) // 2]


def _bomb_header_png(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height pixels."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("upload", "error"),
    [
        (
            SimpleUploadedFile("me.gif", _gif_js_polyglot(), content_type="image/gif"),
            b"not an image we can read",
        ),
        (
            SimpleUploadedFile("bomb.png", _bomb_header_png(30_000, 30_000), content_type="image/png"),
            b"too many pixels: the limit is 25 megapixels",
        ),
    ],
)
def test_a_failed_avatar_upload_keeps_the_old_picture_and_says_why(
    client, home_page, member, media, upload, error
):
    client.force_login(member)
    client.post("/members/profile/", {**profile_data(), "avatar": image_upload()})
    old = Profile.objects.get(user=member).avatar.name
    old_bytes = (media / old).read_bytes()

    response = client.post("/members/profile/", {**profile_data(display_name="Changed"), "avatar": upload})

    assert response.status_code == 200
    assert error in response.content
    profile = Profile.objects.get(user=member)
    assert profile.avatar.name == old
    assert (media / old).read_bytes() == old_bytes
    assert profile.display_name == "Ana Pereira"


def test_the_pixel_limit_is_a_setting(client, home_page, member, media, settings):
    settings.AVATAR_MAX_PIXELS = 1_000_000
    client.force_login(member)

    response = client.post("/members/profile/", {**profile_data(), "avatar": image_upload(size=(1200, 1000))})

    assert response.status_code == 200
    assert b"too many pixels: the limit is 1 megapixels" in response.content


def test_a_new_avatar_gets_an_unguessable_name_and_replaces_the_old_file(
    client, home_page, member, media, django_capture_on_commit_callbacks
):
    client.force_login(member)
    client.post("/members/profile/", {**profile_data(), "avatar": image_upload()})
    first = Profile.objects.get(user=member).avatar.name

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/members/profile/", {**profile_data(), "avatar": image_upload(size=(400, 400))})

    second = Profile.objects.get(user=member).avatar.name
    assert re.fullmatch(r"avatars/[0-9a-f]{32}/avatar\.png", second)
    assert member.profile.slug not in second
    assert second != first
    assert not (media / first).exists() and (media / second).exists()


def test_a_members_only_avatar_is_served_to_members_only(client, home_page, member, other_member, media):
    client.force_login(member)
    client.post("/members/profile/", {**profile_data(visibility="members"), "avatar": image_upload()})
    url = Profile.objects.get(user=member).avatar.url
    client.logout()

    assert client.get(url).status_code == 404
    client.force_login(other_member)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
