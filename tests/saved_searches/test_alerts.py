"""Saved searches end to end on the real services: a member saves a search on the search page, a
matching case study is published and indexed by the worker, the alert task runs on the worker,
and the email (with a working one-click unsubscribe) and the in-app notification arrive."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction

from forum.models import Notification
from lodestar.links import absolute_url
from lodestar.mail.models import OutgoingEmail
from lodestar.mail.tasks import deliver_pending_emails
from lodestar.permissions.roles import MODERATORS_GROUP
from lodestar.vocabularies.models import Sector
from saved_searches.models import SavedSearch
from saved_searches.services import alert_send, unsubscribe_token
from saved_searches.tasks import send_due_saved_search_alerts
from search import maintenance
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure, term
from tests.members.factories import make_member, make_moderator
from tests.search.conftest import refresh

worker_test = pytest.mark.django_db(transaction=True, serialized_rollback=True)
pytestmark = pytest.mark.integration

SITE = absolute_url("/")[:-1]


def _link(text: str, label: str) -> str:
    return re.search(rf"{label}: (\S+)", text).group(1).replace(SITE, "")


def save_from_search_page(client, path: str, name: str, frequency: str = "daily"):
    """Submit the page's "Save this search" form as a member's browser would."""
    page = client.get(path)
    assert page.status_code == 200
    form = BeautifulSoup(page.content, "html.parser").select_one(".save-search form")
    assert form is not None, "members see the Save this search form"
    data = [(i["name"], i.get("value", "")) for i in form.select("input[type=hidden]")]
    data += [("name", name), ("frequency", frequency)]
    payload = {}
    for key, value in data:
        payload.setdefault(key, []).append(value)
    return client.post(form["action"], payload)


def a_day_passes(saved: SavedSearch) -> None:
    """The saved search's last alert window ended a day (and a second) before what follows."""
    SavedSearch.objects.filter(pk=saved.pk).update(last_sent_at=timezone.now() - timedelta(days=1, seconds=1))


def publish(page) -> None:
    with transaction.atomic():
        page.save_revision().publish()


def run_alerts(tasks) -> int:
    """The beat task on the worker, then the mail outbox's delivery (also on the worker)."""
    refresh()
    sent = send_due_saved_search_alerts.delay()
    tasks.wait()
    deliver_pending_emails.delay()
    tasks.wait()
    return sent.get(timeout=30)


