"""The visitor's real address, behind TRUSTED_PROXY_COUNT reverse proxies (nginx in production).

Each trusted proxy appends the address it received the request from to X-Forwarded-For, so with
N proxies the visitor is the N-th entry from the right; entries further left were written by the
client and are not trusted. With no proxy (the default) it is REMOTE_ADDR. Axes (lockouts),
allauth and every django-ratelimit limit use this one function, so a proxy in front never makes
every visitor share one address.
"""

import ipaddress

from django.conf import settings


def _clean(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [IPv6]:port
        value = value[1 : value.index("]")]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        # Not through all the proxies (a direct connection): only the connecting address is known.
        return remote
    return _clean(forwarded[-count]) or remote


def ratelimit_ip(request) -> str:
    """For RATELIMIT_IP_META_KEY (django-ratelimit's `ip` and `user_or_ip` keys)."""
    return client_ip(request)
