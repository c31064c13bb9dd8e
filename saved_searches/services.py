"""Every write of saved searches: saving, changing, deleting, unsubscribing, and sending alerts.

An alert covers a window of publication dates, from the end of the last window to now minus
SAVED_SEARCH_INDEXING_GRACE_SECONDS (a page published a moment ago may not be indexed yet; it
falls in the next window instead of being missed). The search runs through the query service as
the member, so an alert never lists what the member may not see. The email is queued in the
durable outbox and the in-app notification written in the transaction that moves the window on,
so a crash or a second worker never sends a window twice or skips one. Nothing new: no email.
"""

from __future__ import annotations

import html
import logging
from dataclasses import replace
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext, ngettext

from forum.notifications import saved_search_notify
from lodestar.languages import in_language
from lodestar.links import absolute_url
from lodestar.mail.headers import one_click_unsubscribe
from lodestar.mail.services import email_queue
from lodestar.members.selectors import preferred_language
from lodestar.permissions import can_receive_saved_search_alert
from search.selectors import FACETS, QueryRejected, SearchUnavailable, search_content

from .models import SavedSearch
from .selectors import at_limit, due_saved_search_ids, missing_notice, search_request_of

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "saved_searches.unsubscribe"


# --- Signed one-click unsubscribe links ---------------------------------------------------------


