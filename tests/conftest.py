"""Fixtures shared by the whole suite: the page tree and a real Celery worker.

Integration tests use the services that scripts/services starts (PostgreSQL, Redis, Elasticsearch);
`make test` starts them first.
"""

import email
import email.policy
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from celery.result import AsyncResult
from celery.signals import after_task_publish
from django.db import connection
from wagtail.models import Locale, Page, Site

from lodestar.celery import app as celery_app
from lodestar.home.models import HomePage
from lodestar.links import site_address
from tests.home.factories import HomePageFactory

REPO = Path(__file__).resolve().parent.parent
WORKER_START_TIMEOUT = 60


def pytest_collection_modifyitems(config, items):
    """Transactional tests must restore the migrations' seed data (vocabularies, groups, pages).

    One that does not leaves an empty database behind for the next ones, and its flush re-creates
    content types under new ids, which breaks every later restore: refuse it at collection.
    """
    offenders = []
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            offenders.append(item.nodeid)
    if offenders:
        raise pytest.UsageError(
            "Mark transactional tests django_db(transaction=True, serialized_rollback=True): "
            + ", ".join(offenders)
        )


_serialized_database: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Keep the data that migrations seed, for transactional tests to restore (serialized_rollback).

    Django keeps it on the connection object, which is per thread and per asyncio context: the
    browser tests run inside Playwright's event loop and would otherwise see a connection without it.
    """
    from django.db import connections

    contents = getattr(connections["default"], "_test_serialized_contents", None)
    if contents:
        _serialized_database["default"] = contents
    yield


@pytest.fixture(autouse=True)
def _serialized_database_in_this_context():
    from django.db import connections

    if "default" in _serialized_database:
        connections["default"]._test_serialized_contents = _serialized_database["default"]


@pytest.fixture
def _django_db_helper(_serialized_database_in_this_context, _django_db_helper):
    """pytest-django's database set-up, run after the serialized data is in this context.

    Otherwise a transactional test that follows another (whose flush emptied every table) would start
    from an empty database whenever pytest happened to set up the database first.
    """
    return _django_db_helper


@pytest.fixture(autouse=True)
def _back_to_english():
    """A request under /fr/ leaves French active in the test's thread (LocaleMiddleware does not
    reset it), so a later test would build French addresses. Production activates per request."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached fragments live in Redis: every test starts without them."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def home_page(db) -> HomePage:
    """The site's root page, as `make run` has it: root -> home page -> default site.

    The data migration creates it, but transactional tests empty every table, so it is
    re-created here when missing.
    """
    home = HomePage.objects.first()
    if home is None:
        Locale.objects.get_or_create(language_code="en")
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = HomePageFactory(parent=root, title="Lodestar", slug="home")
    hostname, port = site_address()  # as `migrate` configures it, from WAGTAILADMIN_BASE_URL
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": hostname, "port": port, "root_page": home}
    )
    return home


@pytest.fixture(scope="session")
def _demo_snapshot(tmp_path_factory) -> dict:
    """The demo's rows once the first test has loaded them, and the media folder its files are in."""
    return {"rows": None, "media": tmp_path_factory.mktemp("demo-media")}


@pytest.fixture
def demo_content(request, db, search_index, settings, _demo_snapshot) -> None:
    """The demo content, indexed for search: what `make run` serves.

    The first test to ask loads it with `load_demo`; later ones get the same rows back from a
    snapshot (tests/demo_snapshot.py) in a fraction of the time. The restore replaces every row, so
    ask for this fixture before any other that creates rows.
    """
    import io

    from django.core.management import call_command

    from tests.demo_snapshot import DatabaseSnapshot
    from tests.search.conftest import index_everything

    settings.MEDIA_ROOT = _demo_snapshot["media"]
    if _demo_snapshot["rows"] is None:
        request.getfixturevalue("home_page")
        call_command("load_demo", stdout=io.StringIO())
        _demo_snapshot["rows"] = DatabaseSnapshot.take()
    else:
        _demo_snapshot["rows"].restore()
    index_everything()


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _worker_answers(name: str) -> bool:
    return bool(celery_app.control.ping(destination=[name], timeout=0.5))


_running_worker: dict = {}  # the session's worker once started: its name and process


def _worker_has_no_work(name: str) -> bool:
    """The worker answers with no task running and none taken off the queue.

    Each question waits for the worker's answer (at most 1 s): its solo pool answers only between
    tasks, so asking again after a "not yet" waits for the task now running, not for a guess.
    """
    inspect = celery_app.control.inspect(destination=[name], timeout=1.0)
    for holding in (inspect.active, inspect.reserved):
        answer = holding() or {}
        if name not in answer or answer[name]:
            return False
    return True


