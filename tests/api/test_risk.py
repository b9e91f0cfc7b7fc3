"""The risk assessment, actions to protect others, overrides with their
co-signature, and the person's death, through the API."""

import pytest

from msp.enquiries.models import DeathRecord, Override, RiskAssessment, RiskToOthersAction
from msp.enquiries.record_rules import COSIGNER_MESSAGE
from msp.people.models import Person
from tests import factories
from tests.api import bodies


@pytest.fixture
def case(practitioner):
    return factories.case(practitioner, state="enquiry")


@pytest.fixture
def pat(api, practitioner):
    return api(practitioner)


# --- The risk assessment ---------------------------------------------------------------


def test_risk_assessment_created_then_changed(pat, api, colleague, case):
    path = f"/cases/{case.pk}/risk-assessment"
    assert pat.get(path).json() == {"detail": "No risk assessment is recorded on this case yet"}
    body = bodies.risk_assessment(
        source_trust_role="paid_carer",
        crime_may_have_been_committed="yes",
        police_decision="reported",
        police_decision_reason="Theft from a person in their care.",
    )
    r = pat.put(path, body)
    assert r.status_code == 201, r.json()
    made = r.json()
    assert made["source_in_position_of_trust"] is True
    assert made["others_at_risk"] is False
    assert made["police_decision"] == "reported"
    assert made["version"] == 1
    assert pat.get(path).json() == made

    r = api(colleague).put(path, {"version": 1, "children_at_risk": "yes"})
    assert r.status_code == 200, r.json()
    assert r.json()["others_at_risk"] is True
    assert r.json()["police_decision"] == "reported"
    assert r.json()["version"] == 2

    r = pat.put(path, {"version": 1, "public_at_risk": "yes"})
    assert r.status_code == 409
    assert r.json()["current_version"] == 2
    assert r.json()["changes"] == {"children_at_risk": ["no", "yes"]}
    assert RiskAssessment.objects.get().public_at_risk == "no"


def test_risk_assessment_rules(pat, case):
    path = f"/cases/{case.pk}/risk-assessment"
    r = pat.put(path, bodies.risk_assessment(crime_may_have_been_committed="yes"))
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "police_decision": ["Select whether the police were told"],
        "police_decision_reason": ["Enter why the police were or were not told"],
    }
    # Creating needs the required answers; the rules name each one.
    r = pat.put(path, {"risk_to_person": "She may lose her savings."})
    assert r.status_code == 422
    assert r.json()["errors"]["children_at_risk"] == ["Select whether children are at risk"]
    assert r.json()["errors"]["source_trust_role"] == [
        "Select whether the source of risk is in a position of trust"
    ]
    r = pat.put(path, {**bodies.risk_assessment(), "other_adults_at_risk": "perhaps"})
    assert list(r.json()["errors"]) == ["other_adults_at_risk"]
    assert not RiskAssessment.objects.exists()


# --- Actions to protect others -----------------------------------------------------------


def test_risk_actions(pat, case):
    path = f"/cases/{case.pk}/risk-actions"
    r = pat.post(path, bodies.risk_action(kind="pipot", details="Referred to the PiPoT lead."))
    assert r.status_code == 201, r.json()
    made = r.json()
    assert (made["kind"], made["details"], made["done_by"]) == (
        "pipot",
        "Referred to the PiPoT lead.",
        "Pat Okafor",
    )
    assert pat.get(path).json() == [made]

    r = pat.post(path, bodies.risk_action(details=" ", done_on=bodies.day(1)))
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "details": ["Enter details of what was done"],
        "done_on": ["Date of the action cannot be in the future"],
    }
    assert RiskToOthersAction.objects.count() == 1


# --- Overrides and co-signing ---------------------------------------------------------------


def test_override_needs_a_manager_other_than_you_to_cosign(api, pat, case, manager, colleague):
    path = f"/cases/{case.pk}/overrides"
    body = bodies.override(manager)
    for cosigner_id in (None, colleague.pk, 10**9):
        r = pat.post(path, {**body, "cosigner_id": cosigner_id})
        assert r.status_code == 422, cosigner_id
        assert r.json()["errors"] == {"cosigner_id": [COSIGNER_MESSAGE]}
    del body["cosigner_id"]
    r = pat.post(path, body)
    assert r.json()["errors"] == {"cosigner_id": [COSIGNER_MESSAGE]}
    # A manager may not name themselves.
    r = api(manager).post(path, bodies.override(manager))
    assert r.json()["errors"] == {"cosigner_id": [COSIGNER_MESSAGE]}
    assert not Override.objects.exists()


