"""`<time datetime>` values are valid HTML: whole seconds in the site's time zone, or a date."""

import datetime
from zoneinfo import ZoneInfo

from django.template import engines
from django.test import override_settings

from lodestar.datetimes import iso_datetime


def render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


def test_an_instant_loses_its_microseconds_and_keeps_its_offset():
    moment = datetime.datetime(2026, 11, 29, 16, 20, 16, 683556, tzinfo=datetime.UTC)

    shown = render("{% load datetimes %}{{ moment|iso_datetime }}", moment=moment)

    assert shown == "2026-11-29T16:20:16+00:00"


@override_settings(TIME_ZONE="Europe/Lisbon")
def test_an_instant_is_shown_in_the_sites_time_zone():
    summer = datetime.datetime(2026, 7, 1, 12, 0, 0, 1, tzinfo=ZoneInfo("UTC"))

    assert iso_datetime(summer) == "2026-07-01T13:00:00+01:00"


def test_a_date_is_a_date_and_nothing_is_empty():
    assert iso_datetime(datetime.date(2026, 12, 3)) == "2026-12-03"
    assert iso_datetime(None) == ""
    assert iso_datetime("") == ""
