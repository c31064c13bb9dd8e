import pytest
from django.core.cache import cache

from tests.forum.factories import CategoryFactory


@pytest.fixture(autouse=True)
def forum_settings(settings):
    """Most tests are about established members: nothing waits for approval unless a test says so.

    The cache holds rate-limit counters keyed by user id, and ids repeat between runs: start empty.
    """
    settings.FORUM_APPROVAL_FIRST_POSTS = 0
    cache.clear()
    return settings


@pytest.fixture
def category(db):
    return CategoryFactory(name="Finance and investment", slug="finance-and-investment")


@pytest.fixture
def members_category(db):
    return CategoryFactory(name="Members' lounge", slug="members-lounge", visibility="members")


@pytest.fixture
def announcements(db):
    return CategoryFactory(
        name="Announcements",
        slug="announcements",
        who_may_start_topics="moderators",
        who_may_reply="moderators",
    )


@pytest.fixture
def mail(mail):
    """The shared mailbox, with its Maildir folders made, so an empty mailbox reads as empty."""
    for folder in ("tmp", "new", "cur"):
        (mail.path / folder).mkdir(parents=True, exist_ok=True)
    return mail
