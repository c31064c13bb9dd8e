"""Header values that cannot break an email: no line breaks, no control characters."""

import re
import unicodedata

_BREAKS = re.compile(r"[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


def header_safe(value: str) -> str:
    """The value on one line: line breaks become spaces, other control characters go.

    A forum title with CR/LF would make Django raise BadHeaderError on every delivery attempt.
    """
    value = _BREAKS.sub(" ", value)
    value = "".join(ch for ch in value if unicodedata.category(ch) != "Cc" or ch == "\t")
    return " ".join(value.split())


def one_click_unsubscribe(url: str) -> dict[str, str]:
    """The headers that let a mail client stop a kind of email in one click (RFC 8058).

    `url` must stop it on a POST without asking anything more (a GET may ask to confirm).
    """
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
