import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from cases.models import FeaturedCase
from cases.selectors import featured_cases

from .factories import CaseStudyPageFactory, feature

pytestmark = pytest.mark.django_db


def card_titles(html, section_id="featured-title") -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    heading = soup.find(id=section_id)
    if heading is None:
        return []
    return [h.get_text(strip=True) for h in heading.find_parent("section").select(".case-card__title")]


def test_featured_cases_keep_the_secretariats_order(library):
    first, second, third = (
        CaseStudyPageFactory(parent=library, title=t) for t in ["B first", "A second", "C third"]
    )
    feature(first, second, third)

    assert [entry.case_study.title for entry in featured_cases(FeaturedCase.objects)] == [
        "B first",
        "A second",
        "C third",
    ]


def test_expired_entries_drop_out_by_themselves(library, time_machine):
    today = timezone.localdate()
    lasting = CaseStudyPageFactory(parent=library, title="Lasting")
    until_today = CaseStudyPageFactory(parent=library, title="Until today")
    feature(lasting)
    feature(until_today, until=today)

    assert [e.case_study.title for e in featured_cases(FeaturedCase.objects)] == ["Lasting", "Until today"]
    time_machine.move_to(today + datetime.timedelta(days=1, hours=12))
    assert [e.case_study.title for e in featured_cases(FeaturedCase.objects)] == ["Lasting"]


def test_the_home_page_shows_exactly_the_live_unexpired_featured_cases(client, library):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    live = CaseStudyPageFactory(parent=library, title="Live and current")
    expired = CaseStudyPageFactory(parent=library, title="Expired")
    unpublished = CaseStudyPageFactory(parent=library, title="Unpublished since")
    not_featured = CaseStudyPageFactory(parent=library, title="Not featured")
    feature(live)
    feature(expired, until=yesterday)
    feature(unpublished)
    unpublished.unpublish()

    html = client.get("/").content.decode()

    assert card_titles(html) == ["Live and current"]
    assert not_featured.title not in html
    soup = BeautifulSoup(html, "html.parser")
    card = soup.find(class_="case-card")
    assert "Portugal" in card.get_text() and "Energy supply" in card.get_text()
    assert card.find("a")["href"] == live.url


def test_the_home_page_shows_at_most_six_cards(client, library):
    feature(*[CaseStudyPageFactory(parent=library) for _ in range(8)])
    assert len(card_titles(client.get("/").content.decode())) == 6


def test_the_library_shows_featured_cases_first_on_its_unfiltered_first_page(client, library):
    CaseStudyPageFactory(parent=library, title="Ordinary")
    feature(CaseStudyPageFactory(parent=library, title="Featured one"))

    html = client.get("/library/").content.decode()
    assert card_titles(html) == ["Featured one"]
    assert html.index("Featured one") < html.index("Ordinary")
    assert card_titles(client.get("/library/?sector=transport").content.decode()) == []
