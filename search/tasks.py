"""Celery tasks that keep the search index in step with the database.

Thin and idempotent: they take keys, re-read the database and send what they find with its
version, so running one twice, late or out of order changes nothing. Transient failures
(Elasticsearch or the database unreachable) are retried with backoff by lodestar.celery's base
task; if every retry fails, the outbox rows stay pending and the drain below picks them up.
A task that changed the index ends the visitors' cached pages before it returns, so a finished
task means every visitor's next search shows the change.
"""

from celery import shared_task

from . import indexing


@shared_task
def index_changes(keys: list[list]) -> dict:
    """Index the objects a committed transaction changed: [[document_type, object_id], ...]."""
    result = indexing.sync_objects((document_type, int(object_id)) for document_type, object_id in keys)
    return _summary(result)


@shared_task
def drain_search_outbox() -> dict:
    """Index every change still pending: lost tasks, broker or Elasticsearch outages (beat, every minute)."""
    return _summary(indexing.drain())


def _summary(result: indexing.SyncResult) -> dict:
    if result.indexed or result.deleted:
        indexing.renew_visitors_pages()
    return {
        "indexed": result.indexed,
        "deleted": result.deleted,
        "superseded": result.superseded,
        "failed": len(result.failed),
    }
