"""What "safe HTML" means for the forum, checked on parsed HTML (not on strings)."""

import re

from bs4 import BeautifulSoup

FORBIDDEN_TAGS = {
    "script", "style", "iframe", "object", "embed", "form", "input", "button", "textarea", "meta",
    "base", "link", "svg", "math", "img", "body", "details", "noscript", "frame", "frameset", "template",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "background", "poster"}
DANGEROUS_SCHEME = re.compile(r"^(javascript|data|vbscript):", re.IGNORECASE)


def unsafe_parts(html: str) -> list[str]:
    """Every element or attribute in `html` that could run script or inject style; [] when safe."""
    problems = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        if element.name.lower() in FORBIDDEN_TAGS:
            problems.append(f"<{element.name}> element")
        for attribute, value in element.attrs.items():
            name = attribute.lower()
            if name.startswith("on"):
                problems.append(f"event handler {attribute} on <{element.name}>")
            if name == "style":
                problems.append(f"style attribute on <{element.name}>")
            if name in URL_ATTRIBUTES:
                text = value if isinstance(value, str) else " ".join(value)
                compact = re.sub(r"[\x00-\x20]+", "", text)
                if DANGEROUS_SCHEME.match(compact):
                    problems.append(f"{attribute}={text!r} on <{element.name}>")
    return problems
