"""Recording content changes for indexing, in the transaction that makes them.

Signal handlers (search/signals.py) call `record_changes()`. It upserts one outbox row per object,
taking a new version from the database sequence, inside the current transaction: if the change
commits, so does its row; if it rolls back, nothing is left behind. After the commit, one task per
transaction is sent to index the rows; if the broker is unreachable, the rows simply stay pending
and the periodic drain (search.tasks.drain_search_outbox) indexes them later.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from django.db import connection, transaction

from lodestar.queue import send_task

from .tasks import index_changes

logger = logging.getLogger(__name__)

# `ON CONFLICT ... DO UPDATE` locks the existing row and evaluates nextval() only once it holds the
# lock, so two transactions changing the same object get versions in the order they commit.
# Keys are sorted so that two transactions touching the same objects lock them in the same order.
_UPSERT = """
INSERT INTO search_indexoutbox (document_type, object_id, version, indexed_version, changed_at)
SELECT %s, key.object_id, nextval('search_index_version'), 0, now()
FROM unnest(%s::bigint[]) AS key(object_id)
ORDER BY key.object_id
ON CONFLICT (document_type, object_id)
DO UPDATE SET version = nextval('search_index_version'), changed_at = now()
"""


class _Pending(threading.local):
    """Keys changed in this thread since the last commit, to send in one task."""

    def __init__(self):
        self.keys: set[tuple[str, int]] = set()


_pending = _Pending()


def record_changes(document_type: str, object_ids: Iterable[int], *, dispatch: bool = True) -> None:
    """Mark objects as changed for search; call inside the transaction that changes them.

    `dispatch=False` leaves the rows for the caller (repair) or the periodic drain to index.
    """
    ids = sorted({int(i) for i in object_ids if i is not None})
    if not ids:
        return
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT, [document_type, ids])
    if not dispatch:
        return
    _pending.keys.update((document_type, i) for i in ids)
    # Every commit sends what is buffered; later callbacks of the same commit find the buffer empty.
    # Keys of a rolled-back transaction may ride along with the next commit: indexing them again
    # is harmless (it re-reads the database).
    transaction.on_commit(_dispatch)


def _dispatch() -> None:
    if not _pending.keys:
        return
    keys, _pending.keys = sorted(_pending.keys), set()
    send_index_task(keys)


def send_index_task(keys: list[tuple[str, int]]) -> bool:
    """Queue indexing of these objects; on a broker failure, leave them to the drain and say so."""
    if send_task(index_changes, [list(key) for key in keys]) is None:
        logger.warning(
            "Could not queue search indexing of %d object(s); the periodic drain will index them.", len(keys)
        )
        return False
    return True
