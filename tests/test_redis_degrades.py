"""The cache and task sending when Redis is unreachable: quick answers, one wait per outage window."""

import json
import os
import subprocess
import sys
import time

import pytest

from lodestar.cache import ResilientRedisCache
from tests.conftest import REPO
from tests.test_redis_outage import OwnRedis, free_port, wait_until


@pytest.fixture
def redis_server(tmp_path):
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    server.stop()


def cache_on(port: int, retry_after: float = 1) -> ResilientRedisCache:
    return ResilientRedisCache(
        f"redis://127.0.0.1:{port}/0",
        {"OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}, "RETRY_AFTER": retry_after},
    )


def timed(call):
    start = time.monotonic()
    value = call()
    return value, time.monotonic() - start


def test_the_cache_serves_misses_while_redis_is_down_and_works_again_when_it_returns(redis_server, caplog):
    cache = cache_on(redis_server.port)
    cache.set("greeting", "hello")
    assert cache.get("greeting") == "hello"

    redis_server.stop()
    value, first = timed(lambda: cache.get("greeting", "fallback"))
    assert value == "fallback" and first < 1.2
    assert "rate limits" in caplog.text  # the outage is logged, saying what it means
    # Within the window Redis is not tried at all: no wait, whatever the operation.
    results, rest = timed(
        lambda: [cache.set("k", 1), cache.add("k", 1), cache.get_many(["k"]), cache.delete("k")]
    )
    assert results == [None, True, {}, False] and rest < 0.05
    with pytest.raises(ValueError):
        cache.incr("counter")  # as for a missing key: django-ratelimit then fails open

    redis_server.start()
    # Once its RETRY_AFTER window (1 s) has passed, the cache uses Redis again.
    wait_until(lambda: cache.set("greeting", "back") or cache.get("greeting") == "back", 10, "the cache")
    assert not cache.is_down()


SEND_WHILE_DOWN = """
import json, time
import django
django.setup()
from lodestar import queue
from lodestar.mail.tasks import deliver_pending_emails
timings, results = [], []
for _ in range(6):
    start = time.monotonic()
    results.append(queue.send_task(deliver_pending_emails))
    timings.append(time.monotonic() - start)
print(json.dumps({"timings": timings, "sent": [r is not None for r in results]}))
"""


def test_a_task_is_not_sent_while_the_broker_is_down_and_the_request_does_not_wait():
    """In a fresh process whose broker port is closed, as a web process sees a stopped Redis."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lodestar.settings.test"}
    env |= {"LODESTAR_REDIS_PORT": str(free_port()), "BROKER_RETRY_SECONDS": "30"}
    result = subprocess.run(
        [sys.executable, "-c", SEND_WHILE_DOWN], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])

    assert outcome["sent"] == [False] * 6
    first, *rest = outcome["timings"]
    assert first < 1.0  # one quick retry, no result-backend subscription
    assert max(rest) < 0.01  # tripped: the broker is left alone for BROKER_RETRY_SECONDS
    assert "Could not send lodestar.mail.tasks.deliver_pending_emails" in result.stderr
