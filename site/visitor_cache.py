"""Whole pages cached for visitors who are not signed in, so the pages most people read are cheap.

Only a GET with no session or messages cookie is served from the cache, and only a 200 answer
that sets no cookie and says nothing against caching is stored: a signed-in member (who has a
session) never gets a cached page, and a page with a form (its CSRF token sets a cookie) is never
shared. Freshness comes from a generation counter, not from timing: every cached page records the
generation it was made under and is served only while that generation stands. Any write that can
change what visitors see (pages published or unpublished, forum posts and moderation, profiles)
bumps it once the transaction commits, and the worker's search indexing bumps it once the index
shows the change (search.tasks), so the next visitor sees the change at once.
VISITOR_PAGE_CACHE_SECONDS bounds an entry's life and 0 turns this off.
Everything lives in the default cache, which degrades to "no cache" while Redis is unreachable.
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .cache import UNREACHABLE

logger = logging.getLogger(__name__)

GENERATION_KEY = "visitor-pages:generation"
KEY_PREFIX = "visitor-pages:page:"
# Never cached, whoever asks: sign-in, administration and files with their own permission checks.
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/accounts/", "/documents/", "/media/", "/health")
# Writes that change nothing a visitor sees (and some happen on every member's page view).
IGNORED_APPS = {"sessions", "axes", "mail", "admin", "contenttypes", "account"}
IGNORED_MODELS = {
    "search.IndexOutbox",  # the worker's indexing bumps once the index shows it (search.tasks)
    "forum.TopicReadState",
    "forum.Notification",
    "forum.NotificationPreference",
    "forum.TopicWatch",
    "forum.CategoryWatch",
    "wagtailcore.Revision",
    "wagtailcore.PageLogEntry",
    "wagtailcore.ModelLogEntry",
    "wagtailimages.Rendition",  # made while a page renders
}
HIT_HEADER = "X-Visitor-Cache"


def current_generation() -> object | None:
    """The standing generation, started afresh (never reusing an old value) when Redis lost it."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def bump_generation() -> None:
    """Every page cached so far stops being served.

    A bump that cannot reach Redis is logged, not silently dropped: pages cached before it may
    then be served for up to VISITOR_PAGE_CACHE_SECONDS by processes that still reach Redis.
    """
    backend = caches["default"]
    try:
        if backend.is_down():
            raise ConnectionError("this process is leaving the unreachable Redis cache alone")
        try:
            RedisCache.incr(backend, GENERATION_KEY)
        except ValueError:  # no generation yet: nothing cached can be served anyway
            RedisCache.add(backend, GENERATION_KEY, time.time_ns(), timeout=None)
    except UNREACHABLE as error:
        if not backend.is_down():
            backend._trip(error)
        logger.warning(
            "Could not end the visitors' cached pages (%s): they may be served for up to %s s",
            error,
            settings.VISITOR_PAGE_CACHE_SECONDS,
        )


def bump_after_commit() -> None:
    transaction.on_commit(bump_generation, robust=True)


def _write_changes_pages(sender, **kwargs) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label in IGNORED_APPS or meta.label in IGNORED_MODELS:
        return
    if kwargs.get("update_fields") and set(kwargs["update_fields"]) <= {"last_login"}:
        return  # someone signed in
    bump_after_commit()


def connect_invalidation() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_write_changes_pages, dispatch_uid=f"lodestar-visitor-pages-{id(signal)}")


def _cacheable_request(request) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path_info.startswith(EXCLUDED_PREFIXES)
    )


def _cacheable_response(response) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        and vary <= {"cookie", "accept-encoding"}
    )


def _page_key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


class VisitorPageCacheMiddleware:
    """Serves and stores whole pages for visitors (see the module's docstring for the rules)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.VISITOR_PAGE_CACHE_SECONDS
        if seconds <= 0 or not _cacheable_request(request):
            return self.get_response(request)
        key = _page_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if generation is not None and entry is not None and entry[0] == generation:
            response = entry[1]
            response[HIT_HEADER] = "hit"
            return response
        if generation is None:
            generation = current_generation()
        # Read before the page is made: a write committed meanwhile bumps past it, and the stored
        # page, stamped with the older generation, is never served.
        response = self.get_response(request)
        if generation is not None and _cacheable_response(response):
            cache.set(key, (generation, response), timeout=seconds)
            response[HIT_HEADER] = "miss"
        return response
