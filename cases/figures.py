"""The consistency rules of a case study's target and emissions figures, in one place.

Pure functions on plain values (no database), so the admin form (with its unsaved milestones), the
model's own clean() on every save, the tracker and the tests all apply exactly the same rules.
Each problem is reported against the field that has to change, with a sentence saying how.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .fields import TargetType

# Milestone problems are reported against the milestone's own field, with this prefix.
MILESTONE = "milestone"


# The case study's fields that state its pathway, as the page model names them.
PATHWAY_FIELDS = (
    "target_type",
    "target_year",
    "target_base_year",
    "target_percentage",
    "emissions_base_year",
    "emissions_base_value",
    "emissions_latest_year",
    "emissions_latest_value",
    "emissions_net_removals",
)


@dataclass(frozen=True)
class Figures:
    """What a case study states about its target and emissions (all optional)."""

    target_type: str = ""
    target_year: int | None = None
    target_base_year: int | None = None
    target_percentage: Decimal | None = None
    base_year: int | None = None
    base_value: Decimal | None = None
    latest_year: int | None = None
    latest_value: Decimal | None = None
    net_removals: bool = False
    milestones: tuple[tuple[int | None, Decimal | None], ...] = ()  # (year, value)

    @classmethod
    def of_page(cls, page, milestones=None) -> "Figures":
        if milestones is None:
            milestones = page.milestones.all()
        return cls(
            target_type=page.target_type or "",
            target_year=page.target_year,
            target_base_year=page.target_base_year,
            target_percentage=page.target_percentage,
            base_year=page.emissions_base_year,
            base_value=page.emissions_base_value,
            latest_year=page.emissions_latest_year,
            latest_value=page.emissions_latest_value,
            net_removals=bool(getattr(page, "emissions_net_removals", False)),
            milestones=tuple((m.year, m.value) for m in milestones),
        )

    @property
    def target_value(self) -> Decimal | None:
        """The emissions the target aims at, in the figures' unit (None when it cannot be known)."""
        if self.target_type in (TargetType.NET_ZERO_GHG, TargetType.CARBON_NEUTRAL_CO2):
            return Decimal(0)
        if (
            self.target_type == TargetType.PERCENT_REDUCTION
            and self.target_percentage is not None
            and self.base_value is not None
        ):
            return self.base_value * (Decimal(100) - Decimal(self.target_percentage)) / Decimal(100)
        return None


def format_figure(value) -> str:
    """A figure as people write it: no trailing zeros, no exponent, no negative zero."""
    text = f"{Decimal(value).normalize():f}"
    return "0" if text in ("-0", "0.0") else text


def _target_errors(f: Figures) -> dict[str, str]:
    errors = {}
    if f.target_year and f.target_base_year and f.target_year <= f.target_base_year:
        errors["target_year"] = _("The target year must be after the target base year.")
    if f.target_percentage is not None and not (0 <= f.target_percentage <= 100):
        errors["target_percentage"] = _("The reduction must be a percentage between 0 and 100.")
    if f.target_type == TargetType.PERCENT_REDUCTION:
        if f.target_percentage is None:
            errors["target_percentage"] = _("A percentage reduction target needs its percentage.")
        if not f.target_base_year:
            errors["target_base_year"] = _("A percentage reduction needs the year it is measured against.")
    if f.target_type and not f.target_year:
        errors.setdefault("target_year", _("A target needs a target year."))
    if f.target_percentage is not None and f.target_type != TargetType.PERCENT_REDUCTION:
        errors["target_type"] = _(
            "Choose “Percentage reduction” as the target type, or remove the percentage."
        )
    if f.target_base_year and not f.target_type:
        errors.setdefault("target_type", _("Choose the type of the target this base year belongs to."))
    return errors


def _emissions_errors(f: Figures) -> dict[str, str]:
    errors = {}
    if f.base_value is not None and not f.base_year:
        errors["emissions_base_year"] = _("Give the year of the base-year emissions.")
    if f.latest_value is not None and not f.latest_year:
        errors["emissions_latest_year"] = _("Give the year of the latest emissions.")
    if f.base_year and f.base_value is None:
        errors["emissions_base_value"] = _("Give the base-year emissions, or remove the base year.")
    if f.latest_year and f.latest_value is None:
        errors["emissions_latest_value"] = _("Give the latest emissions, or remove the latest year.")
    if f.latest_year and f.base_year and f.latest_year <= f.base_year:
        errors.setdefault("emissions_latest_year", _("The latest year must be after the base year."))
    if f.target_year and f.latest_year and f.latest_year >= f.target_year:
        errors.setdefault("emissions_latest_year", _("The latest year must be before the target year."))
    if f.target_year and f.base_year and f.base_year >= f.target_year:
        errors.setdefault("emissions_base_year", _("The base year must be before the target year."))
    if (
        f.target_type == TargetType.PERCENT_REDUCTION
        and f.target_base_year
        and f.base_year
        and f.base_year != f.target_base_year
    ):
        errors.setdefault(
            "emissions_base_year",
            _(
                "The reduction is measured against %(year)s: give that year's emissions as the "
                "base-year emissions."
            )
            % {"year": f.target_base_year},
        )
    for field, value in (("emissions_base_value", f.base_value), ("emissions_latest_value", f.latest_value)):
        if value is not None and value < 0 and not f.net_removals:
            errors.setdefault(
                field,
                _("A negative value means net removals (a sink): tick “Net removals” or correct the figure."),
            )
    if f.base_value is not None and f.base_value <= 0 and f.target_type == TargetType.PERCENT_REDUCTION:
        errors.setdefault(
            "emissions_base_value", _("A percentage reduction needs positive base-year emissions.")
        )
    return errors


def milestone_errors(f: Figures, year, value) -> dict[str, str]:
    """Problems of one milestone, by its field ("year" or "value")."""
    errors = {}
    if year is None or value is None:
        return errors
    if f.latest_year and year < f.latest_year:
        errors["year"] = f"A milestone lies ahead: give a year from the latest year ({f.latest_year}) on."
    elif f.base_year and year <= f.base_year:
        errors["year"] = f"A milestone must come after the base year ({f.base_year})."
    if f.target_year and year >= f.target_year:
        errors.setdefault("year", f"A milestone must come before the target year ({f.target_year}).")
    if value < 0 and not f.net_removals:
        errors["value"] = _("A negative value means net removals: tick “Net removals” or correct the figure.")
    goal = f.target_value
    if goal is not None and value < goal and "value" not in errors:
        errors["value"] = (
            f"A milestone cannot lie below the long-term target ({format_figure(goal)} in {f.target_year})."
        )
    return errors


def figures_errors(f: Figures) -> dict[str, str]:
    """Every problem of the page's own fields, by field name; milestones under "milestone"."""
    errors = _target_errors(f)
    for field, message in _emissions_errors(f).items():
        errors.setdefault(field, message)
    for position, (year, value) in enumerate(f.milestones, start=1):
        for field, message in milestone_errors(f, year, value).items():
            errors.setdefault(MILESTONE, f"Milestone {position} ({year}), {field}: {message}")
    return errors


def is_consistent(f: Figures) -> bool:
    return not figures_errors(f)
