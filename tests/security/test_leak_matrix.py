"""Who sees each kind of private thing, in every channel that could reveal it, for every role.

The table `EXPECTED` is the contract: for each kind of private thing and each channel, the set of
roles that see it, or `NotApplicable("why")` when the channel cannot carry that kind at all. Every
other cell is asserted, once per role, against the running site: real PostgreSQL, Elasticsearch
and a Celery worker (which indexed the content through the outbox, as in production).

"Sees" means the channel shows the thing's secret word (or links to it); every role that must not
see it is also checked for the word anywhere in what the channel answered, so a leak through
another field of the same response (a redirect's address, a facet label, a suggestion) fails too.

The content is built once for the module. Private things are made public first and restricted
after they were indexed (hidden, unpublished, restricted, merged), as happens on the live site:
the words of their old public documents stay in Elasticsearch's term dictionary until segments
merge, which is exactly what "did you mean" must not offer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from celery.signals import after_task_publish
from django.contrib.auth.models import Group
from django.db import connections, transaction
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cases.models import CaseStudyPage
from forum import services as forum
from forum.models import Category, Notification, Post
from forum.rendering import render_markdown
from lodestar.home.models import HomePage
from lodestar.mail.models import OutgoingEmail
from lodestar.permissions.roles import MEMBERS_GROUP, MODERATORS_GROUP
from saved_searches.models import SavedSearch
from saved_searches.services import alert_send
from search import indexing
from search.client import indexing_client
from search.documents import read_alias
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure
from tests.conftest import TaskTracker, _serialized_database, delete_content_indexes, restore_seeded_database
from tests.forum.factories import CategoryFactory, TopicFactory
from tests.home.factories import HomePageFactory
from tests.members.factories import ProfileFactory, make_member, make_moderator
from tests.security.matrix import NotApplicable, assert_complete, cells

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

VISITOR, REGISTERED, MEMBER, MODERATOR = "visitor", "registered", "member", "moderator"
ROLES = [VISITOR, REGISTERED, MEMBER, MODERATOR]
NOBODY: frozenset[str] = frozenset()
SIGNED_IN = frozenset({REGISTERED, MEMBER, MODERATOR})
MEMBERS = frozenset({MEMBER, MODERATOR})
MODERATORS = frozenset({MODERATOR})


CHANNELS = [
    "page",
    "search",
    "suggest",
    "did_you_mean",
    "related",
    "facet_label",
    "feed",
    "sitemap",
    "csv",
    "api",
    "saved_search_alert",
]

FORUM_NOT_IN_CSV = NotApplicable("the CSV export lists case studies only")
FORUM_NOT_IN_API = NotApplicable("the Wagtail API serves pages, not the forum")
PAGES_HAVE_NO_PRIVATE_FACETS = NotApplicable("library facets are public vocabulary terms, no private label")
PUBLIC_CATEGORY = NotApplicable("its category is public: the label is public")

EXPECTED: dict[str, dict[str, frozenset[str] | NotApplicable]] = {
    # A topic in a members-only category.
    "members_topic": {
        "page": MEMBERS,
        "search": MEMBERS,
        "suggest": MEMBERS,
        "did_you_mean": MEMBERS,
        "related": MEMBERS,
        "facet_label": MEMBERS,
        "feed": NOBODY,  # feeds are read without a session: public categories only, for everyone
        "sitemap": NOBODY,  # crawlers send no session: public things only
        "csv": FORUM_NOT_IN_CSV,
        "api": FORUM_NOT_IN_API,
        "saved_search_alert": MEMBERS,  # an alert lists what its owner's search finds
    },
    # A reply in a public topic, hidden by a moderator after it was indexed.
    "hidden_post": {
        "page": MODERATORS,  # (and its author) on the topic page
        "search": NOBODY,  # hidden posts are never indexed, whoever searches
        "suggest": NotApplicable("replies are suggested by their topic's title, which stays public"),
        "did_you_mean": NOBODY,
        "related": NOBODY,
        "facet_label": PUBLIC_CATEGORY,
        "feed": NOBODY,
        "sitemap": NOBODY,  # crawlers send no session: public things only
        "csv": FORUM_NOT_IN_CSV,
        "api": FORUM_NOT_IN_API,
        "saved_search_alert": NOBODY,  # never indexed, so no search finds it
    },
    # A public topic whose question a moderator hid after it was indexed (the topic is hidden).
    "hidden_topic": {
        "page": MODERATORS,
        "search": NOBODY,
        "suggest": NOBODY,
        "did_you_mean": NOBODY,
        "related": NOBODY,
        "facet_label": PUBLIC_CATEGORY,
        "feed": NOBODY,
        "sitemap": NOBODY,  # crawlers send no session: public things only
        "csv": FORUM_NOT_IN_CSV,
        "api": FORUM_NOT_IN_API,
        "saved_search_alert": NOBODY,  # never indexed, so no search finds it
    },
    # A members-only topic merged into another members-only topic: its address redirects there.
    "merged_topic": {
        "page": MEMBERS,  # the redirect; everyone else gets 404, not the target's address
        "search": MEMBERS,  # (its posts now live in the target)
        "suggest": MEMBERS,
        "did_you_mean": MEMBERS,
        "related": MEMBERS,
        "facet_label": MEMBERS,
        "feed": NOBODY,
        "sitemap": NOBODY,  # crawlers send no session: public things only
        "csv": FORUM_NOT_IN_CSV,
        "api": FORUM_NOT_IN_API,
        "saved_search_alert": MEMBERS,  # its posts now live in the target
    },
    # A case study published, indexed, then unpublished.
    "draft_page": {
        "page": NOBODY,
        "search": NOBODY,
        "suggest": NOBODY,
        "did_you_mean": NOBODY,
        "related": NOBODY,
        "facet_label": PAGES_HAVE_NO_PRIVATE_FACETS,
        "feed": NOBODY,  # the library's feeds, like the forum's, are public pages only
        "sitemap": NOBODY,  # crawlers send no session: public things only
        "csv": NOBODY,
        "api": NOBODY,
        "saved_search_alert": NOBODY,  # unpublished pages leave the index
    },
    # Wagtail's "any logged-in user" restriction: any signed-in account, member or not.
    "login_page": {
        "page": SIGNED_IN,
        "search": SIGNED_IN,
        "suggest": SIGNED_IN,
        "did_you_mean": SIGNED_IN,
        "related": SIGNED_IN,
        "facet_label": PAGES_HAVE_NO_PRIVATE_FACETS,
        "feed": NOBODY,  # the library's feeds, like the forum's, are public pages only
        "sitemap": NOBODY,  # crawlers send no session: public things only
        "csv": NOBODY,  # open data: public pages only, whoever asks
        "api": NOBODY,
        "saved_search_alert": MEMBERS,  # alerts are for members only (any account may read it)
    },
    # Restricted to the Members group: members, and the roles above them.
    "members_page": {
        "page": MEMBERS,
        "search": MEMBERS,
        "suggest": MEMBERS,
        "did_you_mean": MEMBERS,
        "related": MEMBERS,
        "facet_label": PAGES_HAVE_NO_PRIVATE_FACETS,
        "feed": NOBODY,  # the library's feeds, like the forum's, are public pages only
        "sitemap": NOBODY,  # crawlers send no session: public things only
        "csv": NOBODY,
        "api": NOBODY,
        "saved_search_alert": MEMBERS,  # an alert lists what its owner's search finds
    },
    # Restricted to the Moderators group: invisible to members everywhere.
    "moderators_page": {
        "page": MODERATORS,
        "search": MODERATORS,
        "suggest": MODERATORS,
        "did_you_mean": MODERATORS,
        "related": MODERATORS,
        "facet_label": PAGES_HAVE_NO_PRIVATE_FACETS,
        "feed": NOBODY,  # the library's feeds, like the forum's, are public pages only
        "sitemap": NOBODY,  # crawlers send no session: public things only
        "csv": NOBODY,
        "api": NOBODY,
        "saved_search_alert": MODERATORS,  # an alert lists what its owner's search finds
    },
}

# Each kind's secret word (found in nothing else), a misspelling of it, and words it shares with a
# public neighbour whose "Related" box may show it.
WORDS = {
    "members_topic": ("zanthoxylum", "zanthoxylom", "pellucid ostracon filigree"),
    "hidden_post": ("quercitron", "quercitrom", "lambent cresset ormolu"),
    "hidden_topic": ("pyrrhuloxia", "pyrrhuloxa", "gossamer tessera vellum"),
    "merged_topic": ("bergamasca", "bergamaska", "umber chiaroscuro fresco"),
    "draft_page": ("calamondin", "calamondim", "sepia quatrefoil niello"),
    "login_page": ("marquisette", "marquisete", "damask brocatelle selvage"),
    "members_page": ("sarracenia", "saracenia", "verdigris gnomon astrolabe"),
    "moderators_page": ("nepenthaceae", "nepenthacae", "cinnabar orrery sextant"),
}


@dataclass
class Thing:
    kind: str
    secret: str
    typo: str
    url: str  # where people would open it
    neighbour_url: str  # a public page whose "Related" box may list it
    links: set[str] = field(default_factory=set)  # addresses that point at it
    redirect_to: str = ""  # merged topics: where the address leads those who may follow it
    category: Category | None = None  # its members-only category, if any
    page_id: int | None = None


# --- Building the content once ------------------------------------------------------------------------


def _home_page() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        Locale.objects.get_or_create(language_code="en")
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = HomePageFactory(parent=root, title="Lodestar", slug="home")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


def _reply(topic, body: str, author) -> Post:
    topic.last_position += 1
    topic.save(update_fields=["last_position"])
    return Post.objects.create(
        topic=topic,
        position=topic.last_position,
        body=body,
        body_html=render_markdown(body).html,
        author=author,
    )


def _page(library, kind: str, title: str, summary: str) -> CaseStudyPage:
    page = CaseStudyPageFactory(parent=library, title=title, slug=f"leak-{kind}", summary=summary, live=False)
    with transaction.atomic():
        page.save_revision().publish()
    return CaseStudyPage.objects.get(pk=page.pk)


def _build(tracker: TaskTracker) -> dict:
    """Every private thing, first public and indexed, then made private (see the module docstring)."""
    _home_page()
    library, _ = ensure_library_structure()
    people = {
        REGISTERED: ProfileFactory(organisation=None).user,
        MEMBER: make_member(),
        MODERATOR: make_moderator(),
    }
    author = make_member()
    public = CategoryFactory(name="Open exchange", slug="leak-open")
    things: dict[str, Thing] = {}

    def neighbour_topic(kind: str, shared: str):
        topic = TopicFactory(
            category=public, title=f"{shared} neighbour", slug=f"leak-{kind}-neighbour", question=shared
        )
        return topic.get_absolute_url()

    # Forum.
    secret, typo, shared = WORDS["members_topic"]
    lounge = CategoryFactory(
        name=f"{secret.title()} circle", slug="leak-members", visibility=Category.Visibility.MEMBERS
    )
    with transaction.atomic():
        topic = TopicFactory(
            category=lounge,
            title=f"{secret} {shared}",
            slug="leak-members-topic",
            question=f"{secret} {shared}",
        )
    things["members_topic"] = Thing(
        "members_topic",
        secret,
        typo,
        topic.get_absolute_url(),
        neighbour_topic("members_topic", shared),
        links={topic.get_absolute_url()},
        category=lounge,
    )

    secret, typo, shared = WORDS["hidden_post"]
    with transaction.atomic():
        open_topic = TopicFactory(
            category=public, title="Open thread", slug="leak-hidden-post-topic", question="Anything goes."
        )
        hidden_reply = _reply(open_topic, f"{secret} {shared}", author)
    things["hidden_post"] = Thing(
        "hidden_post",
        secret,
        typo,
        open_topic.get_absolute_url(),
        neighbour_topic("hidden_post", shared),
        links={hidden_reply.get_absolute_url()},
    )

    secret, typo, shared = WORDS["hidden_topic"]
    with transaction.atomic():
        hidden_topic = TopicFactory(
            category=public,
            title=f"{secret} {shared}",
            slug="leak-hidden-topic",
            question=f"{secret} {shared}",
        )
    things["hidden_topic"] = Thing(
        "hidden_topic",
        secret,
        typo,
        hidden_topic.get_absolute_url(),
        neighbour_topic("hidden_topic", shared),
        links={hidden_topic.get_absolute_url()},
    )

    secret, typo, shared = WORDS["merged_topic"]
    room = CategoryFactory(
        name=f"{secret.title()} room", slug="leak-merged", visibility=Category.Visibility.MEMBERS
    )
    with transaction.atomic():
        source = TopicFactory(
            category=room,
            title=f"{secret} question",
            slug="leak-merged-source",
            question=f"{secret} {shared}",
        )
        target = TopicFactory(
            category=room,
            title=f"{secret} {shared}",
            slug="leak-merged-target",
            question=f"{secret} {shared}",
        )
    things["merged_topic"] = Thing(
        "merged_topic",
        secret,
        typo,
        source.get_absolute_url(),
        neighbour_topic("merged_topic", shared),
        links={source.get_absolute_url(), target.get_absolute_url()},
        redirect_to=target.get_absolute_url(),
        category=room,
    )

    # Library pages.
    pages = {}
    for kind in ["draft_page", "login_page", "members_page", "moderators_page"]:
        secret, typo, shared = WORDS[kind]
        page = _page(library, kind, f"{secret} {shared}", f"{secret} {shared}")
        neighbour = _page(library, f"{kind}-neighbour", f"{shared} neighbour", shared)
        pages[kind] = page
        things[kind] = Thing(kind, secret, typo, page.url, neighbour.url, links={page.url}, page_id=page.pk)

    # Everything public is indexed (and refreshed into a segment) before it becomes private.
    tracker.wait()
    indexing_client().indices.refresh(index=read_alias())

    moderator = people[MODERATOR]
    forum.post_hide(post=hidden_reply, moderator=moderator, reason="Off topic")
    forum.post_hide(post=hidden_topic.posts.get(position=1), moderator=moderator, reason="Off topic")
    forum.topic_merge(source=source, target=target, moderator=moderator)
    with transaction.atomic():
        pages["draft_page"].unpublish()
    with transaction.atomic():
        PageViewRestriction.objects.create(
            page=pages["login_page"], restriction_type=PageViewRestriction.LOGIN
        )
    for kind, group in [("members_page", MEMBERS_GROUP), ("moderators_page", MODERATORS_GROUP)]:
        with transaction.atomic():
            restriction = PageViewRestriction.objects.create(
                page=pages[kind], restriction_type=PageViewRestriction.GROUPS
            )
            restriction.groups.add(Group.objects.get(name=group))
    tracker.wait()
    indexing_client().indices.refresh(index=read_alias())
    return {"people": people, "things": things}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, celery_worker):
    tracker = TaskTracker()
    after_task_publish.connect(tracker._record, weak=False)
    with django_db_blocker.unblock():
        # What the migrations seeded, to restore afterwards (kept by tests/conftest.py when some
        # collected test needs it; taken here otherwise).
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
        # The content was committed (the worker had to read it): put the database back as the
        # migrations left it, as a transactional test with serialized_rollback does.
        restore_seeded_database(seeded)
        delete_content_indexes()


# --- How each channel shows a thing ---------------------------------------------------------------------


def _text(response) -> str:
    return response.content.decode("utf-8", "replace")


def _leaks(secret: str, *texts: str) -> bool:
    return any(secret.lower() in (text or "").lower() for text in texts)


def see_page(client, thing: Thing) -> tuple[bool, str]:
    response = client.get(thing.url)
    shown = " ".join([_text(response), response.get("Location", "")])
    if thing.redirect_to:
        if response.status_code == 302 and response["Location"] == thing.redirect_to:
            return True, ""
        assert response.status_code == 404, f"{thing.kind}: {response.status_code} {response.get('Location')}"
        return False, shown
    if response.status_code == 200 and thing.secret in _text(response):
        return True, ""
    assert response.status_code in (200, 302, 404), f"{thing.kind}: answered {response.status_code}"
    return False, shown


def _search_json(client, **params) -> dict:
    response = client.get("/api/search/", params)
    assert response.status_code == 200, _text(response)
    return response.json()


def see_search(client, thing: Thing) -> tuple[bool, str]:
    data = _search_json(client, q=thing.secret)
    return data["total"] > 0, json.dumps([data["results"], data["did_you_mean"], data["facets"]])


def see_suggest(client, thing: Thing) -> tuple[bool, str]:
    response = client.get("/api/search/suggest/", {"q": thing.secret[:7]})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    return any(thing.secret in s["title"].lower() for s in suggestions), json.dumps(suggestions)


def see_did_you_mean(client, thing: Thing) -> tuple[bool, str]:
    data = _search_json(client, q=thing.typo)
    return thing.secret in (data["did_you_mean"] or ""), json.dumps([data["results"], data["did_you_mean"]])


def see_related(client, thing: Thing) -> tuple[bool, str]:
    response = client.get(thing.neighbour_url)
    assert response.status_code == 200
    links = BeautifulSoup(response.content, "html.parser").select(".related a")
    shown = [(a.get("href"), a.get_text()) for a in links]
    return any(href in thing.links or thing.secret in text.lower() for href, text in shown), json.dumps(shown)


def see_facet_label(client, thing: Thing) -> tuple[bool, str]:
    data = _search_json(client, category=thing.category.slug)
    labels = [value["label"] for value in data["facets"].get("category", [])]
    return thing.category.name in labels, json.dumps(data)


FEEDS = ["/forum/feed/", "/library/feed/", "/tools/feed/"]


def see_feed(client, thing: Thing) -> tuple[bool, str]:
    texts = []
    for url in [*FEEDS, *([f"/forum/c/{thing.category.slug}/feed/"] if thing.category else [])]:
        response = client.get(url)
        assert response.status_code in (200, 404)
        texts.append(_text(response))
    return _leaks(thing.secret, *texts), " ".join(texts)


def see_sitemap(client, thing: Thing) -> tuple[bool, str]:
    """The sitemap index and every section it names: does any list one of the thing's addresses?"""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    texts, listed = [_text(index)], set()
    for location in BeautifulSoup(index.content, "html.parser").find_all("loc"):
        section = client.get(urlsplit(location.get_text()).path)
        assert section.status_code == 200
        texts.append(_text(section))
        listed |= {
            urlsplit(loc.get_text()).path
            for loc in BeautifulSoup(section.content, "html.parser").find_all("loc")
        }
    return bool(listed & thing.links) or _leaks(thing.secret, *texts), " ".join(texts)


