"""Health probes: /health/live (the process answers) and /health/ready (its dependencies answer).

Liveness touches nothing outside the process, so a worker or database outage never makes a
container orchestrator restart healthy web processes; readiness (and the older /health/) probes
PostgreSQL, Redis, Elasticsearch and a Celery worker. Each probe runs in its own thread with a
short timeout, so a service that hangs makes the check report an error instead of hanging the
request (and the load balancer behind it). HealthCheckMiddleware answers both before host
validation and the HTTPS redirect, which container health checks (plain HTTP on 127.0.0.1) fail.
"""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait

import redis
from django.conf import settings
from django.db import connection
from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils.cache import add_never_cache_headers
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
    # limit=1: the first worker's answer is enough, so the ping does not wait its whole timeout.
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=timeout)
        replies = celery_app.control.ping(timeout=timeout, limit=1, connection=conn)
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
    deadline = timeout * 1.5
    executor = ThreadPoolExecutor(max_workers=len(PROBES), thread_name_prefix="health")
    futures = {name: executor.submit(probe, timeout) for name, probe in PROBES.items()}
    wait(futures.values(), timeout=deadline)
    # A probe stuck past its deadline is abandoned, not awaited.
    executor.shutdown(wait=False, cancel_futures=True)
    results = {}
    for name, future in futures.items():
        if not future.done():
            results[name] = f"timed out after {deadline:.1f}s"
        elif error := future.exception():
            results[name] = _describe(error)
        else:
            results[name] = OK
    return results


def live_response() -> JsonResponse:
    """The process runs and answers: nothing else is asked."""
    return JsonResponse({"status": "ok"})


def ready_response() -> JsonResponse:
    """200 when every dependency is ok, 503 naming the failures when any is not."""
    dependencies = check_dependencies()
    healthy = all(state == OK for state in dependencies.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "dependencies": dependencies},
        status=200 if healthy else 503,
    )


# /health/ is the older name of readiness, kept for monitors that use it.
ENDPOINTS = {"/health/live": live_response, "/health/ready": ready_response, "/health/": ready_response}


class HealthCheckMiddleware:
    """Answers the health endpoints first in MIDDLEWARE, whatever the Host header or scheme."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        endpoint = ENDPOINTS.get(request.path_info) or ENDPOINTS.get(request.path_info.rstrip("/"))
        if endpoint is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        response = endpoint()
        add_never_cache_headers(response)
        return response
