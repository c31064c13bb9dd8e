"""Sending Celery tasks from requests without ever waiting long on the broker.

Every task Lodestar sends after a commit has a durable record (an outbox row) that a periodic
task drains, so a task that cannot be sent now is only late, not lost. Sending therefore fails
fast: one quick retry, results ignored (no subscription to the result backend), and after a
failure this process stops trying for BROKER_RETRY_SECONDS, so that a request that would send
several tasks while Redis is down waits on it once at most, not once per task.
"""

from __future__ import annotations

import logging
import threading
import time

from celery import Task
from celery.result import AsyncResult
from django.conf import settings

logger = logging.getLogger(__name__)

# A first failure may be a blip: one more try, 0.1 s later. Longer outages are the drains' job.
PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0.1, "interval_step": 0.1, "interval_max": 0.1}


class _Breaker:
    """When the broker last failed in this process (monotonic seconds), shared by its threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0

    def is_open(self) -> bool:
        return time.monotonic() < self.down_until

    def trip(self) -> bool:
        """Mark the broker down; True when it was thought up (so the outage is logged once)."""
        with self.lock:
            was_up = not self.is_open()
            self.down_until = time.monotonic() + settings.BROKER_RETRY_SECONDS
            return was_up


broker = _Breaker()


def send_task(task: Task, *args, **options) -> AsyncResult | None:
    """Queue `task(*args)`; on a broker failure log it and return None (the drain sends it later).

    Only for tasks whose work is recorded durably before they are sent. Whether a result is
    stored follows CELERY_TASK_IGNORE_RESULT (off in production: nothing reads them).
    """
    if broker.is_open():
        logger.info("Broker marked down: %s%r not sent now; its drain will handle it", task.name, args)
        return None
    try:
        return task.apply_async(args=args, retry=True, retry_policy=PUBLISH_RETRY_POLICY, **options)
    except Exception as error:  # noqa: BLE001 - any broker failure: the work is recorded, nothing is lost
        if broker.trip():
            logger.warning(
                "Could not send %s to the broker (%s); not trying again for %s s, the periodic drains "
                "will send what is pending",
                task.name,
                error,
                settings.BROKER_RETRY_SECONDS,
            )
        return None
