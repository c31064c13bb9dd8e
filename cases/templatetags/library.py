"""`{% featured_case_cards %}`: the secretariat's featured case studies, for the home page."""

from django import template

from ..selectors import featured_cases

register = template.Library()


@register.inclusion_tag("cases/includes/featured_cases.html")
def featured_case_cards(heading: str = "Featured case studies"):
    return {"entries": featured_cases(), "heading": heading}
