"""The pathway chart: a case study's emissions trajectory as server-rendered SVG plus a table.

No JavaScript: the SVG is drawn from coordinates computed here, and the same points are listed in
a table for screen readers, printing and copying. Each point carries its value and unit on the
chart, with the tracker's straight-line reference from base year to target drawn behind it.

Two layouts are computed, so the text stays legible on any screen: a wide one (shown from tablet
width up, and in print) and a narrow one for phones, each drawn at about its display size.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from .fields import TargetType
from .figures import Figures, format_figure

WIDTH, HEIGHT = 640, 320
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 64, 24, 36, 40
NARROW = {"width": 340, "height": 300, "margin_left": 44, "margin_right": 14}
FONT_SIZE = 13
CHAR_WIDTH = 0.6 * FONT_SIZE  # an estimate, to keep labels from overlapping


@dataclass(frozen=True)
class PathwayPoint:
    year: int
    value: Decimal
    kind: str  # "base", "latest", "milestone", "target"
    label: str
    x: float = 0
    y: float = 0
    text: str = ""  # the label drawn next to the point: value and unit
    text_x: float = 0
    text_y: float = 0
    anchor: str = "middle"

    @property
    def is_reported(self) -> bool:
        return self.kind in ("base", "latest")


@dataclass(frozen=True)
class PathwayChart:
    points: list[PathwayPoint]
    unit: str
    y_ticks: list[tuple[float, Decimal]]
    x_ticks: list[tuple[float, int]]
    zero_y: float | None
    width: int = WIDTH
    height: int = HEIGHT
    margin_left: int = MARGIN_LEFT
    margin_right: int = MARGIN_RIGHT
    reference: tuple[tuple[float, float], tuple[float, float]] | None = None
    font_size: int = FONT_SIZE

    @property
    def reported_polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points if p.is_reported)

    @property
    def planned_polyline(self) -> str:
        planned = [p for p in self.points if p.kind == "latest" or not p.is_reported]
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in planned)

    @property
    def reference_polyline(self) -> str:
        if self.reference is None:
            return ""
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in self.reference)

    @property
    def plot_left(self) -> int:
        return self.margin_left

    @property
    def plot_right(self) -> int:
        return self.width - self.margin_right

    @property
    def plot_bottom(self) -> int:
        return self.height - MARGIN_BOTTOM

    @property
    def tick_label_x(self) -> int:
        return self.margin_left - 6

    @property
    def year_label_y(self) -> int:
        return self.plot_bottom + 24


def target_value(page) -> Decimal | None:
    return Figures.of_page(page, milestones=[]).target_value


def target_label(page) -> str:
    """What the table and chart call the target point (not just its type's name)."""
    if page.target_type == TargetType.PERCENT_REDUCTION and page.target_percentage is not None:
        return _("Target: %(percentage)s %% below %(year)s") % {
            "percentage": formats.number_format(Decimal(page.target_percentage).normalize()),
            "year": page.target_base_year,
        }
    if page.target_type == TargetType.CARBON_NEUTRAL_CO2:
        return _("Target: carbon neutral")
    return _("Target: net zero")


def _nice_step(span: Decimal) -> Decimal:
    raw = span / 4 if span else Decimal(1)
    magnitude = Decimal(10) ** (len(str(int(abs(raw)))) - 1) if abs(raw) >= 1 else Decimal("0.1")
    for factor in (1, 2, 5, 10):
        if raw <= magnitude * factor:
            return magnitude * factor
    return magnitude * 10


def _place_labels(points: list[PathwayPoint], unit: str, *, left: float, right: float, top: float, bottom):
    """Value labels above each point, flipped below when they would overlap the previous one."""
    placed = []
    previous = None
    for index, point in enumerate(points):
        text = f"{formats.number_format(Decimal(format_figure(point.value)))} {unit}".strip()
        width = len(text) * CHAR_WIDTH
        anchor = "start" if index == 0 else "end" if index == len(points) - 1 else "middle"
        start = {"start": point.x, "middle": point.x - width / 2, "end": point.x - width}[anchor]
        above = point.y - 10 >= top - 24
        if previous is not None and start < previous[0] + 4:
            above = not previous[1]
        if not above and point.y + 22 > bottom:
            above = True
        text_y = point.y - 10 if above else point.y + 20
        placed.append(
            PathwayPoint(
                year=point.year,
                value=point.value,
                kind=point.kind,
                label=point.label,
                x=point.x,
                y=point.y,
                text=text,
                text_x=min(max(point.x, left), right),
                text_y=text_y,
                anchor=anchor,
            )
        )
        previous = (start + width, above)
    return placed


def pathway_chart(page, milestones=None, *, layout=None, tracker=None) -> PathwayChart | None:
    """The chart of a case study, or None when the base value, latest value or target is missing."""
    required = (
        page.emissions_base_year,
        page.emissions_base_value,
        page.emissions_latest_year,
        page.emissions_latest_value,
        page.target_year,
    )
    if any(value is None for value in required):
        return None
    goal = target_value(page)
    if goal is None:
        return None
    layout = layout or {}
    width = layout.get("width", WIDTH)
    height = layout.get("height", HEIGHT)
    margin_left = layout.get("margin_left", MARGIN_LEFT)
    margin_right = layout.get("margin_right", MARGIN_RIGHT)
    raw = [
        (page.emissions_base_year, page.emissions_base_value, "base", _("Base year")),
        (page.emissions_latest_year, page.emissions_latest_value, "latest", _("Latest reported")),
    ]
    if milestones is None:
        milestones = page.milestones.all()
    raw += [(m.year, m.value, "milestone", m.label or _("Milestone")) for m in milestones]
    raw.append((page.target_year, goal, "target", target_label(page)))
    raw.sort(key=lambda item: (item[0], ["base", "latest", "milestone", "target"].index(item[2])))

    years = [year for year, *_ in raw]
    values = [value for _, value, *_ in raw]
    low, high = min([*values, Decimal(0)]), max([*values, Decimal(0)])
    step = _nice_step(high - low)
    low = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    high = (high / step).to_integral_value(rounding="ROUND_CEILING") * step
    if high == low:
        high = low + step
    first, last = min(years), max(years)
    year_span = max(last - first, 1)
    plot_w = width - margin_left - margin_right
    plot_h = height - MARGIN_TOP - MARGIN_BOTTOM

    def x_of(year):
        return margin_left + plot_w * (year - first) / year_span

    def y_of(value):
        return MARGIN_TOP + plot_h * float((high - Decimal(value)) / (high - low))

    points = [
        PathwayPoint(year=y, value=v, kind=k, label=label, x=x_of(y), y=y_of(v)) for y, v, k, label in raw
    ]
    points = _place_labels(
        points,
        page.emissions_unit,
        left=margin_left,
        right=width - margin_right,
        top=MARGIN_TOP,
        bottom=height - MARGIN_BOTTOM,
    )
    y_ticks = []
    tick = low
    while tick <= high:
        y_ticks.append((y_of(tick), tick.normalize() if tick else Decimal(0)))
        tick += step
    x_ticks = [(x_of(year), year) for year in sorted(set(years))]
    zero_y = y_of(Decimal(0)) if low < 0 < high else None
    reference = None
    if tracker is not None and tracker.reference_line:
        (y0, v0), (y1, v1) = tracker.reference_line
        reference = ((x_of(y0), y_of(v0)), (x_of(y1), y_of(v1)))
    return PathwayChart(
        points=points,
        unit=page.emissions_unit,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        zero_y=zero_y,
        width=width,
        height=height,
        margin_left=margin_left,
        margin_right=margin_right,
        reference=reference,
    )


def narrow_chart(page, milestones=None, *, tracker=None) -> PathwayChart | None:
    return pathway_chart(page, milestones, layout=NARROW, tracker=tracker)
