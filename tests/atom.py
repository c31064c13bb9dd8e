"""Reading an Atom feed as a feed reader and a validator would, for the feed tests.

`read_feed` parses with feedparser (the library most readers build on: `bozo` set means it found
the feed malformed) and checks the MUSTs of RFC 4287 that feedparser forgives: one id, title and
`updated` per feed and entry, RFC 3339 dates, an author for the feed or every entry, absolute
links and ids, unique entry ids, a `self` link, and summaries of a known type. (The W3C feed
validator cannot be reached from the build machines, and no maintained offline one is packaged.)
"""

import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def _absolute(iri: str) -> bool:
    parts = urlsplit(iri)
    return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme in ("tag", "urn"))


def _one(element, name: str, where: str):
    found = element.findall(f"{ATOM}{name}")
    assert len(found) == 1, f"{where}: {len(found)} <{name}> elements, RFC 4287 asks for exactly one"
    return found[0]


def _check_common(element, where: str) -> None:
    assert _absolute(_one(element, "id", where).text or ""), f"{where}: the id is not an absolute IRI"
    assert (_one(element, "title", where).text or "").strip(), f"{where}: empty title"
    for name in ("updated", "published"):
        for date in element.findall(f"{ATOM}{name}"):
            assert RFC3339.match(date.text or ""), f"{where}: <{name}> {date.text!r} is not RFC 3339"
    _one(element, "updated", where)
    for link in element.findall(f"{ATOM}link"):
        assert _absolute(link.get("href", "")), f"{where}: relative link {link.get('href')!r}"
    alternates = [
        link.get("type") for link in element.findall(f"{ATOM}link") if link.get("rel") == "alternate"
    ]
    assert len(alternates) == len(set(alternates)), f"{where}: two alternate links of one type"
    for author in element.findall(f"{ATOM}author"):
        assert (_one(author, "name", f"{where} author").text or "").strip(), f"{where}: nameless author"
    for category in element.findall(f"{ATOM}category"):
        assert category.get("term"), f"{where}: a category without a term"


def check_rfc4287(content: bytes) -> ElementTree.Element:
    root = ElementTree.fromstring(content)  # noqa: S314 - our own feed, in a test
    assert root.tag == f"{ATOM}feed", root.tag
    _check_common(root, "feed")
    assert any(link.get("rel") == "self" for link in root.findall(f"{ATOM}link")), "feed: no self link"
    feed_has_author = bool(root.findall(f"{ATOM}author"))
    ids = []
    for number, entry in enumerate(root.findall(f"{ATOM}entry"), 1):
        where = f"entry {number}"
        _check_common(entry, where)
        assert feed_has_author or entry.findall(f"{ATOM}author"), f"{where}: no author, and the feed has none"
        links = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        assert links or entry.findall(f"{ATOM}content"), f"{where}: neither an alternate link nor content"
        for summary in entry.findall(f"{ATOM}summary"):
            assert summary.get("type", "text") in ("text", "html", "xhtml"), f"{where}: summary type"
        ids.append(entry.find(f"{ATOM}id").text)
    assert len(ids) == len(set(ids)), f"entry ids are not unique: {ids}"
    return root


def read_feed(response) -> feedparser.FeedParserDict:
    """The feed of an HTTP response, checked: Atom's media type, well-formed, RFC 4287's MUSTs."""
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/atom+xml"), response["Content-Type"]
    check_rfc4287(response.content)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, f"feedparser finds the feed malformed: {parsed.get('bozo_exception')}"
    assert parsed.version == "atom10", parsed.version
    return parsed


def raw_summaries(content: bytes) -> list[str]:
    """Each entry's summary as a reader gets it before rendering it (the HTML inside the XML)."""
    root = ElementTree.fromstring(content)  # noqa: S314 - our own feed, in a test
    return [entry.findtext(f"{ATOM}summary") or "" for entry in root.findall(f"{ATOM}entry")]
