"""Production settings are checked in fresh processes, as the server would load them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "lodestar.settings.production",
    "SECRET_KEY": "k7#Qz9!mWp2$Lr5vXn8^Tb3&Hy6*Jd4(Fs1)Gc0-Va+Ue=Ri_Oo[Pl]Mk;Nj:Bh",
    "ALLOWED_HOSTS": "lodestar.example.org",
    "DATABASE_URL": "postgres://lodestar@127.0.0.1:15432/lodestar",
    "REDIS_URL": "redis://127.0.0.1:16379/0",
    "ELASTICSEARCH_URL": "http://127.0.0.1:19200",
    "WAGTAILADMIN_BASE_URL": "https://lodestar.example.org",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # The browser suite sets DJANGO_ALLOW_ASYNC_UNSAFE for itself; a deployment never would.
    clean = {
        k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "ELASTICSEARCH_URL"])
def test_production_refuses_to_start_without_a_secret_and_names_it(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert f"{missing} is not set" in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_debug_is_off_outside_development(settings):
    assert settings.DEBUG is False


EPHEMERAL_PORTS = range(32768, 61000)  # Linux's default net.ipv4.ip_local_port_range


def test_local_service_ports_default_outside_the_ephemeral_range_and_stay_overridable():
    """An outgoing connection may hold any ephemeral port: a service restarting there can fail."""
    code = (
        "from lodestar.settings import base; print(base.LOCAL_PG, base.LOCAL_REDIS, base.LOCAL_ELASTICSEARCH)"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("LODESTAR_")}

    def urls(**overrides) -> list[str]:
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=REPO, env={**clean, **overrides}, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.split()

    defaults = urls()
    assert defaults == [
        "postgres://lodestar@127.0.0.1:15432",
        "redis://127.0.0.1:16379",
        "http://127.0.0.1:19200",
    ]
    assert all(int(url.rsplit(":", 1)[1]) not in EPHEMERAL_PORTS for url in defaults)
    # scripts/services starts the services on the same defaults.
    script = (REPO / "scripts" / "services").read_text()
    for line in ("${LODESTAR_PG_PORT:-15432}", "${LODESTAR_REDIS_PORT:-16379}", "${LODESTAR_ES_PORT:-19200}"):
        assert line in script
    assert urls(LODESTAR_PG_PORT="25432", LODESTAR_REDIS_PORT="26379", LODESTAR_ES_PORT="29200") == [
        "postgres://lodestar@127.0.0.1:25432",
        "redis://127.0.0.1:26379",
        "http://127.0.0.1:29200",
    ]
