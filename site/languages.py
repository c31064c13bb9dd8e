"""The interface's language: English at the site's root, French under /fr/ and Spanish under /es/.

The address alone decides, so a page has one language per address: visitors' cached pages, search
engines (`hreflang`) and shared links all agree, and no answer depends on a cookie or on the
browser's Accept-Language. A member's preferred language (their profile) is for what Lodestar
sends them while they are away: emails and notifications, and where they land after signing in.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import translate_url
from django.utils import translation


def language_names() -> dict[str, str]:
    return dict(settings.LANGUAGES)


class LanguageFromPathMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, without `Vary: Accept-Language` on addresses without a prefix.

    With `prefix_default_language=False` an address without a prefix is always English (Django
    ignores the browser's languages there), so the header would only keep those pages out of the
    visitors' cache (lodestar.visitor_cache stores nothing that varies on more than cookies).
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
        if not translation.get_language_from_path(request.path_info) and "Accept-Language" in vary:
            vary.remove("Accept-Language")
            if vary:
                response["Vary"] = ", ".join(vary)
            else:
                del response["Vary"]
        return response


def alternate_addresses(request) -> list[dict]:
    """The same page in each interface language, for the language switcher and `hreflang` links."""
    here = request.get_full_path()
    current = translation.get_language()
    names = language_names()
    return [
        {
            "code": code,
            "name": names[code],
            "url": translate_url(here, code),
            "current": code == current,
        }
        for code, _ in settings.LANGUAGES
    ]


def in_language(path: str, language: str) -> str:
    """An English path of this site (such as "/library/") in `language`'s interface.

    Unchanged when the path is outside the translated addresses (the API, files, the admin).
    """
    if language not in language_names() or language == settings.LANGUAGE_CODE:
        return path
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(path, language)
