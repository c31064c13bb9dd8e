"""docker-compose.yml and the Dockerfile mirror the stack tests/deploy/test_stack.py runs.

No Docker engine runs on the build machines: `scripts/check-compose` (make lint) validates the
file with docker-compose, and these tests check what would otherwise only show in production.
"""

import re

import yaml

from tests.deploy.stack import REPO

COMPOSE = yaml.safe_load((REPO / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
DOCKERFILE = (REPO / "Dockerfile").read_text()
TEMPLATE = (REPO / "deploy" / "nginx.conf.template").read_text()


def healthcheck(service: str) -> str:
    return " ".join(SERVICES[service]["healthcheck"]["test"])


def test_web_liveness_and_proxy_readiness_are_checked_where_they_belong():
    assert "http://127.0.0.1:8000/health/live" in healthcheck("web")  # no dependency: no restarts
    assert "http://127.0.0.1/health/ready" in healthcheck("proxy")  # where traffic enters
    # The proxy answers health over plain HTTP on port 80 and passes it to Django, which answers
    # whatever the Host (lodestar.health.HealthCheckMiddleware, first in MIDDLEWARE).
    assert re.search(r"location ~ \^/health/\(live\|ready\)\$ \{\s+proxy_pass", TEMPLATE)


def test_migrate_runs_first_and_once_then_web_worker_and_beat_then_the_proxy():
    healthy = {"condition": "service_healthy"}
    assert SERVICES["migrate"]["restart"] == "no"
    assert SERVICES["migrate"]["depends_on"] == {
        "postgres": healthy,
        "redis": healthy,
        "elasticsearch": healthy,
    }
    for service in ("web", "worker", "beat"):
        assert SERVICES[service]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
        assert SERVICES[service]["depends_on"]["postgres"] == healthy
    assert SERVICES["proxy"]["depends_on"] == {"web": healthy}


def test_only_the_proxy_is_published_on_ports_that_can_be_overridden():
    published = {name: service["ports"] for name, service in SERVICES.items() if "ports" in service}
    assert published == {"proxy": ["${LODESTAR_HTTP_PORT:-80}:80", "${LODESTAR_HTTPS_PORT:-443}:443"]}


def test_media_goes_through_django_then_nginx_s_internal_location():
    for service in ("web", "worker", "beat", "migrate"):
        assert SERVICES[service]["environment"]["MEDIA_X_ACCEL_REDIRECT"] == "/protected-media/"
        assert SERVICES[service]["environment"]["LODESTAR_TRUSTED_PROXY_COUNT"] == "1"
    assert "media:/app/media:ro" in SERVICES["proxy"]["volumes"]
    assert re.search(r"location /protected-media/ \{\s+internal;\s+alias @MEDIA_ROOT@/;", TEMPLATE)
    assert re.search(r"location /media/documents/ \{\s+return 404;", TEMPLATE)
    assert "location /media/" not in TEMPLATE.replace("location /media/documents/", "")  # not from disk


def test_the_images_run_what_the_stack_test_runs_with_dependencies_before_the_source():
    app = DOCKERFILE[DOCKERFILE.index("AS app") : DOCKERFILE.index("AS proxy")]
    assert app.index("pip install --no-cache-dir -c requirements/constraints.txt") < app.index("COPY site/")
    assert 'CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py"]' in app
    proxy = DOCKERFILE[DOCKERFILE.index("AS proxy") :]
    assert "apt-get install -y --no-install-recommends nginx-light" in proxy
    assert "deploy/render-nginx-conf" in proxy
    assert SERVICES["proxy"]["build"]["target"] == "proxy"
