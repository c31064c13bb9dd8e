"""A library page (any Wagtail page) can have a discussion topic; the page shows its latest replies."""

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.test import RequestFactory

from forum import services
from forum.models import Topic
from tests.forum.factories import TopicFactory, add_replies
from tests.home.factories import HomePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library_page(home_page):
    return HomePageFactory(
        parent=home_page, title="Budget tagging in Portugal (illustrative)", slug="budget-tagging"
    )


def render_discussion(page, user):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get(page.url)
    request.user = user or AnonymousUser()
    html = Template("{% load forum_tags %}{% page_discussion page %}").render(
        Context({"page": page, "request": request})
    )
    return BeautifulSoup(html, "html.parser")


def test_a_page_without_a_topic_offers_to_discuss_it(library_page):
    section = render_discussion(library_page, None)
    link = section.find("a", string="Discuss this")
    assert link["href"] == f"/forum/discuss/{library_page.pk}/"


def test_discuss_this_starts_a_topic_attached_to_the_page(client, member, category, library_page):
    client.force_login(member)
    choose = client.get(f"/forum/discuss/{library_page.pk}/")
    assert choose.status_code == 200
    form_url = f"/forum/c/{category.slug}/new/?page_id={library_page.pk}"
    assert form_url.encode() in choose.content.replace(b"&amp;", b"&")
    form = client.get(form_url)
    assert b"Discussion: Budget tagging in Portugal (illustrative)" in form.content
    client.post(
        f"/forum/c/{category.slug}/new/",
        {"title": "Discussion: budget tagging", "body": "What would you reuse?", "page_id": library_page.pk},
    )
    topic = Topic.objects.get(title="Discussion: budget tagging")
    assert topic.page_id == library_page.pk
    # The topic links back to the page, and "Discuss this" now opens the topic.
    topic_page = BeautifulSoup(client.get(topic.get_absolute_url()).content, "html.parser")
    assert (
        topic_page.find("a", string="Budget tagging in Portugal (illustrative)")["href"] == library_page.url
    )
    assert client.get(f"/forum/discuss/{library_page.pk}/")["Location"] == topic.get_absolute_url()


def test_the_page_shows_the_latest_replies_of_its_topic(library_page, category, member, other_member):
    topic = TopicFactory(category=category, page=library_page)
    add_replies(topic, [member, other_member], 5, body="Reply text")
    section = render_discussion(library_page, None)
    bodies = [b.text.strip() for b in section.select(".post-body")]
    assert bodies == ["Reply text 3", "Reply text 4", "Reply text 5"]
    assert section.find("a", string="Join the discussion")["href"] == topic.get_absolute_url()


def test_a_members_only_discussion_is_not_shown_to_visitors(library_page, members_category, member):
    topic = TopicFactory(category=members_category, page=library_page)
    add_replies(topic, [member], 1, body="Confidential")
    assert "Confidential" not in render_discussion(library_page, None).text
    assert "Confidential" in render_discussion(library_page, member).text


def test_a_page_can_have_only_one_topic(client, member, category, library_page):
    TopicFactory(category=category, page=library_page, title="The existing discussion")
    client.force_login(member)
    services_topic = client.post(
        f"/forum/c/{category.slug}/new/",
        {"title": "A second discussion", "body": "Again?", "page_id": library_page.pk},
    )
    assert services_topic.status_code == 302
    assert Topic.objects.get(title="A second discussion").page is None


def test_unpublished_pages_cannot_be_discussed(client, member, library_page):
    library_page.unpublish()
    client.force_login(member)
    assert client.get(f"/forum/discuss/{library_page.pk}/").status_code == 404


def test_the_topic_service_accepts_a_page(member, category, library_page):
    topic = services.topic_create(
        author=member, category=category, title="Discussion", body="Hi", page=library_page
    )
    assert library_page.discussion_topic == topic
