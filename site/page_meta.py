"""What a page says about itself in its <head>: title, description, canonical address, Open Graph
and Twitter cards, and whether search engines should index it.

base.html wraps its title block in `{% head_meta %}`, which renders templates/components/head_meta.html.
Titles are the page's own words with the site name once ("Forum · Lodestar"; the page number after
page 1), never a newline or "Lodestar · Lodestar". Descriptions come from the page (Wagtail's search
description, else its summary or intro), else from what the view shows (a category's description,
a topic's first post, an organisation), else a sentence for the view, else the site's own.

Canonical addresses name the public address (lodestar.links, like the feeds and the sitemap) and
keep only what makes a different page: `page=N` for N > 1 of a plain listing. Tracking parameters
(utm_*, gclid, fbclid...) are dropped; a filtered, sorted or searched listing names the listing
itself, as search engines advise for faceted navigation, so its many combinations do not compete
with it. Pages a visitor cannot open (members-only pages and topics, the profile, moderation) carry
`noindex` and no canonical or preview tags (an error page never echoes the address asked for), and
so does anything this module does not know to be public: it fails closed.
"""

from dataclasses import dataclass
from html import unescape

from django import template
from django.contrib.auth.models import AnonymousUser
from django.utils.html import strip_tags
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .links import absolute_url
from .permissions import (
    can_search,
    can_view_category,
    can_view_directory,
    can_view_forum,
    can_view_library,
    can_view_page,
    can_view_topic,
)

SITE_NAME = "Lodestar"
SITE_DESCRIPTION = _(
    "Lodestar is the knowledge exchange of the Carbon Neutrality Coalition: case studies, tools and "
    "a forum on long-term, low-emission, climate-resilient development strategies."
)
HOME_TITLE = format_lazy("{} · {}", SITE_NAME, _("Knowledge exchange of the Carbon Neutrality Coalition"))
DESCRIPTION_LENGTH = 160  # about what search engines show
SEPARATOR = " · "

TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = {"gclid", "dclid", "fbclid", "msclkid", "mc_cid", "mc_eid", "_ga", "ref", "yclid"}

# Sentences for views that have no page or object to describe.
VIEW_DESCRIPTIONS = {
    "forum:index": _(
        "Questions and answers between Coalition practitioners on building and carrying "
        "out long-term low-emission strategies."
    ),
    "forum:tag": _("Forum topics on this subject from practitioners of the Carbon Neutrality Coalition."),
    "members:directory": _(
        "The countries, cities, businesses and other organisations taking part in "
        "the Carbon Neutrality Coalition on Lodestar."
    ),
    "cases:glossary": _(
        "The terms Lodestar uses to describe case studies and tools: sectors, actor "
        "types, strategy stages and more."
    ),
    "cases:pathways": _(
        "How Coalition members' long-term strategies progress, stage by stage, with "
        "the case studies behind each."
    ),
    "search:search": _(
        "Search case studies, tools, forum discussions and member organisations across the "
        "Carbon Neutrality Coalition."
    ),
    "account_login": _(
        "Log in to Lodestar to post in the forum, submit case studies and see members-only content."
    ),
    "account_signup": _(
        "Create a Lodestar account to take part in the Carbon Neutrality Coalition's knowledge exchange."
    ),
    "account_reset_password": _("Reset the password of your Lodestar account."),
}

VISITOR = AnonymousUser()


def _always(context) -> bool:
    return True


def _shown(name: str, context, may_view) -> bool:
    """Whether a visitor may see the object the view shows (none, as on a 404 page: no)."""
    shown = context.get(name)
    return shown is not None and may_view(VISITOR, shown)


# Django views (by URL name) a visitor may open, and how to tell for this page's object. Wagtail
# pages are asked of can_view_page. Anything else (the profile form, notifications, moderation,
# applications, error pages) is not indexed. People's profiles are not either: like the sitemap,
# a crawler is nobody a person chose to show their profile to.
PUBLIC_VIEWS = {
    "forum:index": lambda context: can_view_forum(VISITOR),
    "forum:tag": lambda context: can_view_forum(VISITOR),
    "forum:category": lambda context: _shown("category", context, can_view_category),
    "forum:topic": lambda context: _shown("topic", context, can_view_topic),
    "members:directory": lambda context: can_view_directory(VISITOR),
    "members:organisation_detail": lambda context: can_view_directory(VISITOR),
    "cases:glossary": lambda context: can_view_library(VISITOR),
    "cases:pathways": lambda context: can_view_library(VISITOR),
    "search:search": lambda context: can_search(VISITOR),
    "account_login": _always,
    "account_signup": _always,
    "account_reset_password": _always,
}


@dataclass(frozen=True)
class Image:
    url: str
    alt: str
    width: int
    height: int


@dataclass(frozen=True)
class HeadMeta:
    title: str
    description: str
    canonical: str
    indexable: bool
    og_type: str
    image: Image | None

    @property
    def social_title(self) -> str:
        """The title without the site name, which og:site_name already gives."""
        suffix = SEPARATOR + SITE_NAME
        return self.title.removesuffix(suffix) if self.title != str(HOME_TITLE) else SITE_NAME

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image else "summary"


