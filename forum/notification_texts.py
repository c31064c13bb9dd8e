"""The words of a notification, written when it is shown, in the language active at that moment.

A notification stores what happened (its kind, actor, topic, post and `params`), never its text, so
the in-app list speaks the page's language and an email its recipient's (forum.notifications wraps
the email in `translation.override`). Rows recorded before this kept their English `message`,
which is shown as is when nothing else is known about them.

This module imports no models: forum.models uses it for `Notification.text`.
"""

from datetime import datetime

from django.utils import formats
from django.utils.translation import gettext, ngettext, pgettext

# A moderator's decisions about a member's post or account (`params["decision"]`).
APPROVED = "approved"
HIDDEN = "hidden"
VISIBLE = "visible"
SUSPENDED = "suspended"


def actor_name(actor) -> str:
    if actor is None:
        return gettext("A former member")
    profile = getattr(actor, "profile", None)
    return profile.display_name if profile else gettext("A member")


def _when(value: str) -> str:
    """A stored ISO date and time, in the reader's language ("4 December 2026 18:00")."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value)
    return formats.date_format(moment, pgettext("suspension end, date and time", "j F Y H:i"))


def notification_text(notification) -> str:
    """What a member reads about one notification (plain text; templates escape it)."""
    kind = notification.kind
    params = notification.params or {}
    if notification.message and not params and kind in ("moderation", "saved_search"):
        return notification.message  # recorded before texts were written at display time
    topic = notification.topic if notification.topic_id else None
    title = topic.title if topic else gettext("a deleted topic")
    values = {"name": actor_name(notification.actor), "title": title}
    if kind == "reply":
        return gettext("%(name)s replied to “%(title)s”") % values
    if kind == "mention":
        return gettext("%(name)s mentioned you in “%(title)s”") % values
    if kind == "new_topic":
        values["category"] = topic.category.name if topic else ""
        return gettext("%(name)s started “%(title)s” in %(category)s") % values
    if kind == "accepted":
        return gettext("%(name)s accepted your reply as the answer in “%(title)s”") % values
    if kind == "saved_search":
        count = int(params.get("count", 0))
        return ngettext(
            "%(count)s new match for your saved search “%(name)s”",
            "%(count)s new matches for your saved search “%(name)s”",
            count,
        ) % {"count": count, "name": params.get("name", "")}
    if kind == "moderation":
        decision = params.get("decision")
        values["reason"] = params.get("reason", "")
        if decision == APPROVED:
            return gettext("Your post in “%(title)s” is approved.") % values
        if decision == HIDDEN:
            return gettext("A moderator hid your post in “%(title)s”. Reason: %(reason)s") % values
        if decision == VISIBLE:
            return gettext("Your post in “%(title)s” is visible again.") % values
        if decision == SUSPENDED:
            values["until"] = _when(params.get("until", ""))
            return gettext("You cannot post in the forum until %(until)s UTC. Reason: %(reason)s") % values
    return notification.message or gettext("Something happened in the forum.")
