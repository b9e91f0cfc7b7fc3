"""Who may see and change what: the access helper's rules, through the API."""

import pytest

from msp.cases.models import Case
from msp.enquiries.models import DesiredOutcome
from tests import factories


@pytest.fixture
def north_case(practitioner):
    return factories.case(practitioner, state="enquiry")


@pytest.mark.parametrize("who", ["outsider", "board_member", "auditor", "administrator"])
def test_outsiders_get_404_on_reads_and_changes(request, api, north_case, who):
    client = api(request.getfixturevalue(who))
    outcome = north_case.desired_outcomes.get()
    for path in [
        f"/cases/{north_case.pk}",
        f"/cases/{north_case.pk}/chronology",
        f"/cases/{north_case.pk}/concerns",
        f"/cases/{north_case.pk}/outcomes",
        f"/people/{north_case.person_id}",
    ]:
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.json()["detail"] in ("No case found", "No person found")
    r = client.post(f"/cases/{north_case.pk}/closing", {"version": north_case.version})
    assert r.status_code == 404
    assert r.json() == {"detail": "No case found"}
    r = client.patch(f"/people/{north_case.person_id}", {"version": 1, "preferred_name": "Peggy"})
    assert r.status_code == 404
    # Outcomes on cases you cannot see look exactly like outcomes that do not exist.
    hidden = client.get(f"/outcomes/{outcome.pk}/revisions")
    missing = client.get(f"/outcomes/{outcome.pk + 1000}/revisions")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json() == {"detail": "No desired outcome found"}
    r = client.post(
        f"/outcomes/{outcome.pk}/revisions",
        {"version": 1, "text": "x", "whose_words": "person", "reason": "y"},
    )
    assert r.status_code == 404
    assert Case.objects.get(pk=north_case.pk).state == "enquiry"


def test_board_member_cannot_raise_concerns_or_record_people(api, board_member, practitioner):
    person = factories.person(practitioner)
    client = api(board_member)
    r = client.post(
        "/people", {"given_name": "A", "family_name": "B", "date_of_birth": "1950-01-01"}
    )
    assert r.status_code == 403
    r = client.post(f"/people/{person.pk}/concerns", {})
    assert r.status_code in (404, 422)


def test_other_team_manager_reads_but_cannot_change(api, other_manager, north_case):
    client = api(other_manager)
    r = client.get(f"/cases/{north_case.pk}")
    assert r.status_code == 200
    assert r.json()["can_change"] is False
    assert r.json()["allowed_actions"] == []
    r = client.post(f"/cases/{north_case.pk}/closing", {"version": north_case.version})
    assert r.status_code == 403
    assert r.json() == {"detail": "You can read this case but not change it"}
    outcome = north_case.desired_outcomes.get()
    r = client.post(
        f"/outcomes/{outcome.pk}/revisions",
        {"version": outcome.version, "text": "x", "whose_words": "person", "reason": "y"},
    )
    assert r.status_code == 403
    r = client.patch(f"/people/{north_case.person_id}", {"version": 1, "preferred_name": "Peggy"})
    assert r.status_code == 403
    assert Case.objects.get(pk=north_case.pk).state == "enquiry"
    assert DesiredOutcome.objects.get(pk=outcome.pk).version == outcome.version


def test_lead_changes_any_case(api, lead, north_case):
    r = api(lead).post(f"/cases/{north_case.pk}/closing", {"version": north_case.version})
    assert r.status_code == 200
    assert r.json()["state"] == "closing"


def test_case_list_is_scoped_to_the_team(api, practitioner, outsider, manager):
    north = factories.case(practitioner)
    south = factories.case(outsider)
    ids = {c["id"] for c in api(practitioner).get("/cases").json()["items"]}
    assert north.pk in ids
    assert south.pk not in ids
    ids = {c["id"] for c in api(outsider).get("/cases").json()["items"]}
    assert ids == {south.pk}
    # Team managers read every team's cases.
    body = api(manager).get("/cases").json()
    assert {c["id"] for c in body["items"]} == {north.pk, south.pk}
    assert body["count"] == 2


def test_people_list_is_scoped_to_the_team(api, practitioner, outsider):
    north = factories.person(practitioner)
    south = factories.person(outsider)
    ids = {p["id"] for p in api(practitioner).get("/people").json()["items"]}
    assert ids == {north.pk}
    ids = {p["id"] for p in api(outsider).get("/people").json()["items"]}
    assert ids == {south.pk}


def test_case_list_filters_and_pages(api, practitioner, manager, outsider):
    raised = factories.case(practitioner)
    triage = factories.case(practitioner, state="triage")
    south = factories.case(outsider, state="triage")
    client = api(manager)
    r = client.get("/cases", state="triage")
    assert {c["id"] for c in r.json()["items"]} == {triage.pk, south.pk}
    r = client.get("/cases", team=raised.team_id)
    assert {c["id"] for c in r.json()["items"]} == {raised.pk, triage.pk}
    r = client.get("/cases", state="triage", team=south.team_id)
    assert [c["id"] for c in r.json()["items"]] == [south.pk]
    r = client.get("/cases", limit=2, offset=0)
    assert r.json()["count"] == 2 and r.json()["more"] is True  # never a total
    assert len(r.json()["items"]) == 2
    assert "offset=2" in r.json()["next"] and "limit=2" in r.json()["next"]
    r = client.get("/cases", limit=2, offset=2)
    assert len(r.json()["items"]) == 1
    assert r.json()["more"] is False and r.json()["next"] is None
    assert r.json()["count"] == 3
    r = client.get("/cases", state="nonsense")
    assert r.status_code == 422
    assert "state" in r.json()["errors"]


def test_concern_team(api, practitioner, lead, outsider):
    person = factories.person(practitioner)
    concern = {**factories.CONCERN, "raised_on": "2024-01-01"}
    # A lead has no team, so must say which team will triage.
    r = api(lead).post(f"/people/{person.pk}/concerns", concern)
    assert r.status_code == 422
    assert r.json()["errors"] == {"team_id": ["Choose the team that will triage this concern"]}
    r = api(lead).post(f"/people/{person.pk}/concerns", {**concern, "team_id": outsider.team_id})
    assert r.status_code == 201
    assert r.json()["team"]["id"] == outsider.team_id
    # A practitioner cannot hand a concern to another team.
    r = api(practitioner).post(
        f"/people/{person.pk}/concerns", {**concern, "team_id": outsider.team_id}
    )
    assert r.status_code == 422
    assert "team_id" in r.json()["errors"]
    r = api(practitioner).post(f"/people/{person.pk}/concerns", {**concern, "team_id": 999999})
    assert r.status_code == 422


def test_access_is_checked_before_the_body(api, outsider, other_manager, north_case):
    """Someone who may not see a record gets 404 whatever they send; someone who may
    only read it gets 403. Validation errors (422) are only for those who may change it."""
    outcome = north_case.desired_outcomes.get()
    paths = [
        ("POST", f"/cases/{north_case.pk}/decision"),
        ("POST", f"/cases/{north_case.pk}/outcomes"),
        ("POST", f"/outcomes/{outcome.pk}/rating"),
        ("PATCH", f"/people/{north_case.person_id}"),
    ]
    for method, path in paths:
        for raw in ["", "{", '{"version": "x"}']:
            r = api(outsider).request(method, path, raw=raw)
            assert r.status_code == 404, (method, path, raw)
            r = api(other_manager).request(method, path, raw=raw)
            assert r.status_code == 403, (method, path, raw)
    r = api(outsider).post(f"/people/{north_case.person_id}/concerns", raw="{")
    assert r.status_code == 404
