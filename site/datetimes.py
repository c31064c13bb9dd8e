"""Dates and times in markup: `{{ value|iso_datetime }}` for `<time datetime>`.

Django's `date:'c'` keeps microseconds ("...T16:20:16.683556+00:00"), which HTML does not allow
(a fraction of a second has one to three digits): this gives whole seconds in the current time
zone, or the date alone for a date.
"""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def iso_datetime(value) -> str:
    """A valid HTML datetime: '2026-11-29T16:20:16+00:00', '2026-11-29' for a date, '' for none."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
