"""Steps that several journeys share: signing in as someone in a browser context of their own, and
picking the demo pages that checks of whole pages (axe, Lighthouse, the Nu checker) look at."""

import re

from django.db.models import Count
from playwright.sync_api import Browser, Page, expect

# The password every user factory gives (tests/members/factories.py).
PASSWORD = "a long passphrase for tests"


def log_in(page: Page, email: str, password: str = PASSWORD) -> Page:
    """Sign in through the real log-in form and wait until the site greets the person."""
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label(re.compile(r"^Password")).fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    return page


def page_for(browser: Browser, live_server, user=None) -> Page:
    """A page in a browser context of its own (its own cookies), signed in as `user` when given."""
    page = browser.new_context(base_url=live_server.url).new_page()
    if user is not None:
        log_in(page, user.email)
    return page


def unread_badge(page: Page):
    """The unread count next to "Notifications" in the header."""
    return page.get_by_role("navigation", name="Account").get_by_role(
        "link", name=re.compile(r"^Notifications")
    )


def richest(queryset, *relations):
    """The live page with the most related content, so the check covers as much of the template."""
    return (
        queryset.live()
        .annotate(**{f"n_{r}": Count(r, distinct=True) for r in relations})
        .order_by(*[f"-n_{r}" for r in relations], "pk")
        .first()
    )
