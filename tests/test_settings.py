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
    "DATABASE_URL": "postgres://lodestar@127.0.0.1:55432/lodestar",
    "REDIS_URL": "redis://127.0.0.1:56379/0",
    "ELASTICSEARCH_URL": "http://127.0.0.1:59200",
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
