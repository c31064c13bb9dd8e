"""Every absolute link that leaves the site (API, CSV, feeds, sitemap; emails in test_workflow) opens: it
names the configured public address, never a bare `localhost` without the port the site runs on."""

import csv
import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Site

from lodestar.links import configure_site, site_address

from .factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db

LOCALHOST_WITHOUT_PORT = re.compile(r"//localhost(?![:\d])(?=[/\"'\s<]|$)")
ANY_ABSOLUTE = re.compile(r"https?://[^\s\"'<>]+")


def absolute_links(text: str) -> list[str]:
    return [url for url in ANY_ABSOLUTE.findall(text) if "w3.org" not in url and "sitemaps.org" not in url]


def test_migrate_points_the_site_at_the_configured_address(settings, home_page):
    settings.WAGTAILADMIN_BASE_URL = "https://lodestar.example.net"
    call_command("migrate", verbosity=0)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("lodestar.example.net", 443)
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    configure_site()
    assert site_address() == ("127.0.0.1", 8000)
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"


def test_api_csv_feed_and_email_links_all_name_the_public_address(client, settings, library, home_page):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    assert base == "http://127.0.0.1:8000", "make run's address is the default"
    page = CaseStudyPageFactory(parent=library, title="Reachable")

    api = client.get("/api/v2/pages/", {"type": "cases.CaseStudyPage"}).json()["items"][0]["meta"]
    export = b"".join(client.get("/library/export/").streaming_content).decode()
    [row] = list(csv.DictReader(io.StringIO(export)))
    feed = client.get("/forum/feed/").content.decode() + client.get("/library/feed/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode() + client.get("/sitemap-pages.xml").content.decode()

    links = {
        "API html_url": api["html_url"],
        "API detail_url": api["detail_url"],
        "CSV url": row["url"],
        **{f"feed link {n}": url for n, url in enumerate(absolute_links(feed))},
        **{f"sitemap link {n}": url for n, url in enumerate(absolute_links(sitemap))},
    }
    assert len(links) >= 8
    for name, url in links.items():
        assert not LOCALHOST_WITHOUT_PORT.search(url), f"{name} names localhost without the port: {url}"
        assert url.startswith(base + "/"), f"{name} does not open on the site: {url}"
    assert links["CSV url"] == links["API html_url"] == f"{base}{page.url}"
    assert f"{base}{page.url}" in feed and f"<loc>{base}{page.url}</loc>" in sitemap
