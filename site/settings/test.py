"""Tests: the real local services, kept apart from a running dev site.

The broker, results, cache and search indexes use their own Redis databases and index prefix, so
a `make run` worker never takes a test's tasks and tests never touch the demo content.
"""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; never used outside tests
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://127.0.0.1:56379/10")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default="redis://127.0.0.1:56379/11")
CACHES["default"]["LOCATION"] = env("CACHE_URL", default="redis://127.0.0.1:56379/12")  # noqa: F405
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", default="lodestar-test")

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
