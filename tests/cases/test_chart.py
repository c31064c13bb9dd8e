from decimal import Decimal

import pytest

from cases.charts import pathway_chart
from cases.models import CaseStudyMilestone, CaseStudyPage

# Building an unsaved page looks up its content type, which may need the database once.
pytestmark = pytest.mark.django_db


def case(**fields):
    defaults = {
        "emissions_base_year": 2010,
        "emissions_base_value": Decimal("50"),
        "emissions_latest_year": 2020,
        "emissions_latest_value": Decimal("40"),
        "emissions_unit": "ktCO2e",
        "target_type": "net-zero-ghg",
        "target_year": 2050,
    }
    return CaseStudyPage(**{**defaults, **fields})


def test_no_chart_without_base_value_latest_value_or_target():
    assert pathway_chart(case(emissions_base_value=None), milestones=[]) is None
    assert pathway_chart(case(emissions_latest_value=None), milestones=[]) is None
    assert pathway_chart(case(target_type="", target_year=None), milestones=[]) is None
    assert pathway_chart(case(target_type="percent-reduction", target_percentage=None), milestones=[]) is None


def test_points_run_from_base_year_through_milestones_to_target():
    chart = pathway_chart(
        case(), milestones=[CaseStudyMilestone(year=2030, value=Decimal("20"), label="Interim")]
    )

    assert [(p.year, p.value, p.kind) for p in chart.points] == [
        (2010, Decimal("50"), "base"),
        (2020, Decimal("40"), "latest"),
        (2030, Decimal("20"), "milestone"),
        (2050, Decimal("0"), "target"),
    ]
    xs = [p.x for p in chart.points]
    assert xs == sorted(xs) and xs[0] == chart.plot_left and xs[-1] == chart.plot_right
    # Higher emissions are drawn higher up (smaller y).
    assert chart.points[0].y < chart.points[1].y < chart.points[3].y
    assert chart.reported_polyline.count(",") == 2 and chart.planned_polyline.count(",") == 3


def test_a_percentage_target_is_measured_from_the_base_value():
    chart = pathway_chart(
        case(target_type="percent-reduction", target_percentage=Decimal("60")), milestones=[]
    )
    assert chart.points[-1].value == Decimal("20")


def test_negative_values_are_drawn_below_a_zero_line():
    chart = pathway_chart(case(emissions_latest_value=Decimal("-5")), milestones=[])

    assert chart.zero_y is not None
    latest = chart.points[1]
    assert latest.value == Decimal("-5") and latest.y > chart.zero_y
    assert min(value for _, value in chart.y_ticks) <= Decimal("-5")


def test_each_point_is_labelled_with_its_value_and_unit_and_the_reference_line_is_drawn():
    from cases.charts import narrow_chart
    from cases.tracker import track_page

    page = case()
    milestones = [CaseStudyMilestone(year=2030, value=Decimal("20"), label="Interim")]
    tracker = track_page(page, milestones)
    for chart in (
        pathway_chart(page, milestones, tracker=tracker),
        narrow_chart(page, milestones, tracker=tracker),
    ):
        assert [p.text for p in chart.points] == ["50 ktCO2e", "40 ktCO2e", "20 ktCO2e", "0 ktCO2e"]
        assert all(chart.plot_left - 1 <= p.text_x <= chart.plot_right + 1 for p in chart.points)
        assert all(0 < p.text_y < chart.height for p in chart.points)
        # The reference runs from the base point to the target point.
        (x0, y0), (x1, y1) = chart.reference
        assert (round(x0), round(y0)) == (round(chart.points[0].x), round(chart.points[0].y))
        assert (round(x1), round(y1)) == (round(chart.points[-1].x), round(chart.points[-1].y))
    # The phone layout is drawn near its display size, so 13px text stays about 13px at 375px wide.
    assert narrow_chart(page, milestones).width <= 360


def test_the_target_row_says_what_the_target_is():
    chart = pathway_chart(
        case(target_type="percent-reduction", target_percentage=Decimal("60"), target_base_year=2010),
        milestones=[],
    )
    assert chart.points[-1].label == "Target: 60 % below 2010"
