"""A member saves a search in the browser, a matching case study is published, the alert arrives by
email and in the app, and its one-click link stops the alerts (real worker, index and mailbox)."""

import re
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from playwright.sync_api import expect

from lodestar.links import absolute_url
from lodestar.mail.tasks import deliver_pending_emails
from saved_searches.models import SavedSearch
from saved_searches.tasks import send_due_saved_search_alerts
from tests.browser.helpers import log_in, page_for
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure
from tests.search.conftest import refresh

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def mail(mail):
    for folder in ("tmp", "new", "cur"):
        (mail.path / folder).mkdir(parents=True, exist_ok=True)
    return mail


def test_a_member_saves_a_search_and_the_alert_brings_the_new_case_study(
    page, browser, live_server, member, tasks, mail, search_index, home_page
):
    library, _ = ensure_library_structure()
    log_in(page, member.email)
    page.goto("/search/?q=geothermal")
    save_box = page.get_by_role("region", name="Save this search")
    expect(save_box.get_by_label("Name of this search")).to_have_value("geothermal")
    save_box.get_by_label("Name of this search").fill("Geothermal heat")
    save_box.get_by_label("Email me new matches").select_option("daily")
    save_box.get_by_role("button", name="Save search").click()
    expect(page.get_by_text("Saved “Geothermal heat”")).to_be_visible()

    page.goto("/members/profile/")
    page.get_by_role("link", name="Saved searches").click()
    expect(page.get_by_role("heading", name="Geothermal heat")).to_be_visible()

    # A day later a matching case study is published; the worker indexes it.
    SavedSearch.objects.update(last_sent_at=timezone.now() - timedelta(days=1, seconds=1))
    case = CaseStudyPageFactory(parent=library, title="Geothermal district heating", slug="geo", live=False)
    with transaction.atomic():
        case.save_revision().publish()
    tasks.wait()
    refresh()
    send_due_saved_search_alerts.delay()
    tasks.wait()
    deliver_pending_emails.delay()
    tasks.wait()

    (email,) = mail.to(member.email)
    text = mail.text(email)
    assert absolute_url(case.url) in text

    # In the app: the notification opens the saved search, which finds the case study.
    page.goto("/forum/notifications/")
    page.get_by_role("link", name="1 new match for your saved search “Geothermal heat”").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=geothermal$"))
    expect(page.locator(".search-hit__title")).to_have_text(["Geothermal district heating"])

    # The email's one-click link works without signing in.
    stop = re.search(r"Stop these alerts: (\S+)", text).group(1).replace(absolute_url("/")[:-1], "")
    visitor = page_for(browser, live_server)
    visitor.goto(stop)
    visitor.get_by_role("button", name="Stop alerts").click()
    expect(visitor.get_by_text("You will not get alerts for “Geothermal heat” any more.")).to_be_visible()
    assert SavedSearch.objects.get().frequency == "never"
