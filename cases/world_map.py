"""World country shapes for the coalition map, from the pygal-maps-world package (no download).

The package ships one SVG of the world (viewBox 0 0 2475 1388) with a group of paths per country,
named by its ISO 3166 alpha-2 code, and lists of countries by continent. This module reads them
once per process and serves them as data; templates draw the map. Islets are dropped (paths too
small to see at page width) and coordinates keep one decimal, halving the page's weight.
"""

import functools
import re
from dataclasses import dataclass
from importlib.resources import files

from django.utils.translation import gettext_lazy as _
from pygal_maps_world import i18n

VIEWBOX = (0, 0, 2475, 1388)
SMALL_PATH = 300  # characters of path data: smaller sub-paths are islets, invisible at page width
_GROUP = re.compile(r'<g class="([a-z]{2}) country map-element">(.*?)</g>', re.S)
_PATH = re.compile(r'd="([^"]+)"')
_DECIMALS = re.compile(r"-?\d+\.\d{2,}")

# The package's continent lists, in the order that settles the few countries listed twice, with
# the Pacific island states it leaves out (the Marshall Islands among them).
REGIONS = [
    ("africa", _("Africa"), i18n.AFRICA),
    ("europe", _("Europe"), i18n.EUROPE),
    ("asia", _("Asia"), i18n.ASIA),
    ("north-america", _("North and Central America"), i18n.NORTH_AMERICA),
    ("south-america", _("South America"), i18n.SOUTH_AMERICA),
    (
        "oceania",
        _("Oceania"),
        [*i18n.OCEANIA, "fj", "mh", "fm", "ki", "nr", "pw", "sb", "to", "tv", "vu", "ws", "nc", "pf"],
    ),
]
OTHER_REGION = ("other", _("Other"))


@dataclass(frozen=True)
class CountryShape:
    code: str  # upper case, as django-countries stores it
    paths: tuple[str, ...]


def _round(match) -> str:
    return f"{float(match.group()):.1f}"


@functools.cache
def country_shapes() -> dict[str, CountryShape]:
    svg = files("pygal_maps_world").joinpath("worldmap.svg").read_text(encoding="utf-8")
    shapes = {}
    for code, body in _GROUP.findall(svg):
        paths = _PATH.findall(body)
        kept = [d for d in paths if len(d) > SMALL_PATH] or sorted(paths, key=len)[-1:]
        shapes[code.upper()] = CountryShape(
            code=code.upper(), paths=tuple(_DECIMALS.sub(_round, d) for d in kept)
        )
    return shapes


@functools.cache
def _region_by_country() -> dict[str, tuple[str, str]]:
    regions = {}
    for slug, name, codes in REGIONS:
        for code in codes:
            regions.setdefault(code.upper(), (slug, name))
    return regions


def region_of(country_code: str) -> tuple[str, str]:
    """(slug, name) of the world region of a country."""
    return _region_by_country().get(country_code.upper(), OTHER_REGION)
