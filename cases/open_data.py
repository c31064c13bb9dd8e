"""The open data's metadata: a Frictionless data package describing the case-study and tool CSVs.

Each column's type and description lives here, by the column's name; the views' column lists say
what is written. `datapackage()` refuses a column without a description, so the two cannot drift
apart unnoticed (and tests validate real exports against this package with `frictionless`).
"""

from lodestar.links import absolute_url

from .tracker import NOT_ENOUGH_DATA, OFF_TRACK, ON_TRACK

LIST = "Values separated by “; ”."
CASE_STUDY_FIELDS = {
    "id": ("integer", "Lodestar's identifier of the case study (stable)."),
    "title": ("string", "Title of the case study."),
    "url": ("string", "Address of the case study's page."),
    "summary": ("string", "Two or three sentences: who did what, and what came of it."),
    "actor_type": ("string", "Type of actor (national government, city, business...), see the glossary."),
    "governance_level": ("string", "Governance level of the actor."),
    "countries": ("string", f"ISO 3166-1 alpha-2 codes of the countries covered. {LIST}"),
    "region": ("string", "State, province or region, if any."),
    "city": ("string", "City, if any."),
    "sectors": ("string", f"Sectors, see the glossary. {LIST}"),
    "focus": ("string", "Mitigation, adaptation or both."),
    "strategy_stage": ("string", "Stage of the strategy, see the glossary."),
    "policy_instruments": ("string", f"Policy instrument types. {LIST}"),
    "co_benefits": ("string", f"Co-benefits. {LIST}"),
    "target_type": ("string", "Net zero greenhouse gases, carbon neutral (CO2) or percentage reduction."),
    "target_year": ("integer", "Year the long-term target is to be met."),
    "target_base_year": ("integer", "Year a percentage reduction is measured against."),
    "target_percentage": ("number", "Reduction from the target base year, in percent (0 to 100)."),
    "target_legal_status": ("string", "In law, policy document, proposed, declaration or voluntary."),
    "emissions_base_year": ("integer", "Year of the base-year emissions."),
    "emissions_base_value": ("number", "Base-year emissions, in emissions_unit (negative: net removals)."),
    "emissions_latest_year": ("integer", "Year of the latest reported emissions."),
    "emissions_latest_value": (
        "number",
        "Latest reported emissions, in emissions_unit (negative: net removals).",
    ),
    "emissions_unit": ("string", "Unit of the emissions figures, for example MtCO2e or ktCO2e."),
    "emissions_source": ("string", "Where the figures come from."),
    "figures_status": ("string", "Self-reported, or verified by the Coalition secretariat."),
    "tracker_status": ("string", "Lodestar tracker verdict: on-track, off-track or not-enough-data."),
    "tracker_achieved_change_per_year": (
        "number",
        "Average annual cut achieved from base year to latest year, in percentage points of base-year "
        "emissions a year (negative: emissions rose).",
    ),
    "tracker_required_change_per_year": (
        "number",
        "Annual cut now required from the latest year to reach the target, in percentage points of "
        "base-year emissions a year.",
    ),
    "tracker_gap_per_year": ("number", "Points a year by which the required cut exceeds the achieved one."),
    "tracker_milestones": (
        "string",
        "Each interim milestone as “year: ahead|on|behind” the straight line from base year to "
        f"target. {LIST}",
    ),
    "strategy_document_url": ("string", "Direct link to the strategy document."),
    "contributor_organisations": ("string", f"Organisations that contributed the case study. {LIST}"),
    "languages": ("string", f"Language codes of the material. {LIST}"),
    "licence": ("string", "Licence of the case study's content."),
    "last_reviewed": ("date", "Date the secretariat last reviewed the case study."),
    "first_published": ("date", "Date the case study was first published."),
}
TOOL_FIELDS = {
    "id": ("integer", "Lodestar's identifier of the tool (stable)."),
    "title": ("string", "Name of the tool or resource."),
    "url": ("string", "Address of the tool's page on Lodestar."),
    "summary": ("string", "One or two sentences on what it is for."),
    "tool_type": (
        "string",
        "Model, guidebook, dataset, methodology, calculator, training, template or platform.",
    ),
    "sectors": ("string", f"Sectors it serves. {LIST}"),
    "strategy_stages": ("string", f"Strategy stages it helps with. {LIST}"),
    "cost": ("string", "Free, freemium or paid."),
    "skill_level": ("string", "Beginner, intermediate or expert."),
    "languages": ("string", f"Language codes it is available in. {LIST}"),
    "link": ("string", "Where to get or use the tool (or its uploaded document)."),
    "maintainer": ("string", "Who keeps the tool up to date."),
    "open_source": ("boolean", "Whether the tool is open source."),
    "first_published": ("date", "Date the tool was first published on Lodestar."),
}
CONSTRAINTS = {
    "id": {"required": True, "unique": True},
    "title": {"required": True},
    "url": {"required": True},
    "tracker_status": {"required": True, "enum": [ON_TRACK, OFF_TRACK, NOT_ENOUGH_DATA]},
    "target_percentage": {"minimum": 0, "maximum": 100},
}


def _schema(columns: list[str], described: dict) -> dict:
    missing = [name for name in columns if name not in described]
    if missing:
        raise ValueError(f"columns without a description in cases/open_data.py: {', '.join(missing)}")
    fields = []
    for name in columns:
        kind, description = described[name]
        entry = {"name": name, "type": kind, "description": description}
        if kind == "boolean":
            entry.update(trueValues=["true"], falseValues=["false"])
        if name in CONSTRAINTS:
            entry["constraints"] = CONSTRAINTS[name]
        fields.append(entry)
    return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}


def datapackage(
    *, case_study_columns: list[str], tool_columns: list[str], case_study_csv: str, tool_csv: str
) -> dict:
    """The package; the CSVs' paths are given as site paths (made absolute here)."""
    site = absolute_url("/")
    return {
        "profile": "tabular-data-package",
        "name": "lodestar-library",
        "title": "Lodestar: case studies and tools of the Carbon Neutrality Coalition",
        "description": "Published case studies of long-term strategies, with their targets, emissions "
        "figures and the Lodestar tracker's verdict, and the tools practitioners use. Each CSV follows the "
        "filters in its address (for example ?sector=transport).",
        "homepage": site,
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0; a case study's own licence, in its licence "
                "column, takes precedence",
            }
        ],
        "sources": [
            {"title": "Lodestar, the knowledge exchange of the Carbon Neutrality Coalition", "path": site}
        ],
        "resources": [
            {
                "name": "case-studies",
                "path": absolute_url(case_study_csv),
                "title": "Case studies",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": _schema(case_study_columns, CASE_STUDY_FIELDS),
            },
            {
                "name": "tools",
                "path": absolute_url(tool_csv),
                "title": "Tools and resources",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": _schema(tool_columns, TOOL_FIELDS),
            },
        ],
    }
