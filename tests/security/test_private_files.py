"""Who gets each kind of private file, at every address that could serve or reveal it, per role.

The same contract as tests/security/test_leak_matrix.py, for uploaded files: `EXPECTED` names, for
each kind of file and each channel, the roles that get it, or `NotApplicable("why")`. Every other
cell is asserted once per role against the running site (real PostgreSQL, the Celery worker that
indexed the pages into Elasticsearch, files on disk). "Gets it" means the channel answers the file
itself (200 with its bytes) or shows its address or title; roles that must not get it are also
checked for the file's secret word and its random folder name anywhere in the answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from io import BytesIO

import pytest
from celery.signals import after_task_publish
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connections, transaction
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from cases.models import CaseStudyDocument
from forum.models import Category
from lodestar.permissions.roles import MEMBERS_GROUP, MODERATORS_GROUP
from search import indexing
from search.client import indexing_client
from search.documents import read_alias
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure
from tests.conftest import TaskTracker, _serialized_database, delete_content_indexes, restore_seeded_database
from tests.forum.factories import CategoryFactory, TopicFactory
from tests.members.factories import ProfileFactory, make_member, make_moderator
from tests.security.matrix import NotApplicable, assert_complete, cells
from tests.security.test_leak_matrix import (
    MEMBER,
    MEMBERS,
    MODERATOR,
    MODERATORS,
    NOBODY,
    REGISTERED,
    ROLES,
    VISITOR,
    _home_page,
    _leaks,
    _text,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

EVERYONE = frozenset(ROLES)
CHANNELS = ["media_url", "serve_url", "page", "api", "admin", "search"]

AVATAR_ONE_ADDRESS = NotApplicable("an avatar has one address, its /media/ URL")
API_NO_PROFILES = NotApplicable("the Wagtail API serves pages, not profiles")
ADMIN_NO_AVATARS = NotApplicable("avatars are not Wagtail images: no admin listing or chooser shows them")

EXPECTED: dict[str, dict[str, frozenset[str] | NotApplicable]] = {
    # A control: a document of a public page. The raw media URL never serves a document.
    "public_document": {
        "media_url": NOBODY,
        "serve_url": EVERYONE,
        "page": EVERYONE,
        "api": NOBODY,  # the API carries no documents
        "admin": MEMBERS,  # members choose it for their pages; visitors and non-members have no admin
        "search": NOBODY,  # search indexes pages and posts, never files
    },
    # Attached to a case study that was never published (by another member).
    "draft_document": {
        "media_url": NOBODY,
        "serve_url": MODERATORS,  # (and its uploader)
        "page": NOBODY,
        "api": NOBODY,
        "admin": MODERATORS,
        "search": NOBODY,
    },
    # Attached to a page restricted to the Members group.
    "members_document": {
        "media_url": NOBODY,
        "serve_url": MEMBERS,
        "page": MEMBERS,
        "api": NOBODY,
        "admin": MEMBERS,
        "search": NOBODY,
    },
    # The hero image of a page restricted to the Members group: its original and its rendition.
    "members_image": {
        "media_url": MEMBERS,
        "serve_url": MEMBERS,  # the rendition {% image %} links to
        "page": MEMBERS,
        "api": NOBODY,
        "admin": MEMBERS,
        "search": NOBODY,
    },
    # The hero image of a page restricted to the Moderators group: members never get it.
    "moderators_image": {
        "media_url": MODERATORS,
        "serve_url": MODERATORS,
        "page": MODERATORS,
        "api": NOBODY,
        "admin": MODERATORS,
        "search": NOBODY,
    },
    # The picture of a members-only profile whose owner writes in a public forum category.
    "members_avatar": {
        "media_url": MEMBERS,
        "serve_url": AVATAR_ONE_ADDRESS,
        "page": MEMBERS,  # the public topic shows the picture to members, an initial to others
        "api": API_NO_PROFILES,
        "admin": ADMIN_NO_AVATARS,
        "search": NOBODY,
    },
}

SECRETS = {
    "public_document": "quillwort",
    "draft_document": "sundew",
    "members_document": "butterwort",
    "members_image": "bladderwort",
    "moderators_image": "pitcherplant",
    "members_avatar": "hornwort",
}


@dataclass
class File:
    kind: str
    secret: str  # in its title and file name
    media_path: str  # its path under MEDIA_ROOT
    serve_url: str = ""  # the document serve URL, or an image's rendition URL
    page_url: str = ""  # where it is shown
    page_id: int | None = None
    search_words: str = ""  # what finds the page or topic it belongs to

    @property
    def token(self) -> str:
        """The random folder name its storage gave it."""
        return self.media_path.split("/")[1]


def _png(colour) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def _restrict(page, group_name: str) -> None:
    with transaction.atomic():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get(name=group_name))


def _build(tracker: TaskTracker) -> dict:
    _home_page()
    library, _ = ensure_library_structure()
    people = {
        REGISTERED: ProfileFactory(organisation=None).user,
        MEMBER: make_member(),
        MODERATOR: make_moderator(),
    }
    author = make_member()
    Document, Image = get_document_model(), get_image_model()
    files: dict[str, File] = {}

    def case_study(kind: str, *, live=True):
        with transaction.atomic():
            return CaseStudyPageFactory(
                parent=library,
                title=f"Wetland {kind.replace('_', ' ')} study",
                slug=f"files-{kind.replace('_', '-')}",
                summary=f"Peat restoration {kind.split('_')[0]} strategy.",
                live=live,
                owner=author,
            )

    for kind, live, group in [
        ("public_document", True, None),
        ("draft_document", False, None),
        ("members_document", True, MEMBERS_GROUP),
    ]:
        secret = SECRETS[kind]
        page = case_study(kind, live=live)
        with transaction.atomic():
            document = Document(title=f"{secret} strategy", uploaded_by_user=author)
            document.file.save(f"{secret}.txt", ContentFile(f"{secret} text".encode()), save=False)
            document.save()
            CaseStudyDocument.objects.create(page=page, document=document)
        if group:
            _restrict(page, group)
        files[kind] = File(
            kind, secret, document.file.name, document.url, page.url or "", page.pk, page.title
        )

    for kind, group, colour in [
        ("members_image", MEMBERS_GROUP, (10, 90, 70)),
        ("moderators_image", MODERATORS_GROUP, (90, 10, 70)),
    ]:
        secret = SECRETS[kind]
        with transaction.atomic():
            image = Image(
                title=f"{secret} photo",
                uploaded_by_user=author,
                file=ImageFile(BytesIO(_png(colour)), name=f"{secret}.png"),
            )
            image.save()
            page = case_study(kind)
            page.hero_image = image
            page.save_revision().publish()
        _restrict(page, group)
        rendition = image.get_rendition("fill-960x540")  # what the page's {% image %} shows
        files[kind] = File(kind, secret, image.file.name, rendition.url, page.url, page.pk, page.title)

    secret = SECRETS["members_avatar"]
    with transaction.atomic():
        profile = ProfileFactory(display_name="Ana Silva", visibility="members")
        profile.user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
        profile.avatar.save(f"{secret}.png", ContentFile(_png((200, 120, 0))), save=True)
        public = CategoryFactory(
            name="Open peatland exchange", slug="files-open", visibility=Category.Visibility.PUBLIC
        )
        topic = TopicFactory(
            category=public, title="Rewetting peat in practice", slug="files-topic", author=profile.user
        )
    files["members_avatar"] = File(
        "members_avatar",
        secret,
        profile.avatar.name,
        page_url=topic.get_absolute_url(),
        search_words="Rewetting peat",
    )

    tracker.wait()
    indexing_client().indices.refresh(index=read_alias())
    return {"people": people, "files": files}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, celery_worker, tmp_path_factory):
    tracker = TaskTracker()
    after_task_publish.connect(tracker._record, weak=False)
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("private-media")):
        seeded = (
            _serialized_database.get("default") or connections["default"].creation.serialize_db_to_string()
        )
        delete_content_indexes()
        indexing.ensure_index()
        try:
            built = _build(tracker)
        finally:
            after_task_publish.disconnect(tracker._record)
        yield built
        restore_seeded_database(seeded)
        delete_content_indexes()


# --- How each channel shows a file ------------------------------------------------------------------


def _bytes(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _served(response, file: File) -> bool:
    """200 with the file's own bytes (documents: their text; images: a real image)."""
    if response.status_code != 200:
        assert response.status_code in (302, 404), f"{file.kind}: answered {response.status_code}"
        return False
    body = _bytes(response)
    if file.kind.endswith("document"):
        return body == f"{file.secret} text".encode()
    with PILImage.open(BytesIO(body)) as picture:
        return picture.width > 0


