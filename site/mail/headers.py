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
