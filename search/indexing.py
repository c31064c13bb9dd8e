"""Bringing Elasticsearch up to date with the database: indexing objects and draining the outbox.

Every write carries the object's outbox version as an external version (`external_gte`), so
whichever order tasks, the drain, a repair or a rebuild run in, the newest state wins and an
older one is refused by Elasticsearch itself. Deletes are versioned the same way. Checking,
repairing and rebuilding the whole index are search.maintenance's.
"""

from __future__ import annotations

import contextlib
import logging
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from elasticsearch import NotFoundError
from elasticsearch.helpers import streaming_bulk

from cases.filters import forget_term_names
from lodestar.visitor_cache import bump_generation
from lodestar.vocabularies import labels as term_labels

from .client import indexing_client
from .documents import DOCUMENTS, document_for, index_definition, read_alias, write_alias
from .models import IndexOutbox

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500


# --- Indexes and aliases --------------------------------------------------------------------------


def new_index_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-content-v{timezone.now():%Y%m%d%H%M%S%f}"


def target_alias(index_name: str) -> str:
    """Each index's own alias, which writes go through with `require_alias`.

    A task that resolved its targets just before a rebuild dropped the old index would otherwise
    re-create that index by writing to it (auto-create). Through an alias that vanished with the
    index, the write fails instead, and it is skipped as harmless (see send_actions).
    """
    return f"{index_name}-writer"


def create_index(name: str, *, shards: int = 1) -> None:
    """Create a content index with its own alias; `shards`: see search.documents.shards_for."""
    body = index_definition(name, shards=shards)
    body["aliases"] = {target_alias(name): {}}
    indexing_client().indices.create(index=name, body=body)


def indexes_behind(alias: str) -> list[str]:
    try:
        return sorted(indexing_client().indices.get_alias(name=alias))
    except NotFoundError:
        return []


def write_targets() -> list[str]:
    """Where indexing writes now (creating the first index when there is none)."""
    return [target_alias(name) for name in ensure_index()]


def ensure_index() -> list[str]:
    """Create the first index and its aliases when there is none yet; return the indexes written to."""
    targets = indexes_behind(write_alias())
    if targets:
        return targets
    client = indexing_client()
    name = new_index_name()
    create_index(name)
    client.indices.update_aliases(
        actions=[
            {"add": {"index": name, "alias": read_alias()}},
            {"add": {"index": name, "alias": write_alias()}},
        ]
    )
    targets = indexes_behind(write_alias())
    if len(targets) > 1 and not _rebuild_in_progress():
        targets = keep_oldest(targets)
    return targets


def keep_oldest(targets: list[str]) -> list[str]:
    """Two processes raced to create the first index: keep the oldest, drop the others.

    Both may see the same pair and drop the same index; the one that comes second finds it gone,
    which is the outcome it wanted, not an error. (`ignore_unavailable` covers an index already
    gone; two deletes at the same moment still answer 404 to one of them.) Deleting an index
    removes its aliases with it.
    """
    keep, *extra = sorted(targets)
    with contextlib.suppress(NotFoundError):  # the other process deleted it meanwhile
        indexing_client().indices.delete(index=",".join(extra), ignore_unavailable=True)
    return [keep]


def _rebuild_in_progress() -> bool:
    return len(indexes_behind(write_alias())) > len(indexes_behind(read_alias()))


# --- Turning objects into bulk actions ----------------------------------------------------------


@dataclass
class SyncResult:
    indexed: int = 0
    deleted: int = 0
    superseded: int = 0  # a newer version was already in the index
    failed: dict[str, str] = field(default_factory=dict)  # document id -> why Elasticsearch refused it

    def __iadd__(self, other: SyncResult) -> SyncResult:
        self.indexed += other.indexed
        self.deleted += other.deleted
        self.superseded += other.superseded
        self.failed.update(other.failed)
        return self