def see_media_url(client, file: File) -> tuple[bool, str]:
    response = client.get(f"/media/{file.media_path}")
    return _served(response, file), "" if response.status_code == 200 else _text(response)


def see_serve_url(client, file: File) -> tuple[bool, str]:
    response = client.get(file.serve_url)
    return _served(response, file), "" if response.status_code == 200 else _text(response)


def _shows(text: str, file: File) -> bool:
    return _leaks(file.token, text) or _leaks(file.secret, text)


def see_page(client, file: File) -> tuple[bool, str]:
    if not file.page_url:  # a draft has no address: its admin preview needs edit rights
        return False, ""
    response = client.get(file.page_url)
    text = _text(response) if response.status_code == 200 else ""
    return _shows(text, file), text


def see_api(client, file: File) -> tuple[bool, str]:
    texts = [_text(client.get(f"/api/v2/pages/{file.page_id}/", {"fields": "*"}))]
    texts.append(
        _text(client.get("/api/v2/pages/", {"type": "cases.CaseStudyPage", "fields": "*", "limit": 20}))
    )
    joined = " ".join(texts)
    return _shows(joined, file), joined


def see_admin(client, file: File) -> tuple[bool, str]:
    section = "documents" if file.kind.endswith("document") else "images"
    texts = []
    for url in [f"/admin/{section}/chooser/", f"/admin/{section}/"]:
        response = client.get(url)
        texts.append(_text(response) if response.status_code == 200 else "")
    joined = " ".join(texts)
    return _shows(joined, file), joined


