from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from lodestar.tasks import clear_expired_sessions

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_worker_runs_a_task_sent_through_redis_and_its_effect_reaches_the_database(celery_worker):
    expired = SessionStore()
    expired.create()
    Session.objects.filter(session_key=expired.session_key).update(
        expire_date=timezone.now() - timedelta(days=1)
    )
    current = SessionStore()
    current.create()

    result = clear_expired_sessions.delay()
    deleted = result.get(timeout=30)

    assert deleted == 1
    assert result.successful()
    assert list(Session.objects.values_list("session_key", flat=True)) == [current.session_key]


def test_tasks_are_acknowledged_late_and_requeued_when_a_worker_dies():
    """Losing a worker must not lose the task it held: the broker hands it to another worker."""
    assert clear_expired_sessions.acks_late is True
    assert clear_expired_sessions.reject_on_worker_lost is True
    assert clear_expired_sessions.retry_jitter is True
    assert clear_expired_sessions.retry_backoff
