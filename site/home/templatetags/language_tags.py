"""The language switcher, `hreflang` links and language-aware addresses in templates."""

from django import template
from django.utils import translation

from lodestar.languages import alternate_addresses, in_language
from lodestar.links import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def alternate_languages(context) -> list[dict]:
    """This page in each interface language; empty without a request or outside the languages."""
    request = context.get("request")
    if request is None:
        return []
    alternates = alternate_addresses(request)
    if len({alternate["url"] for alternate in alternates}) == 1:
        return []  # an address outside the interface languages (a file, the admin): no switcher
    return [{**alternate, "absolute_url": absolute_url(alternate["url"])} for alternate in alternates]


@register.simple_tag
def localised(path: str) -> str:
    """A fixed path of this site (such as "/library/") in the current interface language."""
    return in_language(path, translation.get_language())


@register.filter
def in_interface_language(url) -> str:
    """A link of this site (a page's, a search hit's) that keeps the reader in their language.

    "/library/x/" read under /fr/ becomes "/fr/library/x/". Addresses that already carry a language,
    absolute ones and those outside the translated addresses (files, the API) are left as they are.
    """
    url = str(url or "")
    if not url.startswith("/") or url.startswith("//") or translation.get_language_from_path(url):
        return url
    return in_language(url, translation.get_language())
