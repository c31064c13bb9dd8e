"""The Lodestar tracker: a case study's near-term progress measured against its long-term pathway.

The Coalition's Plan of Action asks that long-term strategies become the "lodestar" against which
shorter-term planning is measured. This module does that measuring, on plain values (no database):

- the reference pathway: a straight line from the base-year emissions to the target;
- the average annual change achieved (base year -> latest year) against the annual change now
  required (latest year -> target year), both in percentage points of base-year emissions a year,
  and a verdict: on track, off track by N points a year, or not enough data;
- each milestone checked against the reference pathway: ahead (below it), on, or behind (above it).

The chart, the page's text for screen readers, the API and the CSV all read `track()`.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.translation import gettext, gettext_lazy

from .figures import Figures, figures_errors
from .figures import format_figure as number

ON_TRACK = "on-track"
OFF_TRACK = "off-track"
NOT_ENOUGH_DATA = "not-enough-data"
STATUS_LABELS = {
    ON_TRACK: gettext_lazy("On track"),
    OFF_TRACK: gettext_lazy("Off track"),
    NOT_ENOUGH_DATA: gettext_lazy("Not enough data"),
}

AHEAD, ON, BEHIND = "ahead", "on", "behind"
POSITION_LABELS = {
    AHEAD: gettext_lazy("ahead of the pathway"),
    ON: gettext_lazy("on the pathway"),
    BEHIND: gettext_lazy("behind the pathway"),
}

# A milestone within this share of base-year emissions of the line is "on" it (rounding, not policy).
ON_PATHWAY_TOLERANCE = Decimal("0.01")
# Rates are compared after rounding to what the page shows (one decimal), so the verdict and the
# figures printed next to it never disagree.
RATE_PLACES = Decimal("0.1")


def shown(value) -> str:
    """A figure in a sentence, with the interface language's decimal mark ("1.5", "1,5")."""
    return formats.number_format(Decimal(number(value)))


