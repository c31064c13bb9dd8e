"""Operators' tools for the whole index: check it against the database, repair drift, rebuild it.

They stand above indexing (which sends objects) and the outbox (which records changes): a repair
records fresh versions for drifted objects and then sends them, so neither of those modules needs
to know about this one (`manage.py search_index` calls it).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from elastic_transport import TransportError
from elasticsearch import ApiError
from elasticsearch.helpers import scan

from cases.filters import forget_term_names
from lodestar.vocabularies import labels as term_labels

from .client import indexing_client
from .documents import all_documents, document_for, index_definition, read_alias, shards_for, write_alias
from .indexing import (
    CHUNK_SIZE,
    SyncResult,
    create_index,
    drain,
    ensure_index,
    indexes_behind,
    new_index_name,
    renew_visitors_pages,
    send_actions,
    send_pipelined,
    sync_objects,
    target_alias,
    write_targets,
)
from .models import IndexOutbox
from .outbox import record_changes

logger = logging.getLogger(__name__)


# --- Comparing database and index ----------------------------------------------------------------


@dataclass
class TypeReport:
    document_type: str
    in_database: int
    in_index: int
    missing: list[int]
    extra: list[int]
    stale: list[int]
    extra_versions: dict[int, int] = field(default_factory=dict)  # as found in the index

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.stale)


def _database_versions(document) -> dict[int, int]:
    return dict(
        document.indexable_with_versions().values_list("pk", "search_version").iterator(chunk_size=2000)
    )


def _index_versions(document_type: str) -> dict[int, int]:
    hits = scan(
        indexing_client(),
        index=read_alias(),
        query={"query": {"term": {"content_type": document_type}}, "_source": False, "version": True},
        size=2000,
    )
    versions = {}
    for hit in hits:
        object_id = int(hit["_id"].rsplit("-", 1)[1])
        versions[object_id] = hit.get("_version", 0)
    return versions


def outdated_fields() -> list[str]:
    """Fields the code defines that the live index lacks: it predates them, and needs a --rebuild.

    (The mapping is strict, so documents carrying such a field are refused until then.)
    """
    wanted = index_definition(read_alias())["mappings"]["properties"]
    live = indexing_client().indices.get_mapping(index=read_alias()).body
    have = set().union(*(set(m["mappings"].get("properties", {})) for m in live.values()))
    return sorted(set(wanted) - have)


def shards(reports: list[TypeReport]) -> tuple[int, int]:
    """The live index's primary shards, and how many a rebuild would give it now (shards_for)."""
    live = indexing_client().indices.get_settings(index=read_alias(), name="index.number_of_shards").body
    have = sum(int(index["settings"]["index"]["number_of_shards"]) for index in live.values())
    return have, shards_for(sum(report.in_database for report in reports))


def check() -> list[TypeReport]:
    """Compare the database and the read index for every content type."""
    ensure_index()
    indexing_client().indices.refresh(index=read_alias())
    reports = []
    for document in all_documents():
        in_db = _database_versions(document)
        in_index = _index_versions(document.document_type)
        extra = sorted(set(in_index) - set(in_db))
        reports.append(
            TypeReport(
                document_type=document.document_type,
                in_database=len(in_db),
                in_index=len(in_index),
                missing=sorted(set(in_db) - set(in_index)),
                extra=extra,
                stale=sorted(i for i, v in in_db.items() if i in in_index and in_index[i] < v),
                extra_versions={i: in_index[i] for i in extra},
            )
        )
    return reports


def _delete_extra(report: TypeReport) -> SyncResult:
    """Remove documents of objects that may not be found (deleted, unpublished...).

    The delete is versioned at least as high as the document found in the index, so it wins even
    over a document written without the outbox (by hand, or by an old release); an object that
    became findable again since the check has a newer outbox version, and its document stays.
    """
    document = document_for(report.document_type)
    outbox = dict(
        IndexOutbox.objects.filter(
            document_type=report.document_type, object_id__in=report.extra
        ).values_list("object_id", "version")
    )
    indexable = set(document.get_queryset().filter(pk__in=report.extra).values_list("pk", flat=True))
    targets = write_targets()
    actions = [
        {
            "_op_type": "delete",
            "_index": target,
            "_id": document.document_id(object_id),
            "version": max(report.extra_versions.get(object_id, 0), outbox.get(object_id, 0)),
            "version_type": "external_gte",
        }
        for object_id in report.extra
        if object_id not in indexable
        for target in targets
    ]
    return send_actions(actions) if actions else SyncResult()


def repair(reports: list[TypeReport]) -> SyncResult:
    """Index missing and stale documents and remove extra ones, then drain the outbox.

    Every drifted object first gets a new outbox version, as if it had just changed: a document
    deleted or written by hand outside the outbox leaves a tombstone or version in Elasticsearch
    that the old version could not beat, and a fresh one from the sequence always does.
    """
    result = SyncResult()
    for report in reports:
        with transaction.atomic():
            for start in range(0, len(ids := [*report.missing, *report.stale, *report.extra]), CHUNK_SIZE):
                record_changes(report.document_type, ids[start : start + CHUNK_SIZE], dispatch=False)
        keys = [(report.document_type, i) for i in [*report.missing, *report.stale]]
        if keys:
            result += sync_objects(keys)
        if report.extra:
            result += _delete_extra(report)
    result += drain()
    renew_visitors_pages()
    return result


# --- Full rebuild without downtime --------------------------------------------------------------

REBUILD_LOCK = 7_401_001  # pg advisory lock id: one rebuild at a time


