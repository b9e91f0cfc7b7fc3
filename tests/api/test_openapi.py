"""The committed OpenAPI document matches the code, and the docs are served."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from msp.api import openapi
from msp.cases.workflow import TRANSITIONS


def test_committed_document_matches_the_code():
    committed = json.loads(openapi.DOCUMENT_PATH.read_text("utf-8"))
    assert committed == openapi.openapi_schema(), (
        "docs/openapi.json is out of date. Run 'manage.py export_openapi' and commit it."
    )


def test_committed_document_is_formatted():
    assert openapi.DOCUMENT_PATH.read_text("utf-8") == openapi.openapi_document()


def test_export_check(tmp_path, monkeypatch, capsys):
    call_command("export_openapi", "--check")
    stale = tmp_path / "docs" / "openapi.json"
    stale.parent.mkdir()
    stale.write_text("{}\n")
    monkeypatch.setattr("msp.api.management.commands.export_openapi.DOCUMENT_PATH", stale)
    with pytest.raises(CommandError, match="out of date"):
        call_command("export_openapi", "--check")
    call_command("export_openapi")
    assert stale.read_text("utf-8") == openapi.openapi_document()
    call_command("export_openapi", "--check")


def test_document_describes_the_api():
    doc = openapi.openapi_schema()
    assert doc["info"]["title"] == "MSP Casework API"
    assert doc["info"]["version"] == "1"
    assert "Bearer" in doc["info"]["description"]
    assert "409" in doc["info"]["description"] and "422" in doc["info"]["description"]
    schemas = doc["components"]["schemas"]
    assert set(schemas["AbuseType"]["enum"]) >= {"financial", "self_neglect"}
    assert set(schemas["CaseDetail"]["properties"]["allowed_actions"]["items"]["enum"]) == set(
        TRANSITIONS
    )
    assert doc["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


def test_document_describes_the_record_and_the_guard():
    doc = openapi.openapi_schema()
    paths, schemas = doc["paths"], doc["components"]["schemas"]
    for part in ["risk-assessment", "plan", "self-neglect", "death", "involvement"]:
        assert set(paths[f"/api/v1/cases/{{case_id}}/{part}"]) == {"get", "put"}, part
    assert set(paths["/api/v1/plan-actions/{plan_action_id}"]) == {"patch"}
    assert "post" in paths["/api/v1/overrides/{override_id}/cosign"]
    # Codes are listed, computed facts are described.
    assert set(schemas["CoercionIndicator"]["enum"]) >= {"answers_for_person", "fear"}
    assert "lacks_capacity" in schemas["CapacityOut"]["required"]
    assert schemas["FindingOut"]["properties"]["severity"]["enum"] == ["DUTY", "PROMPT"]
    assert "findings" in schemas["CaseDetail"]["required"]
    assert "duty_overrides" in schemas["ClosureIn"]["properties"]
    closure = paths["/api/v1/cases/{case_id}/closure"]["post"]["responses"]["409"]
    assert closure["content"]["application/json"]["schema"]["$ref"].endswith("/ClosureConflictOut")


@pytest.mark.django_db
def test_openapi_and_docs_are_served_without_signing_in():
    client = Client()
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    assert r.json()["info"]["title"] == "MSP Casework API"
    r = client.get("/api/v1/docs")
    assert r.status_code == 200
    assert b"MSP Casework API" in r.content


@pytest.mark.parametrize("path", ["/api/v1/", "/api/v1/no-such-thing", "/api/v1/cases/1/x"])
def test_unknown_endpoints_answer_in_json(api, practitioner, path):
    r = Client().get(path)
    assert r.status_code == 401
    assert "API token" in r.json()["detail"]
    r = api(practitioner).get(path)
    assert r.status_code == 404
    assert r.json() == {"detail": "No such API endpoint"}
