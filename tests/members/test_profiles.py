"""Editing one's profile, what others see of it, and the member directory."""

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
