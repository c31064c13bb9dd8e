"""Markdown to safe HTML for forum posts.

Posts are rendered once, when written or edited, and the HTML is stored on the post, so pages never
render Markdown per view. Raw HTML in Markdown is shown as text (markdown-it's `html` option is off),
and the result still goes through nh3 with a short allow-list: a bug or a new Markdown feature can
never let markup through that the allow-list does not name.
"""

import re
from dataclasses import dataclass, field

import nh3
from django.utils.translation import gettext
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

# @mentions name a member by their profile slug (letters, digits, hyphens and underscores).
MENTION_RE = re.compile(r"(?<![\w@/.])@([a-z0-9][a-z0-9_-]{0,79})", re.IGNORECASE)

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "s",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_CLASSES = {"a": {"mention"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"


@dataclass
class Rendered:
    html: str
    mentioned_slugs: list[str] = field(default_factory=list)
    link_count: int = 0


def _mention_rule(state: StateInline, silent: bool) -> bool:
    """Turn `@slug` into a link to that member's profile, when such a member exists."""
    if state.src[state.pos] != "@":
        return False
    if state.pos > 0 and (state.src[state.pos - 1].isalnum() or state.src[state.pos - 1] in "_@/."):
        return False
    match = MENTION_RE.match(state.src, state.pos)
    if not match:
        return False
    slug = match.group(1).lower()
    profiles = state.env.get("mention_urls", {})
    if slug not in profiles:
        return False
    if not silent:
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": profiles[slug], "class": "mention"}
        text = state.push("text", "", 0)
        text.content = f"@{slug}"
        state.push("link_close", "a", -1)
        state.env.setdefault("mentioned", []).append(slug)
    state.pos = match.end()
    return True


def _build_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
    md.enable(["linkify", "table", "strikethrough"])
    # Images would load third-party content (and the CSP blocks them); `![alt](url)` stays a link.
    md.disable("image")
    md.inline.ruler.before("emphasis", "mention", _mention_rule)

    # Post headings sit under the page's h1 (topic) and h2 (post author), so they start at h3.
    def heading_open(renderer, tokens, idx, options, env):
        token = tokens[idx]
        level = min(int(token.tag[1]) + 2, 6)
        return f"<h{level}>"

    def heading_close(renderer, tokens, idx, options, env):
        level = min(int(tokens[idx].tag[1]) + 2, 6)
        return f"</h{level}>\n"

    md.add_render_rule("heading_open", heading_open)
    md.add_render_rule("heading_close", heading_close)
    return md


_parser = _build_parser()


def mention_candidates(markdown: str) -> set[str]:
    """Slugs that look like mentions, to look up before rendering (one query for all)."""
    return {slug.lower() for slug in MENTION_RE.findall(markdown or "")}


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "noscript", "template"},
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown(markdown: str, *, mention_urls: dict[str, str] | None = None) -> Rendered:
    """Render a post's Markdown to sanitised HTML; `mention_urls` maps known slugs to profile URLs."""
    env = {"mention_urls": mention_urls or {}}
    tokens = _parser.parse(markdown or "", env)
    link_count = sum(
        1
        for block in tokens
        for child in (block.children or [])
        if child.type == "link_open" and "mention" not in str(child.attrs.get("class", ""))
    )
    html = sanitise(_parser.renderer.render(tokens, _parser.options, env))
    mentioned = list(dict.fromkeys(env.get("mentioned", [])))
    return Rendered(html=html, mentioned_slugs=mentioned, link_count=link_count)


def quote_markdown(*, author_name: str, markdown: str) -> str:
    """The Markdown a reply starts with when it quotes a post (in the replier's interface language)."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in (markdown or "").strip().splitlines())
    wrote = gettext("%(name)s wrote:") % {"name": f"**{author_name}**"}
    return f"> {wrote}\n>\n{quoted}\n\n"
