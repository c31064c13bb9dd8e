"""`{% featured_case_cards %}`: the secretariat's featured case studies, for the home page."""

from decimal import Decimal

import nh3
from django import template
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..figures import format_figure
from ..models import CaseStudyPage, FeaturedCase
from ..models.snippets import HOME_PAGE_MAX_CARDS

register = template.Library()


@register.inclusion_tag("cases/includes/featured_cases.html")
def featured_case_cards(heading: str = _("Featured case studies")):
    return {
        "entries": selectors.featured_cases(FeaturedCase.objects, HOME_PAGE_MAX_CARDS),
        "heading": heading,
    }


@register.filter
def figure(value) -> str:
    """An emissions figure without the trailing zeros of its stored decimal places (13.2, not 13.200),
    with the interface language's decimal mark (13,2 in French and Spanish)."""
    return "" if value is None else formats.number_format(Decimal(format_figure(value)))


RICH_TEXT_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li", "h2", "h3", "h4"}
RICH_TEXT_ATTRIBUTES = {"a": {"href", "title"}}


@register.filter
def clean_richtext(value) -> str:
    """Rich text as Wagtail renders it, then sanitised with nh3.

    The editor only produces allowed markup, but pages can also arrive through code, imports or
    the API; this keeps the rendered page safe whatever was stored.
    """
    from django.utils.safestring import mark_safe
    from wagtail.rich_text import RichText, expand_db_html

    source = value.source if isinstance(value, RichText) else str(value or "")
    html = expand_db_html(source)
    cleaned = nh3.clean(html, tags=RICH_TEXT_TAGS, attributes=RICH_TEXT_ATTRIBUTES, link_rel="noopener")
    # Safe to mark: nh3 has just removed everything but the allowed tags and attributes.
    return mark_safe(cleaned)  # noqa: S308  # nosec


@register.inclusion_tag("cases/includes/contributed_case_studies.html")
def contributed_case_studies(organisation=None, owner=None, heading: str = _("Case studies")):
    """`{% contributed_case_studies organisation=org %}` on member pages (members never import cases)."""
    found = selectors.contributed_case_studies(CaseStudyPage.objects, organisation=organisation, owner=owner)
    return {"case_studies": found, "heading": heading}
