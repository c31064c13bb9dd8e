"""The production-like stack on this machine, without Docker: what docker-compose.yml runs.

gunicorn (deploy/gunicorn.conf.py, production settings) behind nginx from Debian's packages
(deploy/nginx.conf.template, TLS with a certificate made here by openssl), a Celery worker, and
their own PostgreSQL database, Elasticsearch index prefix and Redis databases on the shared local
services. Used by the smoke test (tests/deploy/) and the load benchmark (tests/bench/load_bench.py).
"""

from __future__ import annotations

import getpass
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
START_TIMEOUT = 90


def local_urls() -> tuple[str, str, str]:
    pg = os.environ.get("LODESTAR_PG_PORT", "15432")
    redis = os.environ.get("LODESTAR_REDIS_PORT", "16379")
    es = os.environ.get("LODESTAR_ES_PORT", "19200")
    return (
        f"postgres://lodestar@127.0.0.1:{pg}/lodestar",
        f"redis://127.0.0.1:{redis}",
        f"http://127.0.0.1:{es}",
    )


def production_environment(
    *, database: str, index_prefix: str, redis_dbs: tuple[int, ...], base_url: str, root: Path
) -> dict[str, str]:
    """Everything lodestar.settings.production insists on, pointing at the shared local services.

    redis_dbs: (broker and cache) or (broker, results, cache).
    """
    broker, results, cache = redis_dbs if len(redis_dbs) == 3 else (redis_dbs[0], redis_dbs[0], redis_dbs[1])
    pg, redis, es = local_urls()
    database_url = urlunsplit(urlsplit(os.environ.get("DATABASE_URL", pg))._replace(path=f"/{database}"))
    host = urlsplit(base_url).hostname
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "LODESTAR_TEST", "CELERY_"))}
    return env | {
        "DJANGO_SETTINGS_MODULE": "lodestar.settings.production",
        "SECRET_KEY": "stack-test-only-" + "x" * 50,
        "ALLOWED_HOSTS": f"{host},127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": base_url,
        "WAGTAILADMIN_BASE_URL": base_url,
        "DATABASE_URL": database_url,
        "REDIS_URL": f"{redis}/{broker}",
        "CELERY_RESULT_BACKEND": f"{redis}/{results}",
        "CACHE_URL": f"{redis}/{cache}",
        "ELASTICSEARCH_URL": es,
        "ELASTICSEARCH_INDEX_PREFIX": index_prefix,
        "STATIC_ROOT": str(root / "static"),
        "MEDIA_ROOT": str(root / "media"),
        "MEDIA_X_ACCEL_REDIRECT": "/protected-media/",
        "LODESTAR_TRUSTED_PROXY_COUNT": "1",
        "CELERY_BEAT_SCHEDULE_FILENAME": str(root / "celerybeat-schedule"),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": "9",  # nothing listens: mail waits in the outbox
        "SECURE_HSTS_SECONDS": "0",  # a browser would remember it for localhost
        "FORUM_APPROVAL_FIRST_POSTS": "0",
        "LOG_LEVEL": "WARNING",
    }


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def ports_from(base: int, count: int) -> list[int]:
    """`count` free ports from `base` on: below Linux's ephemeral range (32768-60999) by choice."""
    assert base + count < 32768
    ports = [p for p in range(base, base + 50) if port_is_free(p)][:count]
    assert len(ports) == count, f"no {count} free ports from {base}"
    return ports


def _admin():
    import psycopg

    pg = urlsplit(os.environ.get("DATABASE_URL", local_urls()[0]))
    return psycopg.connect(
        host=pg.hostname, port=pg.port or 5432, user=pg.username, password=pg.password, dbname="postgres",
        autocommit=True,
    )  # fmt: skip


def recreate_database(name: str) -> None:
    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def drop_database(name: str) -> None:
    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def drop_indexes(prefix: str) -> None:
    from elasticsearch import Elasticsearch

    client = Elasticsearch(local_urls()[2])
    names = list(client.indices.get(index=f"{prefix}-*", expand_wildcards="all"))
    if names:
        client.indices.delete(index=",".join(names), ignore_unavailable=True)
    client.close()


def flush_redis(dbs) -> None:
    import redis

    for db in dbs:
        redis.Redis.from_url(f"{local_urls()[1]}/{db}").flushdb()