def _let_the_worker_finish(most: float = 30) -> None:
    """Wait until the session's worker has finished its tasks, if it runs (at most `most` seconds).

    A task left over from the test (an indexing task a change set off, say) holds table locks in
    its transaction; the flush that follows a transactional test truncates every table, and the
    two deadlocked once in CI (the flush lost). Fault drills stop Redis or the worker: a worker
    that has exited, or a broker that cannot answer, is not waited for.
    """
    process = _running_worker.get("process")
    if process is None:
        return
    deadline = time.monotonic() + most
    while process.poll() is None and time.monotonic() < deadline:
        try:
            if _worker_has_no_work(_running_worker["name"]):
                return
        except Exception:  # noqa: BLE001 - the broker is down (a drill): nothing to wait for
            return


@pytest.fixture(autouse=True)
def _worker_idle_before_the_flush(request):
    """For a transactional test: its flush waits until the worker holds no table (see above)."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or (
        marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    )
    if not transactional:
        yield
        return
    request.getfixturevalue("_django_db_helper")  # set up first, so it is torn down (flushed) after this
    yield
    _let_the_worker_finish()


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
    _running_worker.update(name=name, process=process)
    yield name
    _running_worker.clear()
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


# --- People in each role (tests/members/factories.py builds them) ---------------------------


@pytest.fixture
def registered_user(db):
    """Signed up and verified, not a member."""
    from tests.members.factories import ProfileFactory

    return ProfileFactory(organisation=None).user


@pytest.fixture
def member(db):
    from tests.members.factories import make_member

    return make_member()


@pytest.fixture
def other_member(db):
    from tests.members.factories import make_member

    return make_member()


@pytest.fixture
def moderator(db):
    from tests.members.factories import make_moderator

    return make_moderator()


@pytest.fixture
def administrator(db):
    from tests.members.factories import make_administrator

    return make_administrator()


# --- Mail and tasks ------------------------------------------------------------------------


class Mailbox:
    """The Maildir the worker delivers to (settings.EMAIL_FILE_PATH)."""

    def __init__(self, path: Path):
        self.path = path

    def clear(self) -> None:
        for message_file in [*self.path.glob("new/*"), *self.path.glob("cur/*")]:
            message_file.unlink()

    def messages(self) -> list[email.message.EmailMessage]:
        """Delivered messages, oldest first (by delivery time: Date headers have one-second steps)."""
        files = sorted(
            [*self.path.glob("new/*"), *self.path.glob("cur/*")], key=lambda f: f.stat().st_mtime_ns
        )
        return [email.message_from_bytes(f.read_bytes(), policy=email.policy.default) for f in files]

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [m for m in self.messages() if address in m["To"]]

    @staticmethod
    def text(message) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()


@pytest.fixture
def mail(settings) -> Mailbox:
    box = Mailbox(Path(settings.EMAIL_FILE_PATH))
    box.path.mkdir(parents=True, exist_ok=True)
    box.clear()
    return box


class TaskTracker:
    """Records every Celery task published by this process, so a test can wait for them to finish.

    Waiting uses the result backend (a blocking read on Redis), not sleeps.
    """

    def __init__(self):
        self.ids: list[str] = []

    def _record(self, sender=None, headers=None, **kwargs):
        self.ids.append(headers["id"])

    def wait(self, timeout: float = 30) -> list:
        """Wait for every recorded task (and tasks they record meanwhile) to finish; return results."""
        results, seen = [], 0
        while seen < len(self.ids):
            task_id = self.ids[seen]
            results.append(AsyncResult(task_id, app=celery_app).get(timeout=timeout, propagate=True))
            seen += 1
        return results


@pytest.fixture
def tasks(celery_worker):
    """Tasks sent during the test run on the real worker; `tasks.wait()` blocks until they are done."""
    tracker = TaskTracker()
    after_task_publish.connect(tracker._record, weak=False)
    yield tracker
    after_task_publish.disconnect(tracker._record)


# --- Search --------------------------------------------------------------------------------------


def restore_seeded_database(seeded: str) -> None:
    """Put back what the migrations seeded after a module committed its own content (the matrices).

    The flush restarts the sequences; they are moved past the restored rows, or the next test to
    create a page or a content type would collide with them. Content types cached while the rows
    were restored may point at ids the restore reused.
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connections

    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    connections["default"].creation.deserialize_db_from_string(seeded)
    models = apps.get_models(include_auto_created=True)
    statements = connections["default"].ops.sequence_reset_sql(no_style(), models)
    with connections["default"].cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    ContentType.objects.clear_cache()


def delete_content_indexes() -> None:
    """Drop this run's content indexes (ELASTICSEARCH_INDEX_PREFIX keeps them apart from dev data)."""
    from django.conf import settings

    from search.client import indexing_client

    client = indexing_client()
    names = list(
        client.indices.get(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-content-v*", expand_wildcards="all")
    )
    if names:
        client.indices.delete(index=",".join(names), ignore_unavailable=True)


@pytest.fixture
def search_index():
    """An empty content index with its aliases; deleted again after the test."""
    from search import indexing
    from search.documents import read_alias

    delete_content_indexes()
    indexing.ensure_index()
    yield read_alias()
    delete_content_indexes()
