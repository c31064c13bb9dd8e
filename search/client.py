"""Elasticsearch clients: a patient one for indexing, an impatient one for people waiting on a page.

Clients are built from settings on first use and cached per URL, so a changed ELASTICSEARCH_URL
(a test pointing at a closed port, a worker started with another environment) takes effect.
Never call `info()` or `ping()`: the local node answers `GET /` with 405; use cluster health.
"""

from functools import cache

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.serializer import OrjsonSerializer


@cache
def _client(url: str, timeout: float, retries: int) -> Elasticsearch:
    return Elasticsearch(
        url,
        request_timeout=timeout,
        max_retries=retries,
        retry_on_timeout=retries > 0,
        # An unreachable node is not retried against other nodes: there is one node.
        dead_node_backoff_factor=0.0,
        # orjson for requests and answers (bulk lines too): the same JSON, and about 1 ms off a
        # search's p95 against the standard library's json in an A/B of the benchmark's bodies.
        serializer=OrjsonSerializer(),
    )


def indexing_client() -> Elasticsearch:
    """For tasks and management commands: a longer timeout and a few retries inside the request."""
    return _client(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TIMEOUT, 2)


def query_client() -> Elasticsearch:
    """For requests: short timeout, no retries, so an outage answers 503 quickly."""
    return _client(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_QUERY_TIMEOUT, 0)
