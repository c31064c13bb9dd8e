import socket
import statistics
import threading
import time

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ALL_OK = {"database": "ok", "redis": "ok", "elasticsearch": "ok", "celery_worker": "ok"}


def closed_port_url() -> str:
    """An address on loopback where nothing listens: what a stopped service looks like."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def hanging_url():
    """A server that accepts connections and never answers: what a hung service looks like."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted, stop = [], threading.Event()

    def accept_forever():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", accepted
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


def timed_get(client, path, **extra):
    started = time.monotonic()
    response = client.get(path, **extra)
    return response, time.monotonic() - started


def test_ready_reports_every_dependency_ok_in_under_200_ms(client, celery_worker):
    client.get("/health/ready")  # the first request of a process opens its connections
    timings = []
    for _ in range(5):
        response, elapsed = timed_get(client, "/health/ready")
        timings.append(elapsed)
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "dependencies": ALL_OK}
    assert "no-cache" in response["Cache-Control"]
    assert statistics.median(timings) < 0.2, timings


def test_old_health_address_still_reports_readiness(client, celery_worker):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "dependencies": ALL_OK}


def test_ready_answers_503_within_two_seconds_when_elasticsearch_hangs(
    client, celery_worker, settings, hanging_url
):
    settings.ELASTICSEARCH_URL, accepted = hanging_url

    response, elapsed = timed_get(client, "/health/ready")

    assert accepted  # the probe did reach the hung server
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert "timeout" in body["dependencies"]["elasticsearch"].lower()
    assert {k: v for k, v in body["dependencies"].items() if k != "elasticsearch"} == {
        k: v for k, v in ALL_OK.items() if k != "elasticsearch"
    }
    assert elapsed < 2


def test_ready_answers_503_within_two_seconds_when_redis_hangs(client, settings, hanging_url):
    url, accepted = hanging_url
    settings.REDIS_URL = url.replace("http", "redis")

    response, elapsed = timed_get(client, "/health/ready")

    assert accepted
    assert response.status_code == 503
    assert response.json()["dependencies"]["redis"] != "ok"
    assert elapsed < 2


def test_ready_answers_503_naming_elasticsearch_when_it_is_down(client, celery_worker, settings):
    settings.ELASTICSEARCH_URL = closed_port_url()

    response, elapsed = timed_get(client, "/health/ready")

    assert response.status_code == 503
    assert "Connection" in response.json()["dependencies"]["elasticsearch"]
    assert elapsed < 2


def test_live_answers_at_once_without_asking_any_dependency(
    client, settings, hanging_url, django_assert_num_queries
):
    url, accepted = hanging_url
    settings.ELASTICSEARCH_URL = url
    settings.REDIS_URL = url.replace("http", "redis")

    with django_assert_num_queries(0):
        response, elapsed = timed_get(client, "/health/live")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert accepted == []
    assert elapsed < 0.05


def test_health_checks_answer_any_host_over_plain_http_where_pages_would_not(client, settings):
    """Container health checks call http://127.0.0.1:8000, which is neither allowed nor HTTPS."""
    settings.ALLOWED_HOSTS = ["lodestar.example.org"]
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/", HTTP_HOST="127.0.0.1:8000").status_code == 400
    assert client.get("/", HTTP_HOST="lodestar.example.org").status_code == 301
    assert client.get("/health/live", HTTP_HOST="127.0.0.1:8000").status_code == 200
    assert client.get("/health/ready", HTTP_HOST="127.0.0.1:8000").status_code in (200, 503)


@pytest.mark.parametrize("path", ["/health/", "/health/live", "/health/ready"])
def test_health_refuses_other_methods(client, path):
    assert client.post(path).status_code == 405