def _rounded(value: Decimal) -> Decimal:
    return value.quantize(RATE_PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class MilestoneCheck:
    year: int
    value: Decimal
    label: str
    reference_value: Decimal  # where the straight-line pathway is that year
    position: str  # AHEAD, ON or BEHIND

    @property
    def position_label(self) -> str:
        return POSITION_LABELS[self.position]


@dataclass(frozen=True)
class Tracker:
    status: str
    reason: str = ""  # why there is not enough data
    unit: str = ""
    base: tuple[int, Decimal] | None = None
    latest: tuple[int, Decimal] | None = None
    target: tuple[int, Decimal] | None = None
    achieved_per_year: Decimal | None = None  # points of base-year emissions a year; positive = cut
    required_per_year: Decimal | None = None
    milestones: list[MilestoneCheck] = field(default_factory=list)

    @property
    def has_data(self) -> bool:
        return self.status != NOT_ENOUGH_DATA

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def gap_per_year(self) -> Decimal | None:
        """How many more points a year are needed than achieved (0 when on track)."""
        if self.achieved_per_year is None or self.required_per_year is None:
            return None
        return max(self.required_per_year - self.achieved_per_year, Decimal(0))

    @property
    def verdict(self) -> str:
        """The plain answer: "On track", "Off track by 1.2 points a year" or "Not enough data"."""
        if self.status == OFF_TRACK:
            return gettext("Off track by %(gap)s points a year") % {"gap": shown(self.gap_per_year)}
        return str(self.status_label)

    @property
    def reference_line(self) -> list[tuple[int, Decimal]]:
        """The straight-line pathway's two ends, base year and target year."""
        if self.base is None or self.target is None:
            return []
        return [self.base, self.target]

    def reference_at(self, year: int) -> Decimal:
        (y0, v0), (y1, v1) = self.base, self.target
        return v0 + (v1 - v0) * Decimal(year - y0) / Decimal(y1 - y0)

    @property
    def explanation(self) -> str:
        """The verdict in words, with the figures it rests on (for every reader, screen readers too)."""
        if not self.has_data:
            return gettext("Not enough data to measure progress: %(reason)s") % {"reason": self.reason}
        (base_year, _), (latest_year, _), (target_year, _) = self.base, self.latest, self.target
        achieved = self.achieved_per_year
        years = {"base_year": base_year, "latest_year": latest_year}
        done = (
            gettext(
                "From %(base_year)s to %(latest_year)s emissions fell by %(rate)s %% of the "
                "%(base_year)s level a year on average"
            )
            % {**years, "rate": shown(achieved)}
            if achieved >= 0
            else gettext(
                "From %(base_year)s to %(latest_year)s emissions rose by %(rate)s %% of the "
                "%(base_year)s level a year on average"
            )
            % {**years, "rate": shown(-achieved)}
        )
        needed = gettext(
            "reaching the target in %(target_year)s now needs a cut of %(rate)s points a year"
        ) % {
            "target_year": target_year,
            "rate": shown(self.required_per_year),
        }
        return gettext("%(verdict)s. %(done)s; %(needed)s.") % {
            "verdict": self.verdict,
            "done": done,
            "needed": needed,
        }

    def milestone_sentences(self) -> list[str]:
        return [
            gettext(
                "%(label)s %(year)s: %(value)s %(unit)s, %(position)s (%(reference)s %(unit)s on the "
                "straight line)."
            )
            % {
                "label": check.label,
                "year": check.year,
                "value": shown(check.value),
                "unit": self.unit,
                "position": check.position_label,
                "reference": shown(check.reference_value),
            }
            for check in self.milestones
        ]

    def as_dict(self) -> dict:
        """The tracker as open data (API field "tracker", the CSV's tracker columns)."""
        return {
            "status": self.status,
            "verdict": self.verdict,
            "explanation": self.explanation,
            "achieved_change_per_year": None
            if self.achieved_per_year is None
            else str(self.achieved_per_year),
            "required_change_per_year": None
            if self.required_per_year is None
            else str(self.required_per_year),
            "gap_per_year": None if self.gap_per_year is None else str(self.gap_per_year),
            "rate_unit": "percentage points of base-year emissions per year (positive: a reduction)",
            "reference_pathway": [{"year": y, "value": number(v)} for y, v in self.reference_line],
            "milestones": [
                {
                    "year": check.year,
                    "value": number(check.value),
                    "reference_value": number(check.reference_value),
                    "position": check.position,
                }
                for check in self.milestones
            ],
        }


def _missing(figures: Figures) -> str:
    if not figures.target_type or not figures.target_year:
        return gettext("the case study states no target year.")
    if figures.base_value is None or figures.base_year is None:
        return gettext("the base-year emissions are not given.")
    if figures.latest_value is None or figures.latest_year is None:
        return gettext("the latest emissions are not given.")
    if figures.target_value is None:
        return gettext("the target's level cannot be worked out from the figures given.")
    if figures.base_value <= 0:
        return gettext("the base year is already a net sink, so there is no reduction to measure.")
    return ""


def track(figures: Figures, *, unit: str = "", milestone_labels=()) -> Tracker:
    """Measure the figures against their long-term pathway (pure; see the module docstring)."""
    errors = figures_errors(figures)
    if errors:
        return Tracker(status=NOT_ENOUGH_DATA, reason=gettext("the figures are inconsistent."), unit=unit)
    reason = _missing(figures)
    if reason:
        return Tracker(status=NOT_ENOUGH_DATA, reason=reason, unit=unit)
    base_year, base = figures.base_year, Decimal(figures.base_value)
    latest_year, latest = figures.latest_year, Decimal(figures.latest_value)
    target_year, goal = figures.target_year, figures.target_value
    hundred = Decimal(100)
    achieved = _rounded((base - latest) / base * hundred / Decimal(latest_year - base_year))
    required = _rounded(max(latest - goal, Decimal(0)) / base * hundred / Decimal(target_year - latest_year))
    status = ON_TRACK if achieved >= required else OFF_TRACK
    tracker = Tracker(
        status=status,
        unit=unit,
        base=(base_year, base),
        latest=(latest_year, latest),
        target=(target_year, goal),
        achieved_per_year=achieved,
        required_per_year=required,
    )
    labels = list(milestone_labels)
    checks = []
    tolerance = base * ON_PATHWAY_TOLERANCE
    for position, (year, value) in enumerate(sorted(figures.milestones, key=lambda m: m[0])):
        reference = tracker.reference_at(year)
        if value < reference - tolerance:
            where = AHEAD
        elif value > reference + tolerance:
            where = BEHIND
        else:
            where = ON
        label = labels[position] if position < len(labels) and labels[position] else gettext("Milestone")
        checks.append(
            MilestoneCheck(
                year=year,
                value=Decimal(value),
                label=label,
                reference_value=_rounded(reference),
                position=where,
            )
        )
    tracker.milestones.extend(checks)
    return tracker


def track_page(page, milestones=None) -> Tracker:
    """The tracker of a case study page (milestones given when already read, to save a query)."""
    if milestones is None:
        milestones = list(page.milestones.all())
    ordered = sorted(milestones, key=lambda m: m.year)
    return track(
        Figures.of_page(page, ordered),
        unit=page.emissions_unit,
        milestone_labels=[m.label for m in ordered],
    )
