"""Pages shown in another language than the interface's: the notice, and `lang` on their content.

`{% translation_notice page %}` says "This page is not yet available in French; here it is in
English." (in the interface's language) and offers moderators wagtail-localize's translate action;
`<h1{% content_lang page %}>` marks content written in another language for screen readers and
browsers, while `<html lang>` stays the interface's.
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from lodestar.permissions import can_translate_pages

from ..translation import content_language, current_language, not_yet_translated_notice

register = template.Library()


@register.inclusion_tag("components/translation_notice.html", takes_context=True)
def translation_notice(context, page):
    notice = not_yet_translated_notice(page)
    translate_url = None
    request = context.get("request")
    if notice and request is not None and can_translate_pages(request.user):
        translate_url = reverse("wagtail_localize:submit_page_translation", args=[notice["source_id"]])
    return {"notice": notice, "translate_url": translate_url}


@register.simple_tag
def content_lang(page) -> str:
    """` lang="en"` when the page's content is in another language than the interface, else nothing."""
    written_in = content_language(page)
    if not written_in or written_in == current_language():
        return ""
    return format_html(' lang="{}"', written_in)
