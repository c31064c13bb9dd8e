"""Members write: topics, replies, quotes, edits with history, deletion, reactions, accepted answers."""

import pytest
from bs4 import BeautifulSoup

from forum import services
from forum.models import Post, PostRevision, Reaction, Topic, TopicWatch
from lodestar.members.services import account_delete, account_export
from tests.forum.factories import TopicFactory, add_replies

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_a_member_starts_a_topic_with_tags_and_watches_it(client, member, category):
    client.force_login(member)
    response = client.post(
        f"/forum/c/{category.slug}/new/",
        {
            "title": "Budget tagging: where to start?",
            "body": "We want to **tag** budget lines.",
            "tags": "finance, budgets",
        },
    )
    topic = Topic.objects.get(title="Budget tagging: where to start?")
    assert response["Location"] == topic.get_absolute_url()
    page = soup(client.get(topic.get_absolute_url()))
    assert page.h1.text == "Budget tagging: where to start?"
    assert page.select_one(".post-body strong").text == "tag"
    assert sorted(a.text for a in page.select(".tag-list a")) == ["budgets", "finance"]
    assert TopicWatch.objects.filter(user=member, topic=topic).exists()
    tag_page = client.get("/forum/tags/finance/")
    assert b"Budget tagging: where to start?" in tag_page.content


def test_topic_form_errors_are_shown_and_nothing_is_saved(client, member, category):
    client.force_login(member)
    response = client.post(f"/forum/c/{category.slug}/new/", {"title": "Hi", "body": ""})
    assert response.status_code == 400
    errors = [p.text for p in soup(response).select(".error")]
    assert any("at least 5" in e for e in errors)
    assert any("required" in e for e in errors)
    assert not Topic.objects.exists()


def test_a_reply_lands_on_its_page_with_a_permalink(client, member, other_member, category, settings):
    topic = TopicFactory(category=category, author=other_member)
    add_replies(topic, [other_member], settings.FORUM_POSTS_PER_PAGE)
    client.force_login(member)
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Our experience, briefly."})
    post = Post.objects.get(body="Our experience, briefly.")
    assert response["Location"] == f"{topic.get_absolute_url()}?page=2#post-{post.position}"
    assert client.get(f"/forum/p/{post.pk}/")["Location"] == response["Location"]
    page = soup(client.get(f"{topic.get_absolute_url()}?page=2"))
    assert page.select_one(f"#post-{post.position} .post-body").text.strip() == "Our experience, briefly."


def test_quoting_a_post_prefills_the_reply(client, member, other_member, category):
    topic = TopicFactory(category=category, author=other_member, question="Line one\n\nLine two")
    client.force_login(member)
    quoted = topic.posts.get()
    page = soup(client.get(f"{topic.get_absolute_url()}?quote={quoted.pk}"))
    text = page.select_one("#reply textarea").text.lstrip("\n")  # browsers drop the first newline
    name = other_member.profile.display_name
    assert text.startswith(f"> **{name}** wrote:\n>\n> Line one\n>\n> Line two")