def plain_text(html_or_text: str) -> str:
    """Text without tags, entities or runs of whitespace (a title block's newlines included)."""
    return " ".join(unescape(strip_tags(html_or_text or "")).split())


def shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """At most `length` characters, cut between words."""
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def page_number(context) -> int:
    """The number of the page of a paginated list shown, 1 when there is none."""
    for name in ("page_obj", "topics", "results"):
        candidate = context.get(name)
        number = getattr(candidate, "number", None)
        if isinstance(number, int) and hasattr(candidate, "paginator"):
            return number
    return 1


def page_title(raw_title: str, number: int = 1) -> str:
    """'Words · page 2 · Lodestar'; the home page (titled just 'Lodestar') gets the site's tagline."""
    words = plain_text(raw_title)
    parts = [words] if words and words != SITE_NAME else []
    if number > 1:
        parts.append(gettext("page %(number)s") % {"number": number})
    if not parts:
        return str(HOME_TITLE)
    return SEPARATOR.join([*parts, SITE_NAME])


def _is_tracking(name: str) -> bool:
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def canonical_url(request, number: int = 1) -> str:
    """This page's one public address (see the module's docstring for which parameters survive)."""
    address = absolute_url(request.path)
    meaningful = {name for name in request.GET if not _is_tracking(name) and name != "page"}
    if not meaningful and number > 1:
        return f"{address}?page={number}"
    return address


def _view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""


def _wagtail_page(context):
    """The Wagtail page this response serves (not a page a Django view merely mentions)."""
    if _view_name(context.get("request")) != "wagtail_serve":
        return None
    return context.get("page")


def is_indexable(context) -> bool:
    """Whether a visitor (and so a search engine) may open this page."""
    request = context.get("request")
    if request is None:
        return False
    page = _wagtail_page(context)
    if page is not None:
        return can_view_page(VISITOR, page)
    rule = PUBLIC_VIEWS.get(_view_name(request))
    return bool(rule and rule(context))


def _object_description(context) -> str:
    """Words about the object a Django view shows."""
    view = _view_name(context.get("request"))
    if view == "forum:topic":
        posts = context.get("posts") or []
        if posts:
            return posts[0].body_html
    if view in ("forum:topic", "forum:category") and context.get("category") is not None:
        category = context["category"]
        return category.description or gettext("Forum topics in %(category)s.") % {"category": category.name}
    if view == "members:organisation_detail" and context.get("organisation") is not None:
        organisation = context["organisation"]
        return gettext(
            "%(organisation)s: %(actor_type)s in %(country)s, taking part in the Carbon Neutrality "
            "Coalition on Lodestar."
        ) % {
            "organisation": organisation.name,
            "actor_type": organisation.actor_type,
            "country": organisation.country.name,
        }
    return ""


def page_description(context) -> str:
    page = _wagtail_page(context)
    candidates = [
        getattr(page, "search_description", ""),
        getattr(page, "summary", ""),
        getattr(page, "intro", ""),
    ]
    candidates += [
        _object_description(context),
        VIEW_DESCRIPTIONS.get(_view_name(context.get("request")), ""),
    ]
    for candidate in candidates:
        text = plain_text(candidate)
        if text:
            return shorten(text)
    return str(SITE_DESCRIPTION)


def page_image(context) -> Image | None:
    """The page's hero image, in the rendition its template already shows (no new file made)."""
    page = _wagtail_page(context)
    image = getattr(page, "hero_image", None)
    if image is None:
        return None
    rendition = image.get_rendition("fill-960x540")
    return Image(
        url=absolute_url(rendition.url),
        alt=plain_text(getattr(image, "description", "") or image.title),
        width=rendition.width,
        height=rendition.height,
    )


def head_meta_for(context, raw_title: str) -> HeadMeta:
    request = context.get("request")
    number = page_number(context)
    page = _wagtail_page(context)
    is_article = _view_name(request) == "forum:topic" or hasattr(page, "summary")
    return HeadMeta(
        title=page_title(raw_title, number),
        description=page_description(context),
        canonical=canonical_url(request, number) if request is not None else "",
        indexable=is_indexable(context),
        og_type="article" if is_article else "website",
        image=page_image(context),
    )


# --- The template tag ------------------------------------------------------------------------

register = template.Library()


class HeadMetaNode(template.Node):
    """Renders its content (the title blocks, so templates keep overriding `{% block title %}`)
    into the head's title and meta tags."""

    child_nodelists = ("nodelist",)

    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        meta = head_meta_for(context, self.nodelist.render(context))
        component = context.template.engine.get_template("components/head_meta.html")
        with context.push(meta=meta):
            return component.render(context)


@register.tag
def head_meta(parser, token):
    """{% head_meta %}{% block title %}...{% endblock %}{% endhead_meta %}"""
    nodelist = parser.parse(("endhead_meta",))
    parser.delete_first_token()
    return HeadMetaNode(nodelist)
