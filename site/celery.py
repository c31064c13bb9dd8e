"""The Celery app: Redis broker, tasks discovered in every installed app.

Every Lodestar task is written to be idempotent (it takes ids and re-reads the database), so the
defaults below favour never losing work over never running twice.
"""

import os

from celery import Celery, Task
from django.db import InterfaceError, OperationalError
from elastic_transport import TransportError
from kombu.exceptions import OperationalError as BrokerError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings.dev")

# Failures worth another try: a service that is down or slow now may be back in a moment.
TRANSIENT_ERRORS = (
    ConnectionError,
    TimeoutError,
    OperationalError,
    InterfaceError,
    TransportError,
    BrokerError,
)


class ReliableTask(Task):
    """Base task: retried with exponential backoff and jitter on transient errors."""

    autoretry_for = TRANSIENT_ERRORS
    retry_backoff = 2
    retry_backoff_max = 300
    retry_jitter = True
    max_retries = 8
    acks_late = True
    reject_on_worker_lost = True


app = Celery("lodestar", task_cls=ReliableTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["lodestar"])