def test_editing_keeps_a_history_for_author_and_moderators(client, member, other_member, moderator, category):
    topic = TopicFactory(category=category, author=member, question="First wording")
    post = topic.posts.get()
    client.force_login(member)
    response = client.post(f"/forum/p/{post.pk}/edit/", {"body": "Second wording"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "Second wording"
    assert post.edited_at is not None
    assert PostRevision.objects.get(post=post).body == "First wording"
    history = client.get(f"/forum/p/{post.pk}/history/")
    assert b"First wording" in history.content
    client.force_login(moderator)
    assert client.get(f"/forum/p/{post.pk}/history/").status_code == 200
    client.force_login(other_member)
    assert client.get(f"/forum/p/{post.pk}/history/").status_code == 404
    assert client.post(f"/forum/p/{post.pk}/edit/", {"body": "Vandalised"}).status_code == 403


def test_authors_delete_their_replies_softly(client, member, other_member, category):
    topic = TopicFactory(category=category, author=other_member)
    post = services.post_create(author=member, topic=topic, body="Posted by mistake")
    client.force_login(member)
    assert client.post(f"/forum/p/{post.pk}/delete/").status_code == 302
    post.refresh_from_db()
    assert post.status == Post.Status.DELETED
    assert Post.objects.filter(pk=post.pk).exists()
    topic.refresh_from_db()
    assert topic.reply_count == 0
    assert b"Posted by mistake" not in client.get(topic.get_absolute_url()).content


def test_the_question_can_be_deleted_only_while_nobody_replied(member, other_member, category):
    from lodestar.permissions import can_delete_post

    topic = TopicFactory(category=category, author=member)
    question = topic.posts.get()
    assert can_delete_post(member, question)
    services.post_create(author=other_member, topic=topic, body="An answer")
    topic.refresh_from_db()
    question.topic = topic
    assert not can_delete_post(member, question)


def test_reactions_are_one_per_member_and_kind_and_toggle(client, member, other_member, category):
    topic = TopicFactory(category=category, author=other_member)
    post = topic.posts.get()
    client.force_login(member)
    client.post(f"/forum/p/{post.pk}/react/", {"kind": "helpful"})
    client.post(f"/forum/p/{post.pk}/react/", {"kind": "thanks"})
    assert Reaction.objects.filter(post=post, user=member).count() == 2
    page = soup(client.get(topic.get_absolute_url()))
    helpful = [b for b in page.select("#post-1 .reaction") if "Helpful" in b.text][0]
    assert helpful["aria-pressed"] == "true"
    assert helpful.select_one(".reaction__count").text == "1"
    client.post(f"/forum/p/{post.pk}/react/", {"kind": "helpful"})
    assert list(Reaction.objects.filter(post=post, user=member).values_list("kind", flat=True)) == ["thanks"]
    assert client.post(f"/forum/p/{post.pk}/react/", {"kind": "love"}).status_code == 400


def test_the_accepted_answer_is_shown_right_after_the_question(client, member, other_member, category):
    topic = TopicFactory(category=category, author=member)
    replies = add_replies(topic, [other_member], 5)
    client.force_login(member)
    client.post(f"/forum/t/{topic.pk}/accept/", {"post": replies[3].pk})
    topic.refresh_from_db()
    assert topic.accepted_post == replies[3]
    articles = soup(client.get(topic.get_absolute_url())).select("article.post")
    assert articles[0]["id"] == "post-1"
    assert articles[1]["id"] == "accepted-answer"
    assert "Markdown. 4" in articles[1].select_one(".post-body").text
    client.force_login(other_member)
    assert client.post(f"/forum/t/{topic.pk}/accept/", {"post": replies[0].pk}).status_code == 403


def test_the_question_cannot_be_its_own_answer(client, member, category):
    topic = TopicFactory(category=category, author=member)
    client.force_login(member)
    response = client.post(f"/forum/t/{topic.pk}/accept/", {"post": topic.posts.get().pk}, follow=True)
    assert b"Only a published reply" in response.content
    topic.refresh_from_db()
    assert topic.accepted_post is None


def test_deleted_authors_show_as_former_member(client, member, category):
    topic = TopicFactory(category=category, author=member)
    account_delete(user=member)
    page = soup(client.get(topic.get_absolute_url()))
    assert "former member" in page.select_one("#post-1 .post__author").text
    assert Post.objects.get(topic=topic).author is None


def test_data_export_includes_the_members_posts(member, other_member, category):
    topic = TopicFactory(category=category, author=member, question="My question in the export")
    add_replies(topic, [other_member], 1, body="Someone else's reply")
    export = account_export(user=member)
    assert [p["markdown"] for p in export["forum_posts"]] == ["My question in the export"]
