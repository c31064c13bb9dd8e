"""The Lodestar tracker's arithmetic, on plain values (no database)."""

from decimal import Decimal

import pytest

from cases.figures import Figures
from cases.tracker import AHEAD, BEHIND, NOT_ENOUGH_DATA, OFF_TRACK, ON, ON_TRACK, track


def figures(**fields):
    defaults = {
        "target_type": "net-zero-ghg",
        "target_year": 2050,
        "base_year": 2010,
        "base_value": Decimal("100"),
        "latest_year": 2020,
        "latest_value": Decimal("80"),
    }
    return Figures(**{**defaults, **fields})


def test_achieved_and_required_change_in_points_of_base_year_emissions_a_year():
    tracker = track(figures(), unit="ktCO2e")

    # 100 -> 80 in ten years: 2 points a year; 80 -> 0 in thirty years: 2.7 points a year.
    assert tracker.achieved_per_year == Decimal("2.0")
    assert tracker.required_per_year == Decimal("2.7")
    assert tracker.status == OFF_TRACK
    assert tracker.gap_per_year == Decimal("0.7")
    assert tracker.verdict == "Off track by 0.7 points a year"
    assert tracker.explanation == (
        "Off track by 0.7 points a year. From 2010 to 2020 emissions fell by 2 % of the 2010 level a year "
        "on average; reaching the target in 2050 now needs a cut of 2.7 points a year."
    )


def test_a_pace_at_or_above_the_required_one_is_on_track():
    tracker = track(figures(latest_value=Decimal("60")))  # 4 a year achieved, 2 a year required

    assert tracker.status == ON_TRACK and tracker.verdict == "On track"
    assert tracker.gap_per_year == 0


def test_a_percentage_target_is_measured_from_the_base_year_emissions():
    tracker = track(
        figures(
            target_type="percent-reduction",
            target_percentage=Decimal("50"),
            target_base_year=2010,
            latest_value=Decimal("90"),
        )
    )

    assert tracker.target == (2050, Decimal("50"))
    assert tracker.required_per_year == Decimal("1.3")  # 90 -> 50 over 30 years, of 100
    assert tracker.achieved_per_year == Decimal("1.0")
    assert tracker.verdict == "Off track by 0.3 points a year"


def test_rising_emissions_are_a_negative_achievement_and_said_so():
    tracker = track(figures(latest_value=Decimal("110")))

    assert tracker.achieved_per_year == Decimal("-1.0")
    assert "emissions rose by 1 % of the 2010 level a year" in tracker.explanation
    assert tracker.gap_per_year == Decimal("4.7")


@pytest.mark.parametrize(
    ("value", "position"),
    [(Decimal("40"), AHEAD), (Decimal("60"), ON), (Decimal("60.9"), ON), (Decimal("75"), BEHIND)],
)
def test_each_milestone_is_checked_against_the_straight_line(value, position):
    # The straight line from 100 in 2010 to 0 in 2050 passes 60 in 2026; 1 % of 100 counts as on it.
    tracker = track(figures(milestones=((2026, value),)), milestone_labels=["NDC"])

    [check] = tracker.milestones
    assert check.reference_value == Decimal("60.0")
    assert check.position == position and check.label == "NDC"


def test_the_reference_pathway_runs_from_base_year_to_target():
    tracker = track(figures())
    assert tracker.reference_line == [(2010, Decimal("100")), (2050, Decimal("0"))]
    assert tracker.as_dict()["reference_pathway"] == [
        {"year": 2010, "value": "100"},
        {"year": 2050, "value": "0"},
    ]


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"target_type": "", "target_year": None}, "the case study states no target year."),
        ({"base_value": None, "base_year": None}, "the base-year emissions are not given."),
        ({"latest_value": None, "latest_year": None}, "the latest emissions are not given."),
        ({"latest_year": 2009}, "the figures are inconsistent."),
        (
            {"base_value": Decimal("-5"), "latest_value": Decimal("-8"), "net_removals": True},
            "the base year is already a net sink, so there is no reduction to measure.",
        ),
    ],
)
def test_not_enough_data_says_why(fields, reason):
    tracker = track(figures(**fields))

    assert tracker.status == NOT_ENOUGH_DATA and tracker.verdict == "Not enough data"
    assert tracker.reason == reason
    assert tracker.as_dict()["achieved_change_per_year"] is None