def see_csv(client, thing: Thing) -> tuple[bool, str]:
    response = client.get("/library/export/")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    return thing.secret in body, body


def see_api(client, thing: Thing) -> tuple[bool, str]:
    detail = client.get(f"/api/v2/pages/{thing.page_id}/")
    texts, offset, total = [_text(detail)], 0, 1
    while offset < total:
        listing = client.get(
            "/api/v2/pages/", {"type": "cases.CaseStudyPage", "fields": "title", "offset": offset}
        )
        assert listing.status_code == 200, _text(listing)
        data = listing.json()
        total, offset = data["meta"]["total_count"], offset + len(data["items"]) or total
        texts.append(_text(listing))
    return detail.status_code == 200 or _leaks(thing.secret, *texts[1:]), " ".join(texts)


def see_saved_search_alert(client, thing: Thing) -> tuple[bool, str]:
    """A saved search for the secret word, due since before the content existed: is an alert sent?

    The alert is the real service (the query service as the owner, the outbox, the notification);
    the test's transaction is rolled back, so the email is never handed to the worker.
    """
    user_id = client.session.get("_auth_user_id")
    if user_id is None:
        return False, ""  # visitors have no saved searches
    saved = SavedSearch.objects.create(
        owner_id=int(user_id),
        name=f"Leak {thing.kind}",
        query=thing.secret,
        frequency="daily",
        last_sent_at=timezone.now() - timedelta(days=365),
    )
    sent = alert_send(saved_search_id=saved.pk)
    emails = [f"{e.subject} {e.body_text} {e.body_html}" for e in OutgoingEmail.objects.all()]
    notices = list(Notification.objects.filter(kind="saved_search").values_list("message", flat=True))
    return sent, " ".join([*emails, *notices])