def _stream_all(name: str, progress: Callable[[int], None]) -> Iterator[dict]:
    forget_term_names()
    term_labels.forget()  # documents carry the terms' names: read them as they are now
    for document in all_documents():
        # One statement per type, read through a server-side cursor: memory stays flat.
        for obj in document.scan(CHUNK_SIZE):
            progress(1)
            yield {
                "_op_type": "index",
                "_index": target_alias(name),
                "_id": document.document_id(obj.pk),
                "version": obj.search_version,
                "version_type": "external_gte",
                "_source": document.source(obj),
            }


def indexable_count() -> int:
    return sum(document.get_queryset().count() for document in all_documents())


def _searches_running_on(indexes: list[str]) -> int | None:
    """How many searches run on these indexes now; None if Elasticsearch cannot say."""
    try:
        stats = indexing_client().indices.stats(index=",".join(indexes), metric="search")
    except (ApiError, TransportError):
        return None  # the caller waits as if some were running
    search = stats["_all"]["total"]["search"]
    return search["query_current"] + search["fetch_current"]


def _wait_for_searches_on(indexes: list[str], *, every: float = 0.05) -> None:
    """Let searches that resolved the read alias just before the swap finish on the old index.

    Elasticsearch counts the searches running on an index: wait until it reports none twice in a
    row (the second reading covers a search dispatched between the swap and the first), and never
    longer than a search may take (ELASTICSEARCH_QUERY_TIMEOUT), after which they have failed
    anyway. A fixed wait of that length was a quarter of a 10,000-document rebuild.
    """
    deadline = time.monotonic() + settings.ELASTICSEARCH_QUERY_TIMEOUT + 0.5
    quiet = 0
    while quiet < 2 and time.monotonic() < deadline:
        time.sleep(every)
        quiet = quiet + 1 if _searches_running_on(indexes) == 0 else 0


def merge_into_one_segment(name: str) -> str:
    """Start merging a freshly loaded index into one segment per shard; return the task doing it.

    A bulk load leaves tens of segments, and a search builds the weight of every term and phrase
    of the query (synonyms in three languages make many) once per segment: one segment made the
    profiled searches (tests/bench/search_profile.py) 13% faster at p95. It also drops the words
    of documents replaced during the load, which "did you mean" would otherwise offer. It runs in
    the background, as Elasticsearch's own merges do (searches are answered meanwhile), and
    changes after it land in new small segments, which Elasticsearch merges as usual.
    """
    answer = indexing_client().indices.forcemerge(index=name, max_num_segments=1, wait_for_completion=False)
    return answer["task"]


def rebuild(
    *, progress: Callable[[int], None] = lambda n: None, say: Callable[[str], None] = logger.info
) -> str:
    """Build a new index from the database and swap it in atomically; return its name.

    1. Create the new index and add it to the write alias: from now on every indexing task writes
       to both indexes. (A task reads the database before it resolves the alias, so a task that
       missed the new index read its objects before the bulk load below reads them.)
    2. Bulk-load every indexable object, streamed in chunks, with its outbox version.
    3. Catch up on rows still pending in the outbox (changes whose task has not run or failed).
    4. Swap the read alias and drop the old index from the write alias in one atomic call, then
       catch up once more and, once no search runs on the old index any more, delete it.
       Searches read the old index until the swap and the new one after it: they never see a
       missing or half-built index.
    5. Start merging the new index into one segment (merge_into_one_segment).
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [REBUILD_LOCK])
        if not cursor.fetchone()[0]:
            raise RuntimeError("Another search index rebuild is running; wait for it to finish.")
    try:
        client = indexing_client()
        # No index yet (a fresh install): the new one becomes the first, without an empty one before it.
        old = indexes_behind(read_alias())
        stale_new = [i for i in indexes_behind(write_alias()) if i not in old]  # an interrupted rebuild
        name = new_index_name()
        shards = shards_for(indexable_count())
        say(f"Creating {name} ({shards} shard{'s' if shards > 1 else ''})")
        create_index(name, shards=shards)
        client.indices.put_settings(index=name, settings={"index": {"refresh_interval": "-1"}})
        client.indices.update_aliases(
            actions=[
                *[{"remove": {"index": i, "alias": write_alias()}} for i in stale_new],
                {"add": {"index": name, "alias": write_alias()}},
            ]
        )
        if stale_new:
            client.indices.delete(index=",".join(stale_new), ignore_unavailable=True)
        say("Loading every searchable object from the database")
        loaded = send_pipelined(_stream_all(name, progress))
        client.indices.put_settings(index=name, settings={"index": {"refresh_interval": None}})
        say("Catching up on changes made meanwhile")
        drain()
        client.indices.refresh(index=name)
        # Whatever the read alias holds now is retired (including an index a task created meanwhile
        # on a fresh install, whose writes the new index received through the write alias too).
        old = [i for i in indexes_behind(read_alias()) if i != name]
        client.indices.update_aliases(
            actions=[
                *[{"remove": {"index": i, "alias": read_alias()}} for i in old],
                *[{"remove": {"index": i, "alias": write_alias()}} for i in old],
                {"add": {"index": name, "alias": read_alias()}},
            ]
        )
        drain()
        if old:
            _wait_for_searches_on(old)
            client.indices.delete(index=",".join(old), ignore_unavailable=True)
        say(f"Merging {name} into one segment in the background (task {merge_into_one_segment(name)})")
        renew_visitors_pages()
        say(
            f"Swapped in {name}: {loaded.indexed} documents loaded, {loaded.superseded} already newer "
            f"from live indexing; dropped {', '.join(old) or 'nothing'}"
        )
        return name
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [REBUILD_LOCK])
