"""Capacity, best interests, advocacy, contacts, involvement and notes through
the API: what is saved is what comes back, the rules' messages arrive on the
API's field names, and closed cases take no additions."""

import pytest

from msp.audit.models import AuditEvent
from msp.concerns import actions as concern_actions
from msp.enquiries import actions
from msp.enquiries.models import (
    AdvocacyAssessment,
    BestInterestsDecision,
    CapacityAssessment,
    CaseNote,
    Contact,
)
from msp.enquiries.record_rules import ADVOCATE_DUTY_MESSAGE
from tests import factories
from tests import record_factories as rf
from tests.api import bodies
from tests.factories import fresh


@pytest.fixture
def case(practitioner):
    return factories.case(practitioner, state="enquiry", advocacy=False)


@pytest.fixture
def pat(api, practitioner):
    return api(practitioner)


def closed_case(by):
    """A case closed after a decision of no enquiry, through the actions."""
    case = factories.case(by, state="triage")
    concern_actions.record_decision(
        case,
        by=factories.decider_for(by, case),
        expected_version=case.version,
        **factories.DECISION_NONE,
    )
    case = actions.start_closing(fresh(case), by=by, expected_version=fresh(case).version)
    actions.close_case(case, by=by, expected_version=case.version, reason="no_enquiry")
    return fresh(case)


# --- Capacity --------------------------------------------------------------------


def test_capacity_assessment_that_finds_a_lack_of_capacity(pat, case):
    body = bodies.capacity(
        understand="unable",
        understand_evidence="Could not say what the account is for after three tries.",
        impairment="yes",
        impairment_evidence="Diagnosed with vascular dementia in 2023.",
        reassess_on=bodies.day(90),
    )
    r = pat.post(f"/cases/{case.pk}/capacity-assessments", body)
    assert r.status_code == 201, r.json()
    made = r.json()
    assert made["lacks_capacity"] is True
    assert made["decision"] == "Whether to let her son manage her bank account"
    assert made["understand"] == "unable"
    assert made["reassess_on"] == bodies.day(90)
    assert made["recorded_by"]["name"] == "Pat Okafor"
    assert (made["case_id"], made["version"]) == (case.pk, 1)

    r = pat.get(f"/cases/{case.pk}/capacity-assessments")
    assert r.status_code == 200
    assert r.json() == [made]


def test_capacity_assessment_that_finds_capacity(pat, case):
    r = pat.post(f"/cases/{case.pk}/capacity-assessments", bodies.capacity())
    assert r.status_code == 201, r.json()
    assert r.json()["lacks_capacity"] is False
    # Unable in part, but with no impairment of the mind or brain: no lack of capacity.
    body = bodies.capacity(
        retain="unable", impairment="no", impairment_evidence="No impairment found by her GP."
    )
    r = pat.post(f"/cases/{case.pk}/capacity-assessments", body)
    assert r.status_code == 201, r.json()
    assert r.json()["lacks_capacity"] is False
    assert [
        a["lacks_capacity"] for a in pat.get(f"/cases/{case.pk}/capacity-assessments").json()
    ] == [
        False,
        False,
    ]


def test_inability_needs_evidence_of_an_impairment(pat, case):
    body = bodies.capacity(understand="unable", impairment="yes", impairment_evidence="  ")
    r = pat.post(f"/cases/{case.pk}/capacity-assessments", body)
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "impairment_evidence": [
            "Enter the evidence that the person cannot make the decision because of an "
            "impairment of, or a disturbance in the functioning of, the mind or brain"
        ]
    }
    assert not CapacityAssessment.objects.exists()


def test_capacity_codes_dates_and_missing_fields(pat, case):
    body = bodies.capacity(understand="maybe", reassess_on=bodies.day(-1))
    del body["decision"]
    r = pat.post(f"/cases/{case.pk}/capacity-assessments", body)
    assert r.status_code == 422
    errors = r.json()["errors"]
    assert set(errors) == {"understand", "decision"}
    assert errors["decision"] == ["This field is required"]
    # Shape is fine, but the reassessment is before the assessment: the rule says so.
    r = pat.post(
        f"/cases/{case.pk}/capacity-assessments", bodies.capacity(reassess_on=bodies.day(-1))
    )
    assert r.json()["errors"] == {
        "reassess_on": ["Date to reassess must be after the date of the assessment"]
    }
    r = pat.post(
        f"/cases/{case.pk}/capacity-assessments", bodies.capacity(assessed_on=bodies.day(1))
    )
    assert r.json()["errors"] == {"assessed_on": ["Date of the assessment cannot be in the future"]}
    assert not CapacityAssessment.objects.exists()


# --- Best interests ------------------------------------------------------------------