OBSERVERS = {
    "page": see_page,
    "search": see_search,
    "suggest": see_suggest,
    "did_you_mean": see_did_you_mean,
    "related": see_related,
    "facet_label": see_facet_label,
    "feed": see_feed,
    "sitemap": see_sitemap,
    "csv": see_csv,
    "api": see_api,
    "saved_search_alert": see_saved_search_alert,
}

CELLS = cells(EXPECTED, CHANNELS, ROLES)


def test_the_table_names_every_channel_for_every_kind():
    assert_complete(EXPECTED, CHANNELS, ROLES, OBSERVERS, WORDS)


@pytest.mark.parametrize(("kind", "channel", "role"), CELLS)
def test_who_sees_what(world, client, kind, channel, role):
    if role != VISITOR:
        client.force_login(world["people"][role])
    thing = world["things"][kind]
    sees, shown = OBSERVERS[channel](client, thing)
    should_see = role in EXPECTED[kind][channel]
    assert sees == should_see, f"{kind} via {channel}: {role} {'does not see' if should_see else 'sees'} it"
    if not should_see:
        assert not _leaks(thing.secret, shown), f"{kind} via {channel}: {role} gets its words: {shown[:500]}"


@pytest.mark.parametrize("kind", ["members_topic", "draft_page", "members_page"])
def test_the_feed_and_sitemap_observers_see_public_neighbours(world, client, kind):
    """The observers can see: a public neighbour of each private thing is in the sitemap, and a
    public case study's words are in the library feed (so NOBODY above is not a blind eye)."""
    thing = world["things"][kind]
    neighbour = Thing(kind, "neighbour", "", thing.neighbour_url, "", links={thing.neighbour_url})
    assert see_sitemap(client, neighbour)[0]
    if kind.endswith("_page"):
        assert see_feed(client, neighbour)[0]
