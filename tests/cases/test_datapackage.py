"""Open data: the data package describes both CSVs, and real exports validate against it
(the `frictionless` library, as a data user would check them)."""

import json

import pytest
from frictionless import Package, Resource, Schema

from cases.export import headers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def csv_text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return b"".join(response.streaming_content).decode()


def validate(text: str, schema: dict, name: str):
    resource = Resource(data=text.encode(), format="csv", schema=Schema.from_descriptor(schema), name=name)
    return resource.validate()


def test_the_demo_exports_validate_against_the_data_package(demo_content, client, settings):
    response = client.get("/open-data/datapackage.json")
    assert response.status_code == 200
    descriptor = response.json()
    package = Package.from_descriptor(json.loads(json.dumps(descriptor)))
    assert {r.name for r in package.resources} == {"case-studies", "tools"}
    base = settings.WAGTAILADMIN_BASE_URL
    paths = {r["name"]: r["path"] for r in descriptor["resources"]}
    assert paths == {"case-studies": f"{base}/library/export/", "tools": f"{base}/tools/export/"}
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0" and descriptor["sources"]
    schemas = {r["name"]: r["schema"] for r in descriptor["resources"]}
    assert [f["name"] for f in schemas["case-studies"]["fields"]] == headers("case_study")
    assert [f["name"] for f in schemas["tools"]["fields"]] == headers("tool")
    assert all(f["description"] for schema in schemas.values() for f in schema["fields"])

    cases_csv = csv_text(client, "/library/export/")
    tools_csv = csv_text(client, "/tools/export/")
    for name, text, rows in (("case-studies", cases_csv, 33), ("tools", tools_csv, 21)):
        report = validate(text, schemas[name], name)
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
        assert report.tasks[0].stats["rows"] == rows
    # The tracker's columns are typed numbers, negative ones included (Mexico's emissions rose).
    assert "tracker_achieved_change_per_year" in cases_csv.splitlines()[0]


def test_a_type_error_in_an_export_is_caught_by_the_schema(client, library, tool_index):
    schema = client.get("/open-data/datapackage.json").json()["resources"][1]["schema"]
    header = ",".join(headers("tool"))
    broken = header + "\n" + "x,Tool,/t/,s,Model,,,Free,Beginner,en,https://a.b,M,maybe,2026-13-45\n"

    report = validate(broken, schema, "tools")

    assert not report.valid
    types = {row[0] for row in report.flatten(["fieldName"])}
    assert {"id", "open_source", "first_published"} <= types


def test_the_tools_csv_follows_the_listing_filters_and_refuses_bad_ones(client, tool_index):
    from lodestar.vocabularies.models import Sector

    from .factories import ToolPageFactory, term

    ToolPageFactory(parent=tool_index, title="Waste guide", sectors=[term(Sector, "waste")])
    ToolPageFactory(parent=tool_index, title="Bus model", sectors=[term(Sector, "transport")])

    text = csv_text(client, "/tools/export/?sector=transport")
    assert [line.split(",")[1] for line in text.splitlines()[1:]] == ["Bus model"]
    assert client.get("/tools/export/?tool_type=nonsense").status_code == 400
