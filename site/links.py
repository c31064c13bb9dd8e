"""Absolute links that leave the site (emails, the API, the CSV, feeds), all from one setting.

`WAGTAILADMIN_BASE_URL` (default http://127.0.0.1:8000, what `make run` serves; required in
production) is the site's public address. Wagtail builds the API's `html_url` from its Site record
and `detail_url` from `WAGTAILAPI_BASE_URL`; `configure_site()` keeps the Site in step with the
setting and runs after every `migrate`, so every absolute link names the same, reachable host.
"""

from urllib.parse import urlsplit

from django.conf import settings


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """The public address of a path on this site (a URL that already is absolute is kept)."""
    if path.startswith(("http://", "https://")):
        return path
    return base_url() + ("" if path.startswith("/") else "/") + path


def site_address() -> tuple[str, int]:
    """The (hostname, port) of the public address, for Wagtail's Site record."""
    parts = urlsplit(base_url())
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname or "127.0.0.1", port


def configure_site(**kwargs) -> None:
    """Point the default Wagtail Site at the public address (a post_migrate handler; idempotent)."""
    from wagtail.models import Site  # here: this module is imported while apps are still loading

    hostname, port = site_address()
    Site.objects.filter(is_default_site=True).exclude(hostname=hostname, port=port).update(
        hostname=hostname, port=port
    )
