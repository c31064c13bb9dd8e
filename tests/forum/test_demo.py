import io

import pytest
from django.core.management import call_command

from forum.models import Category, Flag, Post, Topic

pytestmark = pytest.mark.django_db


def test_demo_forum_is_alive_and_loading_twice_adds_nothing(client):
    call_command("load_demo", stdout=io.StringIO())
    counts = (Category.objects.count(), Topic.objects.count(), Post.objects.count(), Flag.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (
        Category.objects.count(),
        Topic.objects.count(),
        Post.objects.count(),
        Flag.objects.count(),
    ) == counts
    assert {
        "Long-term strategy design",
        "Sector pathways",
        "Finance and investment",
        "Cities and regions",
        "Announcements",
    } <= set(Category.objects.values_list("name", flat=True))
    assert Category.objects.get(slug="announcements").who_may_start_topics == "moderators"
    assert Category.objects.filter(visibility="members").exists()
    assert Topic.objects.exclude(accepted_post=None).count() == 1
    assert Flag.objects.filter(resolution="open").count() == 1
    assert Post.objects.filter(author=None).count() == 0
    page = client.get("/forum/")
    assert b"How did you get the finance ministry on board" in page.content
    assert b"Lessons from our first transition finance review" not in page.content
