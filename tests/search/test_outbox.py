"""The outbox: versions follow commit order, and a broker outage loses no change."""

import os
import subprocess
import sys
import threading
import time

import pytest
from celery.result import AsyncResult
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F

from lodestar.celery import app as celery_app
from search.models import IndexOutbox
from search.outbox import record_changes
from search.tasks import drain_search_outbox
from tests.conftest import REPO, _database_url
from tests.search.conftest import closed_port, refresh
from tests.search.factories import member_organisation
from tests.search.test_sync import titles

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def version_of(object_id: int) -> int:
    return IndexOutbox.objects.get(document_type="organisation", object_id=object_id).version


def _waiting_upserts() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # statistics views are cached per transaction
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND query LIKE '%%INSERT INTO search_indexoutbox%%'"
        )
        return cursor.fetchone()[0]


def test_a_second_change_to_an_object_waits_for_the_first_to_commit_and_gets_the_higher_version():
    """So versions follow commit order, and the last committed state always carries the highest one."""
    record_changes("organisation", [424242], dispatch=False)
    second_done = threading.Event()

    def second_change():
        with transaction.atomic():
            record_changes("organisation", [424242], dispatch=False)
        second_done.set()
        connection.close()

    with transaction.atomic():
        record_changes("organisation", [424242], dispatch=False)
        first_version = IndexOutbox.objects.get(object_id=424242).version
        other = threading.Thread(target=second_change)
        other.start()
        deadline = time.monotonic() + 10
        while not _waiting_upserts() and time.monotonic() < deadline:
            pass
        assert _waiting_upserts() == 1, "the second change should wait for this transaction"
        assert not second_done.is_set()
    other.join(timeout=10)

    assert second_done.is_set()
    assert version_of(424242) > first_version


def test_one_transaction_sends_one_task_for_all_its_changes(tasks, search_index):
    member_organisation("Illustrative Grid Agency", members=3)  # organisation, 3 profiles, 3 group joins

    tasks.wait()
    assert len(tasks.ids) == 1


def test_an_edit_made_while_the_broker_is_down_is_saved_and_indexed_by_the_drain(search_index, tasks):
    organisation = member_organisation("Illustrative Harbour Authority")
    tasks.wait()
    assert titles("harbour") == ["Illustrative Harbour Authority"]

    # Another process, whose broker is unreachable, renames it: the edit must still succeed.
    edit = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from lodestar.members.models import Organisation; from django.db import transaction\n"
            "with transaction.atomic():\n"
            f"    o = Organisation.objects.get(pk={organisation.pk})\n"
            "    o.name = 'Illustrative Port Authority'\n"
            "    o.save()\n"
            "print('saved')",
        ],
        cwd=REPO,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lodestar.settings.dev",
            "DATABASE_URL": _database_url(),
            "CELERY_BROKER_URL": f"redis://127.0.0.1:{closed_port()}/0",
            "ELASTICSEARCH_INDEX_PREFIX": settings.ELASTICSEARCH_INDEX_PREFIX,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert edit.returncode == 0, edit.stderr
    assert "saved" in edit.stdout
    assert "the periodic drain will index them" in edit.stderr
    assert IndexOutbox.objects.filter(object_id=organisation.pk, indexed_version__lt=F("version")).exists()
    assert titles("port authority") == []

    AsyncResult(drain_search_outbox.delay().id, app=celery_app).get(timeout=60)

    refresh()
    assert titles("port authority") == ["Illustrative Port Authority"]
