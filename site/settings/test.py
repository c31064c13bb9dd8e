"""Tests: the real local services, kept apart from a running dev site and from each other.

The broker, results, cache, search indexes, mailbox and database are the test suite's own, so a
`make run` worker never takes a test's tasks and tests never touch the demo content. Setting
LODESTAR_TEST_SLOT (0-9) gives a second checkout its own set, so two suites can run at once.
"""

from .base import *  # noqa: F403
from .base import BASE_DIR, CACHES, DATABASES, LOCAL_REDIS, env

TEST_SLOT = int(env.str("LODESTAR_TEST_SLOT", default="") or -1)
_redis_base = 10 if TEST_SLOT < 0 else 20 + 3 * TEST_SLOT  # scripts/services runs Redis with 64 databases
_suffix = "" if TEST_SLOT < 0 else f"_{TEST_SLOT}"

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; never used outside tests

DATABASES["default"]["TEST"] = {"NAME": f"test_lodestar{_suffix}"}
CELERY_BROKER_URL = f"{LOCAL_REDIS}/{_redis_base}"
CELERY_RESULT_BACKEND = f"{LOCAL_REDIS}/{_redis_base + 1}"
# Tests wait for the tasks they start through their results (tests/conftest.py `tasks`); the
# Redis fault drill runs its server with CELERY_TASK_IGNORE_RESULT=1, as in production.
CELERY_TASK_IGNORE_RESULT = env.bool("CELERY_TASK_IGNORE_RESULT", default=False)
CACHES["default"]["LOCATION"] = f"{LOCAL_REDIS}/{_redis_base + 2}"
ELASTICSEARCH_INDEX_PREFIX = f"lodestar-test{_suffix.replace('_', '-')}"

# The worker sends mail; tests read it back from this mailbox (tests/conftest.py `mailbox`).
EMAIL_BACKEND = "lodestar.mail.backends.MaildirBackend"
EMAIL_FILE_PATH = BASE_DIR / ".services" / f"test-mail{_suffix}"

# Uploads of the suite, apart from `make run`'s media/ and from other slots.
MEDIA_ROOT = BASE_DIR / ".services" / f"test-media{_suffix}"

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Forum notification emails go out at once instead of after a batching pause.
FORUM_EMAIL_BATCH_SECONDS = 0
SAVED_SEARCH_INDEXING_GRACE_SECONDS = 0  # tests wait on indexing themselves

# Tests see fresh pages; the visitor cache's own tests (tests/test_visitor_cache.py) turn it on.
VISITOR_PAGE_CACHE_SECONDS = env.int("VISITOR_PAGE_CACHE_SECONDS", default=0)
