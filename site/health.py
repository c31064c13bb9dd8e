"""Probes of the services Lodestar depends on, for GET /health/.

Each probe runs in its own thread with a short timeout, so a service that hangs makes the check
report an error instead of hanging the request (and the load balancer behind it).
"""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait

import redis
from django.conf import settings
from django.db import connection
from elasticsearch import Elasticsearch

from .celery import app as celery_app

OK = "ok"


def probe_database(timeout: float) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = %s", [int(timeout * 1000)])
        cursor.execute("SELECT 1")
    connection.close()  # the probe runs in a short-lived thread: do not leave its connection open


def probe_redis(timeout: float) -> None:
    client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=timeout, socket_connect_timeout=timeout)
    try:
        client.ping()
    finally:
        client.close()


def probe_elasticsearch(timeout: float) -> None:
    client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=timeout, max_retries=0)
    try:
        status = client.cluster.health(timeout=f"{int(timeout * 1000)}ms")["status"]
    finally:
        client.close()
    if status == "red":
        raise RuntimeError("cluster status is red")


def probe_celery_worker(timeout: float) -> None:
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=timeout)
        replies = celery_app.control.ping(timeout=timeout, connection=conn)
    if not replies:
        raise RuntimeError("no worker replied")


PROBES: dict[str, Callable[[float], None]] = {
    "database": probe_database,
    "redis": probe_redis,
    "elasticsearch": probe_elasticsearch,
    "celery_worker": probe_celery_worker,
}


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:300]


def check_dependencies(timeout: float | None = None) -> dict[str, str]:
    """Run every probe at once; map each dependency to "ok" or the error it gave."""
    timeout = settings.HEALTH_CHECK_TIMEOUT if timeout is None else timeout
    executor = ThreadPoolExecutor(max_workers=len(PROBES), thread_name_prefix="health")
    futures = {name: executor.submit(probe, timeout) for name, probe in PROBES.items()}
    wait(futures.values(), timeout=timeout * 2)
    # A probe stuck past its deadline is abandoned, not awaited.
    executor.shutdown(wait=False, cancel_futures=True)
    results = {}
    for name, future in futures.items():
        if not future.done():
            results[name] = f"timed out after {timeout * 2:.1f}s"
        elif error := future.exception():
            results[name] = _describe(error)
        else:
            results[name] = OK
    return results
