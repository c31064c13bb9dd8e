"""The editor's validation messages, as a moderator or member sees them in the Wagtail admin form."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cases.models import CaseStudyPage
from lodestar.vocabularies.models import ActorType, Sector, StrategyStage

pytestmark = pytest.mark.django_db


def case_study_form(**overrides):
    data = {
        "title": "Aligning budgets",
        "slug": "aligning-budgets",
        "summary": "What we did.",
        "actor_type": ActorType.objects.get(slug="city").pk,
        "governance_level": "local",
        "countries": ["PT"],
        "sectors": [Sector.objects.get(slug="transport").pk],
        "focus": "mitigation",
        "strategy_stage": StrategyStage.objects.get(slug="adopted").pk,
        "figures_status": "self-reported",
        "licence": "cc-by-4.0",
        "emissions_unit": "MtCO2e",
        "body": streamfield([]),
        "milestones": inline_formset([]),
        "documents": inline_formset([]),
    }
    data.update(overrides)
    form = nested_form_data({k: v for k, v in data.items() if not isinstance(v, list)})
    form.update({k: v for k, v in data.items() if isinstance(v, list)})
    return form


def post_new_case_study(client, library, **overrides):
    url = reverse("wagtailadmin_pages:add", args=["cases", "casestudypage", library.pk])
    return client.post(url, case_study_form(**overrides))


def field_errors(response) -> dict[str, str]:
    """Error text shown next to each field of the editor form."""
    soup = BeautifulSoup(response.content, "html.parser")
    errors = {}
    for wrapper in soup.select("[data-field-wrapper], .w-field__wrapper"):
        error = wrapper.select_one(".error-message, .w-field__errors")
        field = wrapper.select_one("input, select, textarea")
        if error and field is not None and error.get_text(strip=True):
            errors[field.get("name")] = error.get_text(" ", strip=True)
    return errors


@pytest.fixture
def editor(client, moderator):
    client.force_login(moderator)
    return client


def test_a_valid_case_study_is_saved(editor, library):
    response = post_new_case_study(editor, library)

    assert response.status_code == 302
    assert (
        CaseStudyPage.objects.get(slug="aligning-budgets", locale__language_code="en").get_parent().pk
        == library.pk
    )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"target_type": "net-zero-ghg", "target_base_year": "2030", "target_year": "2030"},
            "target_year",
            "The target year must be after the target base year.",
        ),
        (
            {"target_type": "percent-reduction", "target_year": "2050", "target_percentage": "120"},
            "target_percentage",
            "The reduction must be a percentage between 0 and 100.",
        ),
        (
            {"target_type": "percent-reduction", "target_year": "2050", "target_percentage": "-5"},
            "target_percentage",
            "The reduction must be a percentage between 0 and 100.",
        ),
        (
            {
                "emissions_base_year": "2015",
                "emissions_base_value": "10",
                "emissions_latest_year": "2010",
                "emissions_latest_value": "9",
            },
            "emissions_latest_year",
            "The latest year must be after the base year.",
        ),
        (
            {
                "emissions_base_year": "2015",
                "emissions_base_value": "10",
                "emissions_latest_year": "2015",
                "emissions_latest_value": "9",
            },
            "emissions_latest_year",
            "The latest year must be after the base year.",
        ),
        (
            {
                "target_type": "net-zero-ghg",
                "target_year": "2050",
                "emissions_base_year": "2005",
                "emissions_base_value": "10",
                "emissions_latest_year": "2051",
                "emissions_latest_value": "9",
            },
            "emissions_latest_year",
            "The latest year must be before the target year.",
        ),
        (
            {"target_type": "percent-reduction", "target_year": "2050", "target_percentage": "50"},
            "target_base_year",
            "A percentage reduction needs the year it is measured against.",
        ),
        (
            {
                "target_type": "percent-reduction",
                "target_year": "2050",
                "target_base_year": "2000",
                "target_percentage": "50",
                "emissions_base_year": "2005",
                "emissions_base_value": "700",
            },
            "emissions_base_year",
            "The reduction is measured against 2000: give that year's emissions as the base-year emissions.",
        ),
        (
            {"emissions_base_year": "2005", "emissions_base_value": "-2.5"},
            "emissions_base_value",
            "A negative value means net removals (a sink): tick “Net removals” or correct the figure.",
        ),
        (
            {"target_type": "net-zero-ghg", "target_percentage": "40", "target_year": "2050"},
            "target_type",
            "Choose “Percentage reduction” as the target type, or remove the percentage.",
        ),
        (
            {"emissions_latest_value": "9"},
            "emissions_latest_year",
            "Give the year of the latest emissions.",
        ),
    ],
)
def test_inconsistent_figures_are_refused_with_a_message_on_the_field(
    editor, library, fields, field, message
):
    response = post_new_case_study(editor, library, **fields)

    assert response.status_code == 200
    assert field_errors(response).get(field) == message
    assert not CaseStudyPage.objects.filter(slug="aligning-budgets").exists()


MEXICO_LIKE = {
    "target_type": "percent-reduction",
    "target_percentage": "50",
    "target_base_year": "2000",
    "target_year": "2050",
    "emissions_base_year": "2000",
    "emissions_base_value": "500",
    "emissions_latest_year": "2019",
    "emissions_latest_value": "560",
}


@pytest.mark.parametrize(
    ("milestone", "field", "message"),
    [
        (
            {"year": "2030", "value": "240", "label": "NDC"},
            "milestones-0-value",
            "A milestone cannot lie below the long-term target (250 in 2050).",
        ),
        (
            {"year": "2015", "value": "400", "label": "Old plan"},
            "milestones-0-year",
            "A milestone lies ahead: give a year from the latest year (2019) on.",
        ),
        (
            {"year": "2050", "value": "300", "label": ""},
            "milestones-0-year",
            "A milestone must come before the target year (2050).",
        ),
    ],
)
def test_an_impossible_milestone_is_refused_on_its_own_field(editor, library, milestone, field, message):
    response = post_new_case_study(editor, library, **MEXICO_LIKE, milestones=inline_formset([milestone]))

    assert response.status_code == 200
    assert field_errors(response).get(field) == message
    assert not CaseStudyPage.objects.filter(slug="aligning-budgets").exists()


def test_a_consistent_pathway_with_a_milestone_is_saved(editor, library):
    milestone = {"year": "2030", "value": "420", "label": "NDC"}
    response = post_new_case_study(editor, library, **MEXICO_LIKE, milestones=inline_formset([milestone]))

    assert response.status_code == 302
    page = CaseStudyPage.objects.get(slug="aligning-budgets", locale__language_code="en")
    assert [(m.year, str(m.value)) for m in page.get_latest_revision_as_object().milestones.all()] == [
        (2030, "420.000")
    ]


def test_a_member_sees_the_same_errors(client, member, library):
    client.force_login(member)
    response = post_new_case_study(
        client, library, **{**MEXICO_LIKE, "emissions_latest_year": "1999"}, **{"action-submit": "1"}
    )

    assert response.status_code == 200
    assert (
        field_errors(response).get("emissions_latest_year") == "The latest year must be after the base year."
    )


def test_negative_emissions_need_the_net_removals_mark(editor, library):
    figures = {
        "emissions_base_year": "2005",
        "emissions_base_value": "12.5",
        "emissions_latest_year": "2022",
        "emissions_latest_value": "-3.25",
    }
    refused = post_new_case_study(editor, library, **figures)
    assert (
        field_errors(refused)
        .get("emissions_latest_value", "")
        .startswith("A negative value means net removals")
    )

    response = post_new_case_study(editor, library, **figures, emissions_net_removals="on")

    assert response.status_code == 302
    assert (
        str(
            CaseStudyPage.objects.get(
                slug="aligning-budgets", locale__language_code="en"
            ).emissions_latest_value
        )
        == "-3.250"
    )


def test_publishing_requires_the_fields_every_case_study_needs(editor, library):
    response = post_new_case_study(
        editor,
        library,
        summary="",
        actor_type="",
        sectors=[],
        focus="",
        strategy_stage="",
        **{"action-publish": "1"},
    )

    assert response.status_code == 200
    errors = field_errors(response)
    for field in ["summary", "actor_type", "sectors", "focus", "strategy_stage"]:
        assert "This field is required" in errors.get(field, ""), field
    assert not CaseStudyPage.objects.filter(slug="aligning-budgets").exists()


def test_a_tool_needs_a_link_or_a_document(editor, tool_index):
    url = reverse("wagtailadmin_pages:add", args=["cases", "toolpage", tool_index.pk])
    data = nested_form_data(
        {
            "title": "Calculator",
            "slug": "calculator",
            "summary": "Computes emissions.",
            "tool_type": "",
            "cost": "free",
            "skill_level": "beginner",
            "maintainer": "Someone",
            "link": "",
        }
    )
    data["sectors"] = [Sector.objects.get(slug="waste").pk]

    response = editor.post(url, data)

    assert response.status_code == 200
    assert field_errors(response).get("link") == "Give a link to the tool or upload its document."