def manage(env: dict, *args: str, log=None) -> None:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, check=False,
    )  # fmt: skip
    if log:
        log.write(result.stdout)
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout[-4000:]}")


def prepare_site(env: dict, *, content: list[str], progress=lambda message: None) -> None:
    """Migrate, add content (a manage.py command), collect static files (hashed names), build the index."""
    progress("migrate")
    collect = subprocess.Popen(  # meanwhile: it needs no database
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=REPO, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    manage(env, "migrate", "--noinput", "-v0")
    progress(" ".join(content))
    manage(env, *content)
    out, _ = collect.communicate()
    if collect.returncode != 0:
        raise RuntimeError(f"collectstatic failed:\n{out[-4000:]}")
    progress("search_index --rebuild")
    manage(env, "search_index", "--rebuild")


def make_certificate(directory: Path, host: str) -> tuple[Path, Path]:
    certificate, key = directory / "lodestar.crt", directory / "lodestar.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={host}",
         "-addext", f"subjectAltName=DNS:{host},IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True,
    )  # fmt: skip
    return certificate, key


def nginx_binary() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"


def render_nginx(directory: Path, *, upstream: str, http_port: int, https_port: int, env: dict) -> Path:
    certificate, key = make_certificate(directory, urlsplit(env["WAGTAILADMIN_BASE_URL"]).hostname)
    run_dir = directory / "nginx"
    run_dir.mkdir(exist_ok=True)
    names = {
        "NGINX_USER": getpass.getuser() if os.geteuid() == 0 else "",
        "NGINX_RUN_DIR": str(run_dir),
        "NGINX_ERROR_LOG": str(run_dir / "error.log"),
        "NGINX_ACCESS_LOG": str(run_dir / "access.log"),
        "NGINX_UPSTREAM": upstream,
        "NGINX_SERVER_NAME": "localhost",
        "NGINX_HTTP_PORT": str(http_port),
        "NGINX_HTTPS_PORT": str(https_port),
        "NGINX_TLS_CERTIFICATE": str(certificate),
        "NGINX_TLS_CERTIFICATE_KEY": str(key),
        "NGINX_STATIC_ROOT": env["STATIC_ROOT"],
        "NGINX_MEDIA_ROOT": env["MEDIA_ROOT"],
    }
    rendered = subprocess.run(
        [str(REPO / "deploy" / "render-nginx-conf")], env={**os.environ, **names}, check=True,
        capture_output=True, text=True,
    ).stdout  # fmt: skip
    conf = run_dir / "nginx.conf"
    conf.write_text(rendered)
    return conf


class Processes:
    """Long-running programs of the stack, each logging to its own file; stopped in reverse order."""

    def __init__(self, directory: Path):
        self.directory, self.running = directory, []

    def start(self, name: str, command: list[str], env: dict) -> subprocess.Popen:
        log = (self.directory / f"{name}.log").open("w")
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.running.append((name, process, log))
        return process

    def log(self, name: str) -> str:
        return (self.directory / f"{name}.log").read_text()[-4000:]

    def stop(self) -> None:
        for _, process, _ in reversed(self.running):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for _, process, log in reversed(self.running):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()
        self.running = []


def start_gunicorn(processes: Processes, env: dict, port: int, workers: int = 2) -> None:
    processes.start(
        "gunicorn",
        [PYTHON, "-m", "gunicorn", "-c", str(REPO / "deploy" / "gunicorn.conf.py")],
        env
        | {"GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers), "GUNICORN_ACCESS_LOG": ""},
    )


def start_worker(processes: Processes, env: dict, name: str) -> None:
    processes.start(
        "worker", [PYTHON, "-m", "celery", "-A", "lodestar", "worker", "--pool=solo", "-n", name], env
    )


def start_nginx(processes: Processes, conf: Path) -> None:
    processes.start(
        "nginx",
        [nginx_binary(), "-e", "stderr", "-p", str(conf.parent), "-c", str(conf), "-g", "daemon off;"],
        dict(os.environ),
    )


def wait_for(
    url: str, *, what: str, processes: Processes, verify=True, timeout: float = START_TIMEOUT
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, process, _ in processes.running:
            if process.poll() is not None:
                raise RuntimeError(f"{name} stopped while waiting for {what}:\n{processes.log(name)}")
        try:
            if requests.get(url, timeout=5, verify=verify).status_code == 200:
                return
        except requests.RequestException:
            pass  # not listening yet
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not answer 200 at {url} within {timeout} s")
