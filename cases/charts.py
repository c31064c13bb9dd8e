"""The pathway chart: a case study's emissions trajectory as server-rendered SVG plus a table.

No JavaScript: the SVG is drawn from coordinates computed here, and the same points are listed in
a table for screen readers, printing and copying.
"""

from dataclasses import dataclass
from decimal import Decimal

from .fields import TargetType

WIDTH, HEIGHT = 640, 320
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 64, 24, 20, 40


@dataclass(frozen=True)
class PathwayPoint:
    year: int
    value: Decimal
    kind: str  # "base", "latest", "milestone", "target"
    label: str
    x: float = 0
    y: float = 0

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

    @property
    def reported_polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points if p.is_reported)

    @property
    def planned_polyline(self) -> str:
        planned = [p for p in self.points if p.kind == "latest" or not p.is_reported]
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in planned)

    @property
    def plot_left(self) -> int:
        return MARGIN_LEFT

    @property
    def plot_right(self) -> int:
        return WIDTH - MARGIN_RIGHT

    @property
    def plot_bottom(self) -> int:
        return HEIGHT - MARGIN_BOTTOM


def target_value(page) -> Decimal | None:
    if page.target_type in (TargetType.NET_ZERO_GHG, TargetType.CARBON_NEUTRAL_CO2):
        return Decimal(0)
    if page.target_type == TargetType.PERCENT_REDUCTION and page.target_percentage is not None:
        return page.emissions_base_value * (Decimal(100) - page.target_percentage) / Decimal(100)
    return None


def _nice_step(span: Decimal) -> Decimal:
    raw = span / 4 if span else Decimal(1)
    magnitude = Decimal(10) ** (len(str(int(abs(raw)))) - 1) if abs(raw) >= 1 else Decimal("0.1")
    for factor in (1, 2, 5, 10):
        if raw <= magnitude * factor:
            return magnitude * factor
    return magnitude * 10


def pathway_chart(page, milestones=None) -> PathwayChart | None:
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
    raw = [
        (page.emissions_base_year, page.emissions_base_value, "base", "Base year"),
        (page.emissions_latest_year, page.emissions_latest_value, "latest", "Latest reported"),
    ]
    if milestones is None:
        milestones = page.milestones.all()
    raw += [(m.year, m.value, "milestone", m.label or "Milestone") for m in milestones]
    raw.append((page.target_year, goal, "target", page.get_target_type_display()))
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
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def x_of(year):
        return MARGIN_LEFT + plot_w * (year - first) / year_span

    def y_of(value):
        return MARGIN_TOP + plot_h * float((high - value) / (high - low))

    points = [
        PathwayPoint(year=y, value=v, kind=k, label=label, x=x_of(y), y=y_of(v)) for y, v, k, label in raw
    ]
    y_ticks = []
    tick = low
    while tick <= high:
        y_ticks.append((y_of(tick), tick.normalize() if tick else Decimal(0)))
        tick += step
    x_ticks = [(x_of(year), year) for year in sorted(set(years))]
    zero_y = y_of(Decimal(0)) if low < 0 < high else None
    return PathwayChart(
        points=points, unit=page.emissions_unit, y_ticks=y_ticks, x_ticks=x_ticks, zero_y=zero_y
    )
