"""Project-wide code for Lodestar: settings, URLs, the Celery app, WSGI and the home page.

This folder is site/ but its package is imported as `lodestar` (see pyproject.toml).
"""

from .celery import app as celery_app

__all__ = ("celery_app",)