def test_override_rules(pat, case, manager):
    body = bodies.override(manager, kind="shared_without_consent", person_told=False)
    r = pat.post(f"/cases/{case.pk}/overrides", body)
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "shared_what": ["Enter what was shared"],
        "shared_with": ["Enter who it was shared with"],
        "shared_on": ["Enter the date the information was shared"],
        "not_told_reason": ["Enter why the person was not told"],
    }


def test_cosign_flow(api, pat, case, manager, colleague, outsider):
    r = pat.post(f"/cases/{case.pk}/overrides", bodies.override(manager))
    assert r.status_code == 201, r.json()
    made = r.json()
    assert made["cosigner"]["name"] == "Mo Hughes"
    assert (made["cosigned"], made["cosigned_at"]) == (False, None)
    cosign = f"/overrides/{made['id']}/cosign"

    # Only the named co-signer may confirm it.
    for who in (pat, api(colleague)):
        r = who.post(cosign)
        assert r.status_code == 403
        assert r.json() == {"detail": "Only Mo Hughes, who was named to co-sign, can co-sign this"}
    assert api(outsider).post(cosign).status_code == 404
    assert api(manager).post(f"/overrides/{made['id'] + 100}/cosign").status_code == 404
    assert pat.get(f"/cases/{case.pk}/overrides").json()[0]["cosigned"] is False

    r = api(manager).post(cosign)
    assert r.status_code == 200, r.json()
    assert r.json()["cosigned"] is True
    assert r.json()["cosigned_at"] is not None
    assert r.json()["version"] == 2
    [listed] = pat.get(f"/cases/{case.pk}/overrides").json()
    assert listed == r.json()

    r = api(manager).post(cosign)
    assert r.status_code == 409
    assert r.json() == {"detail": "This decision has already been co-signed."}


def test_a_manager_of_another_team_named_to_cosign_may_cosign(api, pat, case, other_manager):
    """They may read but not change the case; being named lets them co-sign."""
    r = pat.post(f"/cases/{case.pk}/overrides", bodies.override(other_manager))
    assert r.status_code == 201, r.json()
    r = api(other_manager).post(f"/overrides/{r.json()['id']}/cosign")
    assert r.status_code == 200, r.json()
    assert r.json()["cosigned"] is True


# --- Death ---------------------------------------------------------------------------------


def test_death_recorded_on_the_case_and_the_person(pat, case):
    path = f"/cases/{case.pk}/death"
    assert pat.get(path).status_code == 404
    r = pat.put(path, bodies.death(date_of_death=bodies.day(1)))
    assert r.status_code == 422
    assert r.json()["errors"] == {"date_of_death": ["Date of death cannot be in the future"]}
    r = pat.put(path, bodies.death(sar_criteria_may_be_met="yes"))
    assert r.json()["errors"] == {
        "sar_referred_on": ["Enter the date the case was referred to the board"]
    }
    assert not DeathRecord.objects.exists()

    r = pat.put(path, bodies.death(date_of_death=bodies.day(-1)))
    assert r.status_code == 201, r.json()
    made = r.json()
    assert made["date_of_death"] == bodies.day(-1)
    assert made["sar_referred_on"] is None
    assert pat.get(path).json() == made
    assert pat.get(f"/people/{case.person_id}").json()["date_of_death"] == bodies.day(-1)

    # Correcting the date corrects the person's record too.
    r = pat.put(path, {"version": 1, "date_of_death": bodies.day(-2)})
    assert r.status_code == 200, r.json()
    assert Person.objects.get(pk=case.person_id).date_of_death.isoformat() == bodies.day(-2)
    r = pat.put(path, {"version": 1, "date_of_death": bodies.day(-3)})
    assert r.status_code == 409
    assert r.json()["current_version"] == 2


def test_a_death_can_be_recorded_with_only_its_date(pat, case):
    path = f"/cases/{case.pk}/death"
    r = pat.put(path, {"date_of_death": bodies.day(-1)})
    assert r.status_code == 201, r.json()
    made = r.json()
    assert made["others_remain_at_risk"] is None
    assert made["sar_criteria_may_be_met"] is None
    assert made["sar_considerations"] == ""
    # The guard asks for the rest.
    findings = pat.get(f"/cases/{case.pk}/findings").json()
    m3d = [f for f in findings if f["check_id"] == "M3.d"]
    assert m3d and "whether others remain at risk" in m3d[0]["missing"]