def see_search(client, file: File) -> tuple[bool, str]:
    texts = []
    for words in [file.secret, file.search_words]:
        if words:
            response = client.get("/api/search/", {"q": words})
            assert response.status_code == 200, _text(response)
            data = response.json()  # (not its echo of the query)
            texts.append(json.dumps([data["results"], data["did_you_mean"], data["facets"]]))
    joined = " ".join(texts)
    return _shows(joined, file), joined


OBSERVERS = {
    "media_url": see_media_url,
    "serve_url": see_serve_url,
    "page": see_page,
    "api": see_api,
    "admin": see_admin,
    "search": see_search,
}

CELLS = cells(EXPECTED, CHANNELS, ROLES)


def test_the_table_names_every_channel_for_every_kind():
    assert_complete(EXPECTED, CHANNELS, ROLES, OBSERVERS, SECRETS)


@pytest.mark.parametrize(("kind", "channel", "role"), CELLS)
def test_who_gets_which_file(world, client, kind, channel, role):
    if role != VISITOR:
        client.force_login(world["people"][role])
    file = world["files"][kind]
    gets, shown = OBSERVERS[channel](client, file)
    should_get = role in EXPECTED[kind][channel]
    assert gets == should_get, f"{kind} via {channel}: {role} {'does not get' if should_get else 'gets'} it"
    if not should_get:
        assert not _shows(shown, file), (
            f"{kind} via {channel}: {role} sees its name or address: {shown[:500]}"
        )