def test_best_interests_decision_following_an_assessment(pat, case, practitioner):
    assessment = rf.capacity(
        case,
        practitioner,
        understand="unable",
        impairment="yes",
        impairment_evidence="Dementia diagnosis.",
    )
    consulted = [
        {"name": "Ann Example", "role": "family", "views": "Thinks she should come home."},
        {"name": "Dr Iqbal", "role": "professional", "views": "Home with care is safe."},
    ]
    body = bodies.best_interests(capacity_assessment_id=assessment.pk, consulted=consulted)
    r = pat.post(f"/cases/{case.pk}/best-interests-decisions", body)
    assert r.status_code == 201, r.json()
    made = r.json()
    assert made["capacity_assessment_id"] == assessment.pk
    assert made["consulted"] == consulted
    assert made["past_wishes"] == "Always said she would never go into a care home."
    assert pat.get(f"/cases/{case.pk}/best-interests-decisions").json() == [made]


def test_best_interests_needs_someone_consulted_and_an_assessment_from_this_case(
    pat, case, practitioner
):
    other = factories.case(practitioner, state="enquiry")
    elsewhere = rf.capacity(other, practitioner)
    for assessment_id in (elsewhere.pk, elsewhere.pk + 1000):
        r = pat.post(
            f"/cases/{case.pk}/best-interests-decisions",
            bodies.best_interests(capacity_assessment_id=assessment_id, consulted=[]),
        )
        assert r.status_code == 422
        assert r.json()["errors"] == {
            "capacity_assessment_id": ["Choose a capacity assessment from this case"],
            "consulted": ["Enter at least one person who was consulted"],
        }
    r = pat.post(
        f"/cases/{case.pk}/best-interests-decisions",
        bodies.best_interests(consulted=[{"name": "Ann", "role": "aunt", "views": "x"}]),
    )
    assert r.status_code == 422
    assert list(r.json()["errors"]) == ["consulted.0.role"]
    assert not BestInterestsDecision.objects.exists()


# --- Advocacy ----------------------------------------------------------------------------


def test_advocate_arranged_where_the_duty_applies(pat, case):
    body = bodies.advocacy(
        difficulty_understanding=True,
        difficulty_communicating=True,
        appropriate_individual="yes",
        appropriate_individual_name="Her son",
        individual_implicated=True,
        result="advocate_arranged",
        advocate_name="Sam Advocate, Northmoor Advocacy",
        advocate_arranged_on=bodies.day(),
        reason="Left over from an earlier draft",
    )
    r = pat.post(f"/cases/{case.pk}/advocacy-assessments", body)
    assert r.status_code == 201, r.json()
    made = r.json()
    assert made["substantial_difficulty"] is True
    # Her son is implicated, so he cannot be the appropriate person.
    assert made["advocate_duty_applies"] is True
    assert made["advocate_name"] == "Sam Advocate, Northmoor Advocacy"
    assert made["reason"] == ""
    assert pat.get(f"/cases/{case.pk}/advocacy-assessments").json() == [made]


def test_no_advocate_where_the_duty_applies_is_refused(pat, case):
    body = bodies.advocacy(difficulty_retaining=True, appropriate_individual="no")
    r = pat.post(f"/cases/{case.pk}/advocacy-assessments", body)
    assert r.status_code == 422
    assert r.json()["errors"] == {"result": [ADVOCATE_DUTY_MESSAGE]}
    r = pat.post(f"/cases/{case.pk}/advocacy-assessments", bodies.advocacy(reason=""))
    assert r.json()["errors"] == {"reason": ["Enter why no advocate was arranged"]}
    assert not AdvocacyAssessment.objects.exists()
    r = pat.post(f"/cases/{case.pk}/advocacy-assessments", bodies.advocacy())
    assert r.status_code == 201
    assert r.json()["substantial_difficulty"] is False
    assert r.json()["advocate_duty_applies"] is False


# --- Contacts ---------------------------------------------------------------------------


def test_contact_with_signs_of_coercion(pat, case):
    body = bodies.contact(
        outcome="third_party",
        who_was_present="Her son, who answered every question",
        seen_alone="tried",
        coercion_indicators=["answers_for_person", "fear", "answers_for_person"],
        coercion_conclusion="He would not leave the room; she looked at him before answering.",
    )
    r = pat.post(f"/cases/{case.pk}/contacts", body)
    assert r.status_code == 201, r.json()
    made = r.json()
    assert made["coercion_indicators"] == ["answers_for_person", "fear"]
    assert made["seen_alone"] == "tried"
    assert made["who_was_present"] == "Her son, who answered every question"
    assert pat.get(f"/cases/{case.pk}/contacts").json() == [made]


def test_contact_rules(pat, case):
    r = pat.post(f"/cases/{case.pk}/contacts", bodies.contact(who_was_present=""))
    assert r.status_code == 422
    assert r.json()["errors"] == {"who_was_present": ["Enter who was there, or 'no one else'"]}
    r = pat.post(f"/cases/{case.pk}/contacts", bodies.contact(coercion_indicators=["bribery"]))
    assert list(r.json()["errors"]) == ["coercion_indicators.0"]
    r = pat.post(f"/cases/{case.pk}/contacts", bodies.contact(method="pigeon"))
    assert "visit" in r.json()["errors"]["method"][0]
    assert not Contact.objects.exists()
    # No answer: nobody was spoken to, so who was there is not asked.
    r = pat.post(
        f"/cases/{case.pk}/contacts",
        bodies.contact(outcome="no_answer", who_was_present="", seen_alone="not_applicable"),
    )
    assert r.status_code == 201, r.json()


