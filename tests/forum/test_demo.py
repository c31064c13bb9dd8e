import io

import pytest
from django.core.management import call_command

from forum.models import Category, Flag, Post, Topic

pytestmark = pytest.mark.django_db


def test_demo_forum_is_alive_and_loading_twice_adds_nothing(demo_content, client):
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


def test_every_forum_page_of_the_demo_renders_for_each_role(demo_content, client):
    """A walk through the demo as visitor, member and moderator: no error and no inline style."""
    from bs4 import BeautifulSoup

    from lodestar.members.demo import demo_email
    from lodestar.members.models import User

    topic = Topic.objects.get(title__startswith="How did you get the finance ministry")
    reply = topic.posts.get(position=2)
    flagged = Flag.objects.get().post
    ana = User.objects.get(email=demo_email("ana"))
    ingrid = User.objects.get(email=demo_email("ingrid"))
    public = [
        "/forum/",
        "/forum/c/finance-and-investment/",
        topic.get_absolute_url(),
        "/forum/tags/finance/",
    ]
    as_member = [
        *public,
        f"{topic.get_absolute_url()}?quote={reply.pk}",
        "/forum/c/members-lounge/",
        "/forum/c/finance-and-investment/new/",
        f"/forum/p/{reply.pk}/flag/",
        "/forum/notifications/",
        "/forum/settings/",
    ]
    as_moderator = [
        *as_member,
        "/forum/moderation/",
        "/forum/moderation/log/",
        f"/forum/p/{flagged.pk}/hide/",
        f"/forum/t/{topic.pk}/move/",
        f"/forum/t/{topic.pk}/merge/",
        f"/forum/moderation/members/{ana.pk}/suspend/",
        f"/forum/p/{reply.pk}/edit/",
        "/forum/c/announcements/new/",
    ]
    for user, urls in (
        (None, public),
        (ana, as_member),
        (User.objects.get(email=demo_email("moderator")), as_moderator),
    ):
        if user:
            client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (user, url)
            assert BeautifulSoup(response.content, "html.parser").select("[style]") == [], url
    client.force_login(ingrid)
    assert client.get(f"/forum/p/{reply.pk}/history/").status_code == 200
    assert client.get(f"/forum/p/{reply.pk}/delete/").status_code == 200
