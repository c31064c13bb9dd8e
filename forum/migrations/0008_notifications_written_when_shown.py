"""Notifications recorded with English text become what happened, so they read in any language.

Forum notifications (reply, new topic, mention, accepted answer) are written from their actor,
topic and post, which they already have: their stored text is dropped. Moderation notices and
saved-search notices whose English text matches what Lodestar wrote get their parameters back;
any other text is kept and shown as it was.
"""

import re
from datetime import UTC, datetime

from django.db import migrations

FROM_LINKS = ["reply", "new_topic", "mention", "accepted"]

SAVED_SEARCH = re.compile(r"^(?P<count>\d+) new match(?:es)? for your saved search “(?P<name>.*)”$", re.S)
MODERATION = [
    (re.compile(r"^Your post in “.*” is approved\.$", re.S), "approved"),
    (re.compile(r"^A moderator hid your post in “.*”\. Reason: (?P<reason>.*)$", re.S), "hidden"),
    (re.compile(r"^Your post in “.*” is visible again\.$", re.S), "visible"),
    (
        re.compile(r"^You cannot post in the forum until (?P<until>\d{2} \w+ \d{4} \d{2}:\d{2}) UTC\. Reason: (?P<reason>.*)$", re.S),
        "suspended",
    ),
]


def _moderation_params(message: str) -> dict:
    for pattern, decision in MODERATION:
        match = pattern.match(message)
        if match is None:
            continue
        params = {"decision": decision, **match.groupdict()}
        if "until" in params:
            try:
                params["until"] = datetime.strptime(params["until"], "%d %B %Y %H:%M").replace(tzinfo=UTC).isoformat()
            except ValueError:
                return {}
        return params
    return {}


def forward(apps, schema_editor):
    Notification = apps.get_model("forum", "Notification")
    Notification.objects.filter(kind__in=FROM_LINKS, topic__isnull=False).update(message="")
    for row in Notification.objects.filter(kind__in=["moderation", "saved_search"], params={}).only("message", "kind"):
        if row.kind == "saved_search":
            match = SAVED_SEARCH.match(row.message)
            params = {"count": int(match["count"]), "name": match["name"]} if match else {}
        else:
            params = _moderation_params(row.message)
        if params:
            row.params = params
            row.message = ""
            row.save(update_fields=["params", "message"])


class Migration(migrations.Migration):
    dependencies = [("forum", "0007_post_language_notification_params")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