# --- Involvement -------------------------------------------------------------------------


def test_involvement_is_created_then_changed_with_its_version(pat, api, colleague, case):
    path = f"/cases/{case.pk}/involvement"
    r = pat.get(path)
    assert r.status_code == 404
    assert r.json() == {"detail": "No involvement record is recorded on this case yet"}

    r = pat.put(path, {"person_told": "yes", "person_involvement": "Chose who came."})
    assert r.status_code == 201, r.json()
    assert r.json()["version"] == 1
    assert r.json()["referrer_part_details"] == ""

    # Only the fields sent change.
    r = api(colleague).put(path, {"version": 1, "referrer_part_details": "Her carer checks daily."})
    assert r.status_code == 200, r.json()
    changed = r.json()
    assert changed["version"] == 2
    assert changed["person_involvement"] == "Chose who came."
    assert changed["referrer_part_details"] == "Her carer checks daily."
    assert changed["recorded_by"]["name"] == "Pat Okafor"
    assert pat.get(path).json() == changed

    # Saving over the colleague's change, or creating a second record, is a conflict.
    for stale in ({"version": 1}, {}):
        r = pat.put(path, {**stale, "pattern_review": "Three concerns this year."})
        assert r.status_code == 409
        assert r.json()["current_version"] == 2
        assert r.json()["changed_by"] == "Cal Reyes"
        assert r.json()["changes"] == {"referrer_part_details": ["", "Her carer checks daily."]}
    assert pat.get(path).json()["pattern_review"] == ""


def test_involvement_not_told_needs_a_reason(pat, case):
    path = f"/cases/{case.pk}/involvement"
    r = pat.put(path, {"person_told": "no_risk"})
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "not_told_reason": ["Enter why telling them would increase the risk"]
    }
    r = pat.put(path, {"person_told": "told_everyone"})
    assert r.status_code == 422
    assert "person_told" in r.json()["errors"]
    assert pat.get(path).status_code == 404
    # null clears the answer
    pat.put(path, {"person_told": "yes"})
    r = pat.put(path, {"version": 1, "person_told": None})
    assert r.status_code == 200, r.json()
    assert r.json()["person_told"] is None


# --- Notes -------------------------------------------------------------------------------


def test_notes(pat, case):
    r = pat.post(f"/cases/{case.pk}/notes", {"text": "  Phoned her GP.  "})
    assert r.status_code == 201, r.json()
    assert r.json()["text"] == "Phoned her GP."
    assert [n["text"] for n in pat.get(f"/cases/{case.pk}/notes").json()] == ["Phoned her GP."]
    r = pat.post(f"/cases/{case.pk}/notes", {"text": " "})
    assert r.status_code == 422
    assert r.json()["errors"] == {"text": ["Enter the note"]}
    assert CaseNote.objects.count() == 1


def test_additions_are_audited_and_leave_the_case_version_alone(pat, case):
    r = pat.post(f"/cases/{case.pk}/notes", bodies.note())
    event = AuditEvent.objects.changes().latest("id")
    assert (event.action, event.channel, event.case_id) == ("note.added", "api", case.pk)
    assert event.object_id == str(r.json()["id"])
    assert fresh(case).version == case.version
    chronology = pat.get(f"/cases/{case.pk}/chronology").json()
    assert chronology[-1]["by"] == "Pat Okafor"


def test_a_closed_case_takes_no_additions(pat, practitioner):
    case = closed_case(practitioner)
    assert case.state == "closed"
    for path, body in [
        ("notes", bodies.note()),
        ("contacts", bodies.contact()),
        ("capacity-assessments", bodies.capacity()),
    ]:
        r = pat.post(f"/cases/{case.pk}/{path}", body)
        assert r.status_code == 409, path
        assert r.json() == {"detail": "This case is closed. Reopen it to add to the record."}
    r = pat.put(f"/cases/{case.pk}/involvement", bodies.involvement())
    assert r.status_code == 409
    assert not CaseNote.objects.exists()


def test_involvement_still_takes_the_old_name_for_the_referrers_part(pat, case):
    """`referrer_role` was renamed `referrer_part_details`; the old name is
    accepted until the next API version, and answers carry only the new one."""
    path = f"/cases/{case.pk}/involvement"
    r = pat.put(path, {"referrer_role": "Her carer checks daily."})
    assert r.status_code == 201, r.json()
    assert r.json()["referrer_part_details"] == "Her carer checks daily."
    assert "referrer_role" not in r.json()
