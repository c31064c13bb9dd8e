"""django-axes: one lockout per account and address, whichever log-in form was used.

The public log-in (allauth) names the account in its "login" field, the Wagtail admin's in
"username", and either may be typed as the email address or the username. All are reduced to
the account's email address, so five failures at /admin/login/ lock that account (from that
address) out of /accounts/login/ too, and the other way round; other accounts and addresses are
not affected.
"""

from axes.helpers import get_cool_off
from django.conf import settings
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.timesince import timeuntil

from .models import User

_NAME_FIELDS = ("login", "email", "username")


def login_name(request, credentials) -> str | None:
    """AXES_USERNAME_CALLABLE: the account an attempt is for, as its email address when it exists."""
    typed = None
    for source in (credentials or {}, getattr(request, "POST", None) or {}):
        typed = next((source.get(f) for f in _NAME_FIELDS if source.get(f)), None)
        if typed:
            break
    if not typed:
        return None
    typed = str(typed).strip().lower()[:255]
    account = User.objects.filter(Q(email__iexact=typed) | Q(username__iexact=typed)).only("email").first()
    return account.email.lower() if account and account.email else typed


def readable_wait(delta) -> str:
    """30 minutes, 1 hour, 1 hour, 30 minutes: how long a lockout lasts, for people."""
    now = timezone.now()
    return timeuntil(now + delta, now)


def locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the lockout page, saying in words when to try again."""
    cool_off = get_cool_off(request)
    return render(
        request,
        settings.AXES_LOCKOUT_TEMPLATE,
        {"retry_in": readable_wait(cool_off) if cool_off else ""},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