def _actions_for(document_type: str, object_ids: list[int], targets: Callable[[], list[str]]):
    """Read the objects' current state and versions, then build index and delete actions."""
    document = document_for(document_type)
    objects = list(document.indexable_with_versions().filter(pk__in=object_ids))
    found = {obj.pk for obj in objects}
    gone = _gone_with_versions(document, [i for i in object_ids if i not in found])
    # Resolve the write targets only after reading the database (see rebuild()).
    indexes = targets()
    forget_term_names()
    term_labels.forget()  # documents carry the terms' names: this batch reads them as they are now
    actions, stamped = [], {}
    for obj in objects:
        source = document.source(obj)
        stamped[(document_type, obj.pk)] = obj.search_version
        actions.extend(
            {
                "_op_type": "index",
                "_index": index,
                "_id": document.document_id(obj.pk),
                "version": obj.search_version,
                "version_type": "external_gte",
                "_source": source,
            }
            for index in indexes
        )
    for object_id, version in gone.items():
        stamped[(document_type, object_id)] = version
        actions.extend(
            {
                "_op_type": "delete",
                "_index": index,
                "_id": document.document_id(object_id),
                "version": version,
                "version_type": "external_gte",
            }
            for index in indexes
        )
    return actions, stamped


def _gone_with_versions(document, object_ids: list[int]) -> dict[int, int]:
    """Objects that may not be found, each with the version it had when that was read.

    Both come from one statement (one snapshot): a version read after the state could belong to a
    change that made the object findable again, and a delete stamped with it would remove that
    newer document and mark it indexed. An object findable again by now is left out: its change
    has a newer version, which its own task (or the drain) indexes.
    """
    if not object_ids:
        return {}
    findable = document.get_queryset().filter(pk=OuterRef("object_id"))
    rows = (
        IndexOutbox.objects.filter(document_type=document.document_type, object_id__in=object_ids)
        .annotate(findable=Exists(findable))
        .values_list("object_id", "version", "findable")
    )
    recorded = {object_id: (version, is_findable) for object_id, version, is_findable in rows}
    gone = {object_id: version for object_id, (version, is_findable) in recorded.items() if not is_findable}
    # Never recorded in the outbox (nothing to supersede): a version-0 delete only removes a
    # document written outside the outbox with version 0.
    gone.update({object_id: 0 for object_id in object_ids if object_id not in recorded})
    return gone


def send_actions(actions: Iterable[dict]) -> SyncResult:
    """Send bulk actions; a refused older version or a missing document to delete is not an error.

    Connection failures raise (the task is retried); documents Elasticsearch refuses (a bad value,
    say) are returned in `failed`, so that one bad document does not hold back the others.
    """
    result = SyncResult()
    for ok, item in streaming_bulk(
        indexing_client(),
        actions,
        chunk_size=CHUNK_SIZE,
        raise_on_error=False,
        raise_on_exception=True,
        max_retries=2,
        initial_backoff=1,
        require_alias=True,
    ):
        op, info = next(iter(item.items()))
        status = info.get("status")
        if ok:
            if op == "delete":
                result.deleted += 1
            else:
                result.indexed += 1
        elif status == 409:
            result.superseded += 1
        elif op == "delete" and status == 404 and "error" not in info:
            result.deleted += 1  # nothing to delete
        elif status == 404 and info.get("error", {}).get("type") == "index_not_found_exception":
            result.superseded += 1  # the index was retired by a rebuild meanwhile
        else:
            result.failed[info.get("_id", "?")] = str(info.get("error", info))[:500]
    return result