def unsubscribe_token(saved: SavedSearch) -> str:
    return signing.dumps({"s": saved.pk, "u": saved.owner_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, int]:
    """The (saved search id, owner id) of a link; raises signing.BadSignature when forged or altered."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(data, dict) or not all(isinstance(data.get(k), int) for k in ("s", "u")):
        raise signing.BadSignature("malformed unsubscribe token")
    return data["s"], data["u"]


def unsubscribe_url(saved: SavedSearch) -> str:
    return absolute_url(reverse("saved_searches:unsubscribe", kwargs={"token": unsubscribe_token(saved)}))


@transaction.atomic
def saved_search_unsubscribe(*, saved_search_id: int, owner_id: int) -> SavedSearch | None:
    """Stop the alerts of one saved search (it stays in the member's list); None if it is gone."""
    saved = SavedSearch.objects.filter(pk=saved_search_id, owner_id=owner_id).first()
    if saved is not None and saved.frequency != SavedSearch.Frequency.NEVER:
        saved.frequency = SavedSearch.Frequency.NEVER
        saved.save(update_fields=["frequency"])
    return saved


# --- The member's own writes ----------------------------------------------------------------------


def _labels(filters: dict[str, list[str]], user) -> dict[str, dict[str, str]]:
    """What each chosen value is called now (only names this member may see), kept for notices."""
    labels = {}
    for facet in FACETS:
        values = filters.get(facet.name)
        if not values:
            continue
        names = facet.labels(values)
        if facet.nameable is not None:
            nameable = facet.nameable(user, names)
            names = {v: n for v, n in names.items() if v in nameable}
        labels[facet.name] = names
    return labels


def saved_search_create(*, owner, name: str, query: str, filters: dict, frequency: str) -> SavedSearch:
    """Save a search for its owner; ValidationError (with the field) for a taken name or a full list."""
    with transaction.atomic():
        if at_limit(owner):
            raise ValidationError(
                gettext(
                    "You have %(limit)s saved searches, the most one can keep. "
                    "Delete one you no longer need first."
                )
                % {"limit": settings.SAVED_SEARCH_LIMIT}
            )
        try:
            with transaction.atomic():
                return SavedSearch.objects.create(
                    owner=owner,
                    name=name,
                    query=query,
                    filters=filters,
                    filter_labels=_labels(filters, owner),
                    frequency=frequency,
                    last_sent_at=timezone.now(),
                )
        except IntegrityError as error:
            raise ValidationError(
                {
                    "name": gettext("You already have a saved search called “%(name)s”; choose another name.")
                    % {"name": name}
                }
            ) from error


@transaction.atomic
def saved_search_set_frequency(*, saved: SavedSearch, frequency: str) -> SavedSearch:
    saved.frequency = frequency
    if frequency != SavedSearch.Frequency.NEVER and saved.last_sent_at < timezone.now() - timedelta(days=7):
        saved.last_sent_at = timezone.now()  # alerts turned back on: new from now, not a backlog
    saved.save(update_fields=["frequency", "last_sent_at"])
    return saved


@transaction.atomic
def saved_search_delete(*, saved: SavedSearch) -> None:
    saved.delete()


# --- Alerts -------------------------------------------------------------------------------------------


def _plain(text) -> str:
    """A hit's highlighted title (escaped HTML with <mark>) as plain text for the text email."""
    return html.unescape(strip_tags(str(text)))


def alert_send(*, saved_search_id: int, now=None) -> bool:
    """Email and notify one saved search's new matches if its period has passed; returns whether it did.

    Raises SearchUnavailable (the window stays where it was, so the next run covers it).
    """
    now = now or timezone.now()
    up_to = now - timedelta(seconds=settings.SAVED_SEARCH_INDEXING_GRACE_SECONDS)
    with transaction.atomic():
        saved = (
            SavedSearch.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("owner__profile")
            .filter(pk=saved_search_id)
            .first()
        )
        period = SavedSearch.PERIODS.get(saved.frequency) if saved else None
        if period is None or saved.last_sent_at > up_to - period:
            return False  # gone, alerts off, locked by another worker, or not due yet
        owner = saved.owner
        if not can_receive_saved_search_alert(owner):
            saved.last_sent_at = up_to  # no backlog for an account that lost membership
            saved.save(update_fields=["last_sent_at"])
            return False
        request, gone = search_request_of(
            saved,
            owner,
            sort="date",
            per_page=settings.SAVED_SEARCH_ALERT_MAX_ITEMS,
        )
        window = (saved.last_sent_at, up_to)
        try:
            results = search_content(user=owner, request=replace(request, published_between=window))
        except QueryRejected:
            logger.warning("Saved search %s cannot be run; its window moves on", saved.pk, exc_info=True)
            results = None
        saved.last_sent_at = up_to
        saved.save(update_fields=["last_sent_at"])
        if results is None or not results.total:
            return False
        with translation.override(preferred_language(owner)):  # the owner's language, links included
            see_all = absolute_url(saved.get_absolute_url())
            context = {
                "saved": saved,
                "total": results.total,
                "items": [
                    {
                        "title": _plain(hit.title),
                        "type": hit.content_type_label,
                        "url": absolute_url(in_language(hit.url, translation.get_language())),
                        "date": hit.date,
                    }
                    for hit in results.hits
                ],
                "more": results.total - len(results.hits),
                "notice": missing_notice(gone) if gone else "",
                "see_all_url": see_all,
                "manage_url": absolute_url(reverse("saved_searches:list")),
                "unsubscribe_url": unsubscribe_url(saved),
            }
            subject = ngettext(
                "%(count)s new match for your saved search “%(name)s”",
                "%(count)s new matches for your saved search “%(name)s”",
                results.total,
            ) % {"count": results.total, "name": saved.name}
            email_queue(
                to=[owner.email],
                subject=f"[Lodestar] {subject}",
                text=render_to_string("saved_searches/email/alert.txt", context),
                html=render_to_string("saved_searches/email/alert.html", context),
                headers=one_click_unsubscribe(context["unsubscribe_url"]),
            )
        saved_search_notify(
            recipient_id=owner.pk, name=saved.name, count=results.total, url=saved.get_absolute_url()
        )
        return True


def alerts_send_due(*, now=None) -> int:
    """Send every due alert; a search engine outage leaves the rest for the next run. Returns how many."""
    now = now or timezone.now()
    up_to = now - timedelta(seconds=settings.SAVED_SEARCH_INDEXING_GRACE_SECONDS)
    sent = 0
    for saved_search_id in due_saved_search_ids(up_to=up_to):
        try:
            sent += alert_send(saved_search_id=saved_search_id, now=now)
        except SearchUnavailable:
            logger.warning("Saved search alerts: search unavailable; the next run catches up", exc_info=True)
            break
    return sent
