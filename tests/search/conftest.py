"""Search fixtures: a fresh index per test (under this run's ELASTICSEARCH_INDEX_PREFIX)."""

import pytest
from django.conf import settings
from django.core.cache import cache

from search import indexing
from search.client import indexing_client
from search.documents import read_alias
from search.synonyms import CACHE_KEY


def delete_content_indexes() -> None:
    client = indexing_client()
    names = list(
        client.indices.get(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-content-v*", expand_wildcards="all")
    )
    if names:
        client.indices.delete(index=",".join(names), ignore_unavailable=True)


@pytest.fixture(autouse=True)
def _fresh_synonyms():
    """The synonym cache lives in Redis, beyond one test's database: start each test without it."""
    cache.delete(CACHE_KEY)
    yield
    cache.delete(CACHE_KEY)


@pytest.fixture
def search_index():
    """An empty content index with its aliases; deleted again after the test."""
    delete_content_indexes()
    indexing.ensure_index()
    yield read_alias()
    delete_content_indexes()


def refresh() -> None:
    indexing_client().indices.refresh(index=read_alias())