def _chunks(items: Iterable[dict], size: int) -> Iterator[list[dict]]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def send_pipelined(actions: Iterable[dict], *, senders: int = 2) -> SyncResult:
    """Like send_actions, but chunks go out from other threads while this one reads the next ones.

    For the rebuild: reading and building documents (CPU in this process) overlaps with
    Elasticsearch indexing the previous chunks (waiting on the network). At most `senders + 1`
    chunks are in memory at once, so memory stays flat whatever the corpus size.
    """
    result = SyncResult()
    with ThreadPoolExecutor(max_workers=senders, thread_name_prefix="search-bulk") as pool:
        in_flight: deque = deque()
        for chunk in _chunks(actions, CHUNK_SIZE):
            in_flight.append(pool.submit(send_actions, chunk))
            while len(in_flight) > senders:
                result += in_flight.popleft().result()
        while in_flight:
            result += in_flight.popleft().result()
    return result


def _mark_indexed(stamped: dict[tuple[str, int], int]) -> None:
    """Record the versions now in the index; a row changed meanwhile stays pending."""
    if not stamped:
        return
    by_type: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for (document_type, object_id), version in stamped.items():
        by_type[document_type][0].append(object_id)
        by_type[document_type][1].append(version)
    with transaction.atomic(), connection.cursor() as cursor:
        for document_type, (ids, versions) in by_type.items():
            cursor.execute(
                """
                UPDATE search_indexoutbox AS o
                SET indexed_version = GREATEST(o.indexed_version, s.version), indexed_at = now()
                FROM unnest(%s::bigint[], %s::bigint[]) AS s(object_id, version)
                WHERE o.document_type = %s AND o.object_id = s.object_id
                """,
                [ids, versions, document_type],
            )


def sync_objects(keys: Iterable[tuple[str, int]]) -> SyncResult:
    """Make the index show the current state of these objects (idempotent, safe in any order)."""
    by_type: dict[str, list[int]] = defaultdict(list)
    for document_type, object_id in keys:
        by_type[document_type].append(int(object_id))
    result = SyncResult()
    targets = write_targets
    for document_type, ids in by_type.items():
        if document_type not in DOCUMENTS:  # a type since removed: nothing of it may be found
            logger.warning("Skipping %d outbox row(s) of unknown search type %r", len(ids), document_type)
            continue
        document = document_for(document_type)
        for start in range(0, len(ids), CHUNK_SIZE):
            actions, stamped = _actions_for(document_type, ids[start : start + CHUNK_SIZE], targets)
            chunk = send_actions(actions)
            # What Elasticsearch refused stays pending: the drain tries it again, and it is logged.
            refused = chunk.failed
            _mark_indexed(
                {key: v for key, v in stamped.items() if document.document_id(key[1]) not in refused}
            )
            result += chunk
    if result.failed:
        logger.error(
            "Elasticsearch refused %d search document(s); they stay pending. First: %s",
            len(result.failed),
            next(iter(result.failed.items())),
        )
    return result


def drain(*, max_batches: int = 200) -> SyncResult:
    """Index every pending row once, in batches, in outbox order (or until the batch budget is spent).

    Walking the rows by id means a row Elasticsearch keeps refusing is tried once per drain and
    does not hold back the rows after it.
    """
    result, after = SyncResult(), 0
    for _ in range(max_batches):
        rows = list(
            IndexOutbox.objects.filter(indexed_version__lt=F("version"), pk__gt=after)
            .order_by("pk")
            .values_list("pk", "document_type", "object_id")[:CHUNK_SIZE]
        )
        if not rows:
            break
        after = rows[-1][0]
        result += sync_objects((document_type, object_id) for _, document_type, object_id in rows)
    return result


def renew_visitors_pages() -> None:
    """Cached search pages and known words made before this change may now be wrong: end them.

    Both live under the visitor-cache generation (lodestar.visitor_cache; search.selectors keeps
    the words each audience can find under it). Elasticsearch shows new documents only after its
    next refresh (about a second), and a page made before that would be cached under the new
    generation: so refresh first, then bump.
    """
    try:
        indexing_client().indices.refresh(
            index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*", ignore_unavailable=True
        )
    except Exception:  # noqa: BLE001 - the index catches up at its own refresh; bump regardless
        logger.warning("Could not refresh the search indexes before renewing visitors' pages")
    bump_generation()
