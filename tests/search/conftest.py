"""Search fixtures: a fresh index per test (under this run's ELASTICSEARCH_INDEX_PREFIX)."""

import os
import signal
import socket
import subprocess
import sys
import time
import uuid

import pytest
from django.core.cache import cache

from lodestar.celery import app as celery_app
from search import maintenance
from search.client import indexing_client
from search.documents import read_alias
from search.synonyms import CACHE_KEY
from tests.conftest import REPO, WORKER_START_TIMEOUT, _database_url, delete_content_indexes  # noqa: F401

QUEUE = "celery"


@pytest.fixture(autouse=True)
def _fresh_synonyms():
    """The synonym cache lives in Redis, beyond one test's database: start each test without it."""
    cache.delete(CACHE_KEY)
    yield
    cache.delete(CACHE_KEY)


def refresh() -> None:
    indexing_client().indices.refresh(index=read_alias())


def index_everything() -> None:
    """What `manage.py search_index --repair` does (it also covers pages inserted in bulk)."""
    maintenance.repair(maintenance.check())
    refresh()


# --- Extra workers, for outages and crashes ---------------------------------------------------------


class ExtraWorker:
    """A second real worker process, e.g. one that cannot reach Elasticsearch, or one to kill.

    While it runs, the session worker stops consuming the task queue, so every task goes here.
    """

    def __init__(self, session_worker: str, database_url: str, env: dict, log_path):
        self.session_worker = session_worker
        self.name = f"extra-{uuid.uuid4().hex[:6]}@lodestar"
        self.log_path = log_path
        celery_app.control.cancel_consumer(QUEUE, destination=[session_worker], reply=True, timeout=5)
        with log_path.open("w") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "lodestar",
                    "worker",
                    "--pool=solo",
                    "--loglevel=INFO",
                    "-n",
                    self.name,
                ],
                cwd=REPO,
                env={
                    **os.environ,
                    "DJANGO_SETTINGS_MODULE": "lodestar.settings.test",
                    "DATABASE_URL": database_url,
                    **env,
                },
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + WORKER_START_TIMEOUT
        while not celery_app.control.ping(destination=[self.name], timeout=0.5):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"the extra worker did not start; its log:\n{log_path.read_text()}")

    def kill(self) -> None:
        """As if the machine died: no warm shutdown, no acknowledgements."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=20)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


class Workers:
    def __init__(self, session_worker: str, database_url: str, tmp_path):
        self.session_worker, self.database_url, self.tmp_path = session_worker, database_url, tmp_path
        self.started: list[ExtraWorker] = []

    def start(self, env: dict | None = None) -> ExtraWorker:
        log_path = self.tmp_path / f"worker-{len(self.started)}.log"
        worker = ExtraWorker(self.session_worker, self.database_url, env or {}, log_path)
        self.started.append(worker)
        return worker

    def resume_session_worker(self) -> None:
        """Hand the queue back to the session worker (after stopping or killing the extra ones)."""
        celery_app.control.add_consumer(QUEUE, destination=[self.session_worker], reply=True, timeout=5)


@pytest.fixture
def workers(celery_worker, tmp_path):
    """`workers.start(env={...})` starts an extra worker; all are stopped after the test."""
    workers = Workers(celery_worker, _database_url(), tmp_path)
    yield workers
    for worker in workers.started:
        worker.stop()
    workers.resume_session_worker()


def closed_port() -> int:
    """A local port nothing listens on: connections to it are refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
