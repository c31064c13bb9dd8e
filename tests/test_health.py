import socket
import time

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def closed_port_url() -> str:
    """An address on loopback where nothing listens: what a stopped service looks like."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_health_reports_every_dependency_ok(client, celery_worker):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "dependencies": {"database": "ok", "redis": "ok", "elasticsearch": "ok", "celery_worker": "ok"},
    }
    assert "no-cache" in response["Cache-Control"]


def test_health_answers_503_naming_elasticsearch_within_two_seconds_when_it_is_down(
    client, celery_worker, settings
):
    settings.ELASTICSEARCH_URL = closed_port_url()

    started = time.monotonic()
    response = client.get("/health/")
    elapsed = time.monotonic() - started

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["dependencies"]["elasticsearch"] != "ok"
    assert "Connection" in body["dependencies"]["elasticsearch"]
    assert {k: v for k, v in body["dependencies"].items() if k != "elasticsearch"} == {
        "database": "ok",
        "redis": "ok",
        "celery_worker": "ok",
    }
    assert elapsed < 2


def test_health_answers_503_naming_redis_within_two_seconds_when_it_is_down(client, settings):
    settings.REDIS_URL = closed_port_url().replace("http", "redis")

    started = time.monotonic()
    response = client.get("/health/")

    assert time.monotonic() - started < 2
    assert response.status_code == 503
    assert "Connection" in response.json()["dependencies"]["redis"]


def test_health_refuses_other_methods(client):
    assert client.post("/health/").status_code == 405
