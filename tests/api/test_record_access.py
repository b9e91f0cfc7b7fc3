"""Who may read and change the parts of the record, through every record
endpoint: 401 without a token, 404 for people who may not see the case (before
anything in the body is looked at), 403 for people who may only read it, and
nothing changed by any of them."""

import pytest

from msp.audit.models import AuditEvent
from tests import factories
from tests import record_factories as rf
from tests.api import bodies
from tests.api.conftest import ApiClient

LISTS = [
    "capacity-assessments",
    "best-interests-decisions",
    "advocacy-assessments",
    "contacts",
    "risk-actions",
    "overrides",
    "plan-actions",
    "clutter-ratings",
    "referrer-feedback",
    "escalations",
    "notes",
]
ONE_EACH = ["risk-assessment", "plan", "self-neglect", "death", "involvement"]


@pytest.fixture
def full(practitioner, manager):
    """A case in enquiry with one of every part of the record."""
    case = factories.case(practitioner, state="enquiry")
    rf.capacity(case, practitioner)
    rf.best_interests(case, practitioner)
    rf.advocacy(case, practitioner)
    rf.contact(case, practitioner)
    rf.risk_assessment(case, practitioner)
    rf.risk_action(case, practitioner)
    override = rf.override(case, practitioner, cosigner=manager)
    rf.plan(case, practitioner)
    action = rf.plan_action(case, practitioner)
    rf.self_neglect(case, practitioner)
    rf.clutter_rating(case, practitioner)
    rf.feedback(case, practitioner)
    escalation = rf.escalation(case, practitioner)
    rf.death(case, practitioner)
    rf.involvement(case, practitioner)
    rf.note(case, practitioner)
    return {"case": case, "override": override, "action": action, "escalation": escalation}


def reads(full):
    pk = full["case"].pk
    return [f"/cases/{pk}/{part}" for part in [*LISTS, *ONE_EACH, "findings"]]


def writes(full, manager):
    case = full["case"]
    pk = case.pk
    return [
        ("POST", f"/cases/{pk}/capacity-assessments", bodies.capacity()),
        ("POST", f"/cases/{pk}/best-interests-decisions", bodies.best_interests()),
        ("POST", f"/cases/{pk}/advocacy-assessments", bodies.advocacy()),
        ("POST", f"/cases/{pk}/contacts", bodies.contact()),
        ("PUT", f"/cases/{pk}/risk-assessment", {**bodies.risk_assessment(), "version": 1}),
        ("POST", f"/cases/{pk}/risk-actions", bodies.risk_action()),
        ("POST", f"/cases/{pk}/overrides", bodies.override(manager)),
        ("POST", f"/overrides/{full['override'].pk}/cosign", {}),
        ("PUT", f"/cases/{pk}/plan", {**bodies.plan(), "version": 1}),
        ("POST", f"/cases/{pk}/plan-actions", bodies.plan_action()),
        ("PATCH", f"/plan-actions/{full['action'].pk}", {"version": 1, "status": "done"}),
        ("PUT", f"/cases/{pk}/self-neglect", {**bodies.self_neglect(), "version": 1}),
        ("POST", f"/cases/{pk}/clutter-ratings", bodies.clutter_rating()),
        ("POST", f"/cases/{pk}/referrer-feedback", bodies.feedback(case)),
        ("POST", f"/cases/{pk}/escalations", bodies.escalation()),
        ("POST", f"/escalations/{full['escalation'].pk}/resolution", bodies.resolution()),
        ("PUT", f"/cases/{pk}/death", {**bodies.death(), "version": 1}),
        ("PUT", f"/cases/{pk}/involvement", {**bodies.involvement(), "version": 1}),
        ("POST", f"/cases/{pk}/notes", bodies.note()),
    ]


def test_every_record_endpoint_needs_a_token(full, manager):
    client = ApiClient(None)
    for path in reads(full):
        r = client.get(path)
        assert r.status_code == 401, path
        assert "API token" in r.json()["detail"]
    for method, path, body in writes(full, manager):
        assert client.request(method, path, body).status_code == 401, (method, path)


@pytest.mark.parametrize("who", ["outsider", "board_member", "auditor", "administrator"])
def test_outsiders_get_404_and_change_nothing(request, api, full, manager, who):
    client = api(request.getfixturevalue(who))
    changes = AuditEvent.objects.changes().count()
    for path in reads(full):
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.json() == {"detail": "No case found"}, path
    for method, path, body in writes(full, manager):
        for sent in (body, "{", '{"version": "x"}'):
            if isinstance(sent, str):
                r = client.request(method, path, raw=sent)
            else:
                r = client.request(method, path, sent)
            assert r.status_code == 404, (method, path, sent)
    assert AuditEvent.objects.changes().count() == changes
    # Records of cases you cannot see look exactly like records that do not exist.
    for kind, path, detail in [
        ("override", "/overrides/{}/cosign", "No override found"),
        ("action", "/plan-actions/{}", "No plan action found"),
        ("escalation", "/escalations/{}/resolution", "No escalation found"),
    ]:
        method = "PATCH" if kind == "action" else "POST"
        hidden = client.request(method, path.format(full[kind].pk), {"version": 1})
        missing = client.request(method, path.format(full[kind].pk + 1000), {"version": 1})
        assert hidden.status_code == missing.status_code == 404
        assert hidden.json() == missing.json() == {"detail": detail}


def test_another_teams_manager_reads_but_cannot_change(api, full, manager, other_manager):
    client = api(other_manager)
    for path in reads(full):
        assert client.get(path).status_code == 200, path
    changes = AuditEvent.objects.changes().count()
    for method, path, body in writes(full, manager):
        for sent in (body, "{"):
            if isinstance(sent, str):
                r = client.request(method, path, raw=sent)
            else:
                r = client.request(method, path, sent)
            assert r.status_code == 403, (method, path, sent)
        assert r.json()["detail"] == "You can read this case but not change it"
    assert AuditEvent.objects.changes().count() == changes


def test_reads_are_audited_as_api_views(api, full, colleague):
    client = api(colleague)
    case = full["case"]
    for path in reads(full):
        before = AuditEvent.objects.filter(user=colleague, action="view").count()
        assert client.get(path).status_code == 200, path
        events = AuditEvent.objects.filter(user=colleague, action="view").order_by("id")
        assert events.count() == before + 1, path
        event = events.last()
        assert (event.channel, event.case_id, event.person_id) == ("api", case.pk, case.person_id)


def test_the_same_requests_work_for_the_team(api, full, practitioner, manager):
    """The requests refused above are good ones: the case's own team may make them."""
    pat, mo = api(practitioner), api(manager)
    for method, path, body in writes(full, manager):
        client = mo if path.endswith("/cosign") else pat
        r = client.request(method, path, body)
        assert r.status_code in (200, 201), (method, path, r.json())
