"""Fixtures shared by the whole suite: the page tree and a real Celery worker.

Integration tests use the services that scripts/services starts (PostgreSQL, Redis, Elasticsearch);
`make test` starts them first.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from wagtail.models import Page, Site

from lodestar.celery import app as celery_app
from lodestar.home.models import HomePage
from tests.home.factories import HomePageFactory

REPO = Path(__file__).resolve().parent.parent
WORKER_START_TIMEOUT = 60


@pytest.fixture
def home_page(db) -> HomePage:
    """The site's root page, as `make run` has it: root -> home page -> default site.

    The data migration creates it, but transactional tests empty every table, so it is
    re-created here when missing.
    """
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = HomePageFactory(parent=root, title="Lodestar", slug="home")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _worker_answers(name: str) -> bool:
    return bool(celery_app.control.ping(destination=[name], timeout=0.5))


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real Celery worker process on the test broker, using the test database.

    Tests that need it commit their data (transactional tests), since the worker reads the database
    through its own connection.
    """
    with django_db_blocker.unblock():
        database_url = _database_url()
    name = f"test-worker-{os.getpid()}@lodestar"
    log = tmp_path_factory.mktemp("celery") / "worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lodestar.settings.test",
        "DATABASE_URL": database_url,
    }
    with log.open("w") as log_file:
        process = subprocess.Popen(
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
                name,
            ],
            cwd=REPO,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + WORKER_START_TIMEOUT
    while not _worker_answers(name):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the Celery worker did not start; its log:\n{log.read_text()}")
    yield name
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
