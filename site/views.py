"""Project-wide views."""

from django.shortcuts import render


def rate_limited(request, exception=None):
    """Shown by django-ratelimit when someone has done something too often."""
    return render(request, "429.html", status=429)
