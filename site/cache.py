"""A Redis cache that degrades to "no cache" while Redis is unreachable, instead of failing pages.

What lives in the cache can always be rebuilt or done without: Wagtail's site root paths and
other cached data are read from the database again, and rate limits (django-ratelimit with
RATELIMIT_FAIL_OPEN, allauth's) are not enforced during the outage. That is the documented
choice: a member's post must not fail because Redis is down, and the django-axes lockout, which
is in the database, keeps protecting log-ins. A warning is logged when the outage starts.

After a failure this process skips Redis for RETRY_AFTER seconds, so a page that uses the
cache several times waits on an unreachable Redis once at most (socket timeouts of a second).
"""

from __future__ import annotations

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)

# Per cache location, shared by every thread of the process (Django makes one cache object per thread).
_down_until: dict[str, float] = {}
_lock = threading.Lock()


def _degrades(fallback):
    """Run the cache operation, or return `fallback()` while Redis is unreachable."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self.is_down():
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except UNREACHABLE as error:
                self._trip(error)
                return fallback(*args, **kwargs)
            self._recovered()
            return result

        return wrapper

    return decorator


def _missing_key(*args, **kwargs):
    raise ValueError("Key not found: the cache is unreachable")  # what incr() says about a missing key


class OneClientPerPool(RedisCacheClient):
    """Django's client builds a new redis.Redis for every cache operation, and redis-py fills a
    table of some 170 response callbacks in each: about 0.27 ms here, most of a cache read's time.
    One client per connection pool is kept instead (redis-py clients may be shared by threads;
    Django also makes one cache object per thread).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = OneClientPerPool
        self._down_key = str(server)
        self.retry_after = float(params.get("RETRY_AFTER", 5))

    def is_down(self) -> bool:
        return time.monotonic() < _down_until.get(self._down_key, 0.0)

    def _trip(self, error: Exception) -> None:
        with _lock:
            was_up = self._down_key not in _down_until
            _down_until[self._down_key] = time.monotonic() + self.retry_after
        if was_up:
            logger.warning(
                "The Redis cache is unreachable (%s): serving pages without it and NOT enforcing "
                "rate limits until it returns; trying again every %s s",
                error,
                self.retry_after,
            )

    def _recovered(self) -> None:
        if self._down_key in _down_until:
            with _lock:
                if _down_until.pop(self._down_key, None) is not None:
                    logger.warning("The Redis cache is reachable again")

    get = _degrades(lambda key, default=None, version=None: default)(RedisCache.get)
    get_many = _degrades(lambda keys, version=None: {})(RedisCache.get_many)
    has_key = _degrades(lambda key, version=None: False)(RedisCache.has_key)
    # "Added": rate limits (django-ratelimit's counter, allauth's lock) then let the request through
    # at once; False would make allauth wait a second for its lock and then refuse (fail closed).
    add = _degrades(lambda *a, **k: True)(RedisCache.add)
    set = _degrades(lambda *a, **k: None)(RedisCache.set)
    set_many = _degrades(lambda data, *a, **k: list(data))(RedisCache.set_many)  # keys not set
    touch = _degrades(lambda *a, **k: False)(RedisCache.touch)
    delete = _degrades(lambda *a, **k: False)(RedisCache.delete)
    delete_many = _degrades(lambda *a, **k: None)(RedisCache.delete_many)
    incr = _degrades(_missing_key)(RedisCache.incr)
    clear = _degrades(lambda: False)(RedisCache.clear)