@worker_test
def test_a_member_saves_a_search_and_hears_of_a_matching_case_study(
    client, tasks, mail, search_index, home_page
):
    library, _ = ensure_library_structure()
    member = make_member()
    client.force_login(member)

    response = save_from_search_page(client, "/search/?q=geothermal&sectors=energy-supply", "Geothermal heat")
    assert response.status_code == 302
    saved = SavedSearch.objects.get(owner=member)
    assert (saved.name, saved.query, saved.filters) == (
        "Geothermal heat",
        "geothermal",
        {"sectors": ["energy-supply"]},
    )
    assert response["Location"] == saved.search_url()
    assert "Geothermal heat" in client.get("/saved-searches/").content.decode()
    quiet = SavedSearch.objects.create(
        owner=member, name="Nothing new", query="zanthoxylum", frequency="daily"
    )

    # Nothing published yet: no email.
    a_day_passes(saved)
    a_day_passes(quiet)
    assert run_alerts(tasks) == 0
    assert mail.to(member.email) == []

    a_day_passes(saved)
    a_day_passes(quiet)
    matching = CaseStudyPageFactory(
        parent=library, title="Geothermal district heating in Lisbon", slug="geo", live=False
    )
    other_sector = CaseStudyPageFactory(
        parent=library,
        title="Geothermal greenhouses",
        slug="greenhouses",
        live=False,
        sectors=[term(Sector, "afolu")],
    )
    publish(matching)
    publish(other_sector)
    tasks.wait()

    assert run_alerts(tasks) == 1
    (message,) = mail.to(member.email)
    assert message["Subject"].strip() == "[Lodestar] 1 new match for your saved search “Geothermal heat”"
    text = mail.text(message)
    assert absolute_url(matching.url) in text
    assert "Geothermal greenhouses" not in text, "the other sector is filtered out"
    stop = _link(text, "Stop these alerts")
    assert message["List-Unsubscribe"].strip() == f"<{SITE}{stop}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert SavedSearch.objects.get(pk=quiet.pk).last_sent_at > timezone.now() - timedelta(minutes=5)

    # In the app too: the notification leads to the saved search on the search page.
    (notice,) = Notification.objects.filter(recipient=member, kind="saved_search")
    assert notice.text == "1 new match for your saved search “Geothermal heat”"
    assert notice.text in client.get("/forum/notifications/").content.decode()
    opened = client.get(f"/forum/notifications/{notice.pk}/")
    assert opened["Location"] == f"/saved-searches/{saved.pk}/"
    assert client.get(opened["Location"])["Location"] == saved.search_url()

    # The same window is never sent twice.
    mail.clear()
    assert run_alerts(tasks) == 0
    assert mail.to(member.email) == []

    # One click from the email, without logging in: a link scanner's GET changes nothing.
    client.logout()
    assert client.get(stop).status_code == 200
    assert SavedSearch.objects.get(pk=saved.pk).frequency == "daily"
    tampered = stop.replace(stop.split("/")[-2], stop.split("/")[-2][:-3] + "abc")
    assert client.post(tampered).status_code == 400
    assert client.post(stop, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert SavedSearch.objects.get(pk=saved.pk).frequency == "never"
    a_day_passes(saved)
    publish(CaseStudyPageFactory(parent=library, title="Geothermal heat pumps", slug="pumps", live=False))
    tasks.wait()
    assert run_alerts(tasks) == 0
    assert mail.to(member.email) == []


@worker_test
def test_an_alert_lists_only_what_its_owner_may_see(tasks, mail, search_index, home_page):
    library, _ = ensure_library_structure()
    member, moderator = make_member(), make_moderator()
    searches = [
        SavedSearch.objects.create(owner=person, name="Heat", query="geothermal", frequency="weekly")
        for person in (member, moderator)
    ]
    for saved in searches:
        SavedSearch.objects.filter(pk=saved.pk).update(last_sent_at=timezone.now() - timedelta(days=8))
    public = CaseStudyPageFactory(parent=library, title="Geothermal heating for all", slug="open", live=False)
    secret = CaseStudyPageFactory(
        parent=library, title="Geothermal secretariat notes", slug="sec", live=False
    )
    with transaction.atomic():
        restriction = PageViewRestriction.objects.create(
            page=secret, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    publish(public)
    publish(secret)
    tasks.wait()

    assert run_alerts(tasks) == 2
    member_text = mail.text(mail.to(member.email)[0])
    moderator_text = mail.text(mail.to(moderator.email)[0])
    assert "Geothermal heating for all" in member_text
    assert "secretariat" not in member_text
    assert absolute_url(secret.url) not in member_text
    assert absolute_url(secret.url) in moderator_text
    (member_notice,) = Notification.objects.filter(recipient=member, kind="saved_search")
    assert member_notice.text.startswith("1 new match ")


@worker_test
def test_a_deleted_term_is_left_out_with_a_notice_in_the_list_the_search_and_the_alert(
    client, tasks, mail, search_index, home_page
):
    library, _ = ensure_library_structure()
    member = make_member()
    hydrogen = Sector.objects.create(name="Hydrogen valleys", slug="hydrogen-valleys")
    client.force_login(member)
    response = save_from_search_page(
        client, "/search/?q=geothermal&sectors=energy-supply&sectors=hydrogen-valleys", "Two sectors"
    )
    assert response.status_code == 302
    saved = SavedSearch.objects.get(owner=member)
    hydrogen.delete()

    listing = client.get("/saved-searches/").content.decode()
    notice = "Sector “Hydrogen valleys” no longer exists, so this search runs without it."
    assert notice in listing
    run = client.get(f"/saved-searches/{saved.pk}/", follow=True)
    assert run.status_code == 200
    assert run.redirect_chain[0][0] == "/search/?q=geothermal&sectors=energy-supply"
    assert notice in run.content.decode()

    a_day_passes(saved)
    publish(CaseStudyPageFactory(parent=library, title="Geothermal in the Azores", slug="azores", live=False))
    tasks.wait()
    assert run_alerts(tasks) == 1
    text = mail.text(mail.to(member.email)[0])
    assert "Geothermal in the Azores" in text
    assert notice in text


@pytest.mark.django_db
def test_an_unsubscribe_link_with_a_bad_signature_is_a_400_and_changes_nothing(client):
    member = make_member()
    saved = SavedSearch.objects.create(owner=member, name="Heat", query="geothermal", frequency="daily")
    token = unsubscribe_token(saved)
    for bad in [token[:-2] + "xx", "not-a-token", token.replace(":", "")]:
        response = client.post(f"/saved-searches/unsubscribe/{bad}/")
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    assert OutgoingEmail.objects.count() == 0
    assert SavedSearch.objects.get(pk=saved.pk).frequency == "daily"


@pytest.mark.django_db
def test_a_page_published_just_before_an_alert_waits_for_the_next_one_and_is_never_sent_twice(
    settings, search_index, home_page
):
    """Indexing takes a moment: each window ends SAVED_SEARCH_INDEXING_GRACE_SECONDS ago, so a page
    published in the last minutes goes in the next alert instead of falling between two windows."""
    settings.SAVED_SEARCH_INDEXING_GRACE_SECONDS = 600
    library, _ = ensure_library_structure()
    member = make_member()
    now = timezone.now()
    saved = SavedSearch.objects.create(
        owner=member, name="Heat", query="geothermal", frequency="daily", last_sent_at=now - timedelta(days=2)
    )
    CaseStudyPageFactory(
        parent=library,
        title="Geothermal heat network",
        slug="net",
        first_published_at=now - timedelta(minutes=5),
    )
    maintenance.repair(maintenance.check())
    refresh()

    assert alert_send(saved_search_id=saved.pk, now=now) is False
    assert SavedSearch.objects.get(pk=saved.pk).last_sent_at == now - timedelta(minutes=10)
    assert alert_send(saved_search_id=saved.pk, now=now + timedelta(hours=23)) is False, "not due yet"

    assert alert_send(saved_search_id=saved.pk, now=now + timedelta(days=1)) is True
    (email,) = OutgoingEmail.objects.filter(to=[member.email])
    assert "Geothermal heat network" in email.body_text
    assert alert_send(saved_search_id=saved.pk, now=now + timedelta(days=2)) is False
    assert OutgoingEmail.objects.filter(to=[member.email]).count() == 1
