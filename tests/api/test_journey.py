"""A whole case, from a new person to closure, through the API alone."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.api import bodies


def test_whole_journey(api, practitioner, colleague, manager):
    pat = api(practitioner)
    cal = api(colleague)
    mo = api(manager)

    r = pat.post(
        "/people",
        {
            "given_name": "Ada",
            "family_name": "Lovelace",
            "date_of_birth": "1950-12-10",
            "nhs_number": "943 476 5919",
            "safe_to_phone": "not_safe",
            "do_not_tell": "Her nephew Tom",
        },
    )
    assert r.status_code == 201, r.json()
    person = r.json()
    assert person["nhs_number"] == "9434765919"
    assert "Do not phone this person." in person["contact_warnings"]

    concern = {
        **factories.CONCERN,
        "raised_on": timezone.localdate().isoformat(),
    }
    r = pat.post(f"/people/{person['id']}/concerns", concern)
    assert r.status_code == 201, r.json()
    case = r.json()
    assert case["state"] == "raised"
    assert case["allowed_actions"] == ["start_triage", "add_concern"]
    assert case["person"]["safe_to_phone"] == "not_safe"
    assert case["concerns"][0]["abuse_types"] == ["financial", "psychological"]
    cid = case["id"]

    r = cal.post(f"/cases/{cid}/triage", {"version": case["version"]})
    assert r.status_code == 200, r.json()
    case = r.json()
    assert case["state"] == "triage"

    assert "record_decision" not in case["allowed_actions"]  # managers decide, by default
    r = pat.post(f"/cases/{cid}/decision", {"version": case["version"], **factories.DECISION_S42})
    assert r.status_code == 403, r.json()
    assert "only team managers and safeguarding leads" in r.json()["detail"]

    r = mo.post(f"/cases/{cid}/decision", {"version": case["version"], **factories.DECISION_S42})
    assert r.status_code == 200, r.json()
    case = r.json()
    assert case["state"] == "decided"
    assert case["decisions"][0]["result"] == "s42"
    assert case["decisions"][0]["decided_by"]["name"] == "Mo Hughes"

    r = pat.post(f"/cases/{cid}/enquiry", {"version": case["version"]})
    assert r.status_code == 409, r.json()
    assert "Allocate the case" in r.json()["detail"]

    r = mo.post(f"/cases/{cid}/allocation", {"version": case["version"], "worker_id": 999999})
    assert r.status_code == 422, r.json()
    r = mo.post(
        f"/cases/{cid}/allocation", {"version": case["version"], "worker_id": practitioner.pk}
    )
    assert r.status_code == 200, r.json()
    case = r.json()
    assert case["lead_worker"]["name"] == "Pat Okafor"

    r = pat.post(f"/cases/{cid}/enquiry", {"version": case["version"]})
    assert r.status_code == 200, r.json()
    case = r.json()
    assert case["state"] == "enquiry"
    assert case["enquiry_type"] == "s42"
    assert case["lead_worker"]["name"] == "Pat Okafor"

    r = pat.post(
        f"/cases/{cid}/outcomes",
        {"version": case["version"], "text": "I want my money to be safe", "whose_words": "person"},
    )
    assert r.status_code == 201, r.json()
    outcome = r.json()
    assert outcome["current"]["text"] == "I want my money to be safe"
    assert outcome["revision_count"] == 1

    r = cal.post(
        f"/outcomes/{outcome['id']}/revisions",
        {
            "version": outcome["version"],
            "text": "I want my son to stop taking my money, without police",
            "whose_words": "representative",
            "representative_name": "Ruth Lovelace",
            "representative_relationship": "Daughter",
            "reason": "Talked it through with her daughter present",
        },
    )
    assert r.status_code == 201, r.json()
    outcome = r.json()
    assert outcome["revision_count"] == 2
    assert outcome["current"]["whose_words_display"] == "In the words of Ruth Lovelace (Daughter)"

    r = pat.get(f"/outcomes/{outcome['id']}/revisions")
    assert [rev["number"] for rev in r.json()] == [1, 2]
    assert r.json()[0]["text"] == "I want my money to be safe"

    # Once the enquiry is under way, the advocacy test is a legal duty: the guard
    # asks for it, and closing would be refused without it.
    r = pat.get(f"/cases/{cid}/findings")
    assert "M4.a" in {f["check_id"] for f in r.json()}
    r = pat.post(
        f"/cases/{cid}/advocacy-assessments",
        {
            "assessed_on": timezone.localdate().isoformat(),
            "difficulty_understanding": False,
            "difficulty_retaining": False,
            "difficulty_using_or_weighing": False,
            "difficulty_communicating": True,
            "appropriate_individual": "yes",
            "appropriate_individual_name": "Ruth Lovelace",
            "result": "appropriate_individual",
            "reason": "Her daughter helps her say what she wants and is not part of the concern.",
        },
    )
    assert r.status_code == 201, r.json()
    assert r.json()["substantial_difficulty"] is True
    assert r.json()["advocate_duty_applies"] is False
    r = pat.get(f"/cases/{cid}/findings")
    assert "M4.a" not in {f["check_id"] for f in r.json()}

    r = pat.post(f"/cases/{cid}/closing", {"version": outcome["case_version"]})
    assert r.status_code == 200, r.json()
    case = r.json()
    assert case["state"] == "closing"
    assert set(case["allowed_actions"]) == {
        "rate_outcome",
        "return_to_enquiry",
        "close_case",
        "add_concern",
    }

    r = pat.post(
        f"/outcomes/{outcome['id']}/rating",
        {"version": outcome["version"], "achievement": "partially", "person_view": "Better"},
    )
    assert r.status_code == 200, r.json()
    assert r.json()["achievement"] == "partially"

    r = pat.post(f"/cases/{cid}/closure", {"version": case["version"], **factories.CLOSURE})
    assert r.status_code == 200, r.json()

    r = pat.get(f"/cases/{cid}")
    assert r.status_code == 200
    case = r.json()
    assert case["state"] == "closed"
    assert {f["severity"] for f in case["findings"]} <= {"PROMPT"}
    assert case["closed_at"] is not None
    assert case["allowed_actions"] == ["reopen_case"]
    [o] = case["desired_outcomes"]
    assert o["achievement"] == "partially"
    assert o["revision_count"] == 2
    assert o["current"]["whose_words"] == "representative"
    assert o["current"]["text"].startswith("I want my son")
    assert case["closures"][0]["reason"] == "enquiry_concluded"
    assert case["closures"][0]["closed_by"]["name"] == "Pat Okafor"

    r = pat.get(f"/cases/{cid}/chronology")
    assert r.status_code == 200
    steps = [(e["title"], e["by"]) for e in r.json()]
    assert steps[:11] == [
        ("Concern raised", "Pat Okafor"),
        ("Triage started", "Cal Reyes"),
        ("Section 42 decision recorded", "Mo Hughes"),
        ("Case allocated", "Mo Hughes"),
        ("Enquiry started", "Pat Okafor"),
        ("Desired outcome recorded", "Pat Okafor"),
        ("Desired outcome revisited", "Cal Reyes"),
        ("Advocacy assessment recorded", "Pat Okafor"),
        ("Closing started", "Pat Okafor"),
        ("Outcome achievement recorded", "Pat Okafor"),
        ("Case closed", "Pat Okafor"),
    ]
    # What the guard found at closure (prompts left open) follows, where the
    # chronology shows it.
    assert steps[11:] in ([], [("Practice guard checked the closure", "Pat Okafor")])
    times = [datetime.datetime.fromisoformat(e["at"]) for e in r.json()]
    assert times == sorted(times)
    revisited = r.json()[6]
    assert revisited["reason"] == "Talked it through with her daughter present"

    r = pat.get(f"/cases/{cid}/concerns")
    assert r.status_code == 200
    assert len(r.json()) == 1

    r = pat.get(f"/cases/{cid}/outcomes")
    assert [o["achievement"] for o in r.json()] == ["partially"]


def test_reopen_and_return_to_enquiry(api, practitioner):
    pat = api(practitioner)
    case = factories.case(practitioner, state="closing")
    r = pat.post(f"/cases/{case.pk}/return-to-enquiry", {"version": case.version, "reason": "More"})
    assert r.status_code == 200, r.json()
    assert r.json()["state"] == "enquiry"

    closed = factories.case(practitioner, state="closed")
    again = {**factories.new_concern(), "raised_on": timezone.localdate().isoformat()}
    r = pat.post(
        f"/cases/{closed.pk}/reopen",
        {"version": closed.version, "reason": "", **again, "what_happened": ""},
    )
    assert r.status_code == 422
    errors = r.json()["errors"]
    assert errors["reason"] == ["Enter why the case is being reopened"]
    assert errors["what_happened"] == ["Enter what happened"]
    r = pat.post(
        f"/cases/{closed.pk}/reopen", {"version": closed.version, "reason": "New concern", **again}
    )
    assert r.status_code == 200, r.json()
    assert r.json()["state"] == "triage"
    assert r.json()["closed_at"] is None
    concerns = pat.get(f"/cases/{closed.pk}/concerns").json()
    assert [c["what_happened"] for c in concerns][-1] == again["what_happened"]


def test_a_repeat_concern_is_added_to_the_open_case(api, practitioner):
    pat = api(practitioner)
    case = factories.case(practitioner, state="enquiry")
    again = {**factories.new_concern(), "raised_on": timezone.localdate().isoformat()}
    r = pat.post(f"/cases/{case.pk}/concerns", {"version": case.version, **again})
    assert r.status_code == 200, r.json()
    assert r.json()["state"] == "enquiry"
    assert r.json()["version"] == case.version + 1
    concerns = pat.get(f"/cases/{case.pk}/concerns").json()
    assert len(concerns) == 2
    # The same request again is stale: one concern added, not two.
    r = pat.post(f"/cases/{case.pk}/concerns", {"version": case.version, **again})
    assert r.status_code == 409
    assert len(pat.get(f"/cases/{case.pk}/concerns").json()) == 2
    r = pat.post(f"/cases/{case.pk}/concerns", {"version": case.version + 1, "raised_via": "x"})
    assert r.status_code == 422

    closed = factories.case(practitioner, state="closed")
    r = pat.post(f"/cases/{closed.pk}/concerns", {"version": closed.version, **again})
    assert r.status_code == 409
    assert "reopened" in r.json()["detail"]


def test_people_update_and_search(api, practitioner):
    pat = api(practitioner)
    person = factories.person(practitioner, given_name="Winifred", family_name="Atwell")
    r = pat.patch(f"/people/{person.pk}", {"version": person.version, "preferred_name": "Win"})
    assert r.status_code == 200, r.json()
    assert r.json()["preferred_name"] == "Win"
    assert r.json()["version"] == person.version + 1
    assert r.json()["given_name"] == "Winifred"

    r = pat.get("/people", q="win atw")
    assert [p["id"] for p in r.json()["items"]] == [person.pk]
    r = pat.get("/people", q=person.nhs_number)
    assert [p["id"] for p in r.json()["items"]] == [person.pk]
    r = pat.get("/people", q="nobody-by-this-name")
    assert r.json() == {
        "count": 0,
        "limit": 50,
        "offset": 0,
        "more": False,
        "next": None,
        "items": [],
    }


@pytest.mark.usefixtures("practitioners_decide")
def test_no_decision_then_close(api, practitioner):
    """The other branch: no enquiry, a proportionate response, then closure."""
    pat = api(practitioner)
    case = factories.case(practitioner, state="triage")
    r = pat.post(f"/cases/{case.pk}/decision", {"version": case.version, **factories.DECISION_NONE})
    assert r.status_code == 200, r.json()
    body = r.json()
    assert body["decisions"][0]["proportionate_response"] == "information_advice"
    r = pat.post(f"/cases/{case.pk}/enquiry", {"version": body["version"]})
    assert r.status_code == 409
    assert "no enquiry is needed" in r.json()["detail"]
    r = pat.post(f"/cases/{case.pk}/closing", {"version": body["version"]})
    assert r.status_code == 200, r.json()
    r = pat.post(
        f"/cases/{case.pk}/closure", {"version": r.json()["version"], "reason": "no_enquiry"}
    )
    assert r.status_code == 200, r.json()
    assert r.json()["state"] == "closed"
    assert r.json()["closures"][0]["action_result"] is None


@pytest.mark.usefixtures("practitioners_decide")
def test_she_wants_nothing_done(api, practitioner):
    """Myths 1 and 3, acted out through the API alone. Joan's paid carer has been
    borrowing money from her; Joan wants nothing done. Respecting that is not
    walking away: the guard asks for the duties that remain (an advocacy test,
    telling the carer's employer, a decision about the police, and, because she
    declines, a conversation with her alone about pressure), and the case closes
    once the record shows them, with no findings left."""
    pat = api(practitioner)
    today = timezone.localdate().isoformat()

    r = pat.post(
        "/people",
        {"given_name": "Joan", "family_name": "Whitley", "date_of_birth": "1942-05-02"},
    )
    assert r.status_code == 201, r.json()
    person = r.json()
    r = pat.post(
        f"/people/{person['id']}/concerns",
        {
            "raised_on": today,
            "raised_via": "partner",
            "referrer_name": "Nia Evans",
            "referrer_job_title": "District nurse",
            "referrer_organisation": "Northmoor Community Health",
            "what_happened": "Her home carer has been borrowing cash from her purse.",
            "abuse_types": ["financial"],
            "location_of_risk": "own_home",
            "sources_of_risk": ["service_provider"],
            "person_aware": "yes",
            "person_wishes": "She does not want the carer to get into trouble.",
        },
    )
    assert r.status_code == 201, r.json()
    cid = r.json()["id"]
    [concern_id] = [c["id"] for c in r.json()["concerns"]]
    r = pat.post(f"/cases/{cid}/triage", {"version": r.json()["version"]})
    r = pat.post(
        f"/cases/{cid}/decision", {"version": r.json()["version"], **factories.DECISION_S42}
    )
    r = pat.post(f"/cases/{cid}/enquiry", {"version": r.json()["version"]})
    assert r.status_code == 200, r.json()
    duties = {f["check_id"] for f in r.json()["findings"] if f["severity"] == "DUTY"}
    # No outcomes yet, no advocacy test, and a care worker is the source of risk.
    assert duties == {"M2.a", "M3.a", "M4.a"}

    r = pat.post(
        f"/cases/{cid}/outcomes",
        {
            "version": r.json()["version"],
            "text": "Leave it be. She is good to me.",
            "whose_words": "person",
        },
    )
    outcome = r.json()
    r = pat.post(
        f"/outcomes/{outcome['id']}/revisions",
        {
            "version": outcome["version"],
            "text": "I want my money left alone, but I want to keep her as my carer.",
            "whose_words": "person",
            "reason": "Talked again once she knew the agency would be told either way.",
        },
    )
    outcome = r.json()

    steps = [
        ("POST", "advocacy-assessments", bodies.advocacy()),
        (
            "POST",
            "contacts",
            bodies.contact(
                method="phone", outcome="no_answer", who_was_present="", seen_alone="not_applicable"
            ),
        ),
        (
            "POST",
            "contacts",
            bodies.contact(
                method="letter", outcome="sent", who_was_present="", seen_alone="not_applicable"
            ),
        ),
        (
            "PUT",
            "risk-assessment",
            bodies.risk_assessment(
                risk_to_person="She may keep losing money and feel unable to say no.",
                source_trust_role="paid_carer",
                source_has_contact_with_others_at_risk="yes",
                crime_may_have_been_committed="yes",
                police_decision="not_reported",
                police_decision_reason="She will not give a statement; the agency and the PiPoT lead will act.",
            ),
        ),
        (
            "POST",
            "risk-actions",
            bodies.risk_action(kind="employer", details="Told the agency's registered manager."),
        ),
        (
            "POST",
            "risk-actions",
            bodies.risk_action(kind="pipot", details="Referred to the PiPoT lead."),
        ),
        ("PUT", "plan", bodies.plan(pace="She wants one visit a fortnight, no more.")),
        (
            "POST",
            "plan-actions",
            bodies.plan_action(
                owner_kind="referrer",
                owner_name="Nia Evans",
                outcome_id=outcome["id"],
                description="Check at each nursing visit that her purse is untouched",
            ),
        ),
        (
            "PUT",
            "involvement",
            bodies.involvement(
                options_explained="Talking to the agency, changing carer, the police: what each would mean for her.",
                reasons_for_declining="She is afraid of losing a carer she likes, and of being moved to a home.",
                referrer_part_details="The district nurse checks her purse with her at each visit.",
            ),
        ),
        (
            "POST",
            "referrer-feedback",
            {
                "concern_id": concern_id,
                "given_on": today,
                "what_was_said": "We are working with Joan and the agency; she agreed we tell you.",
            },
        ),
    ]
    for method, part, body in steps:
        r = pat.request(method, f"/cases/{cid}/{part}", body)
        assert r.status_code == 201, (part, r.json())

    r = pat.get(f"/cases/{cid}")
    assert r.json()["findings"] == []
    r = pat.post(f"/cases/{cid}/closing", {"version": r.json()["version"]})
    assert r.status_code == 200, r.json()
    case = r.json()
    r = pat.post(
        f"/outcomes/{outcome['id']}/rating",
        {"version": outcome["version"], "achievement": "partially", "person_view": "I feel safer."},
    )
    assert r.status_code == 200, r.json()

    closure = {
        "version": case["version"],
        "reason": "person_declined",
        "action_result": "ceased",
        "msp_asked": "asked_expressed",
        "experience_asked": "survey_to_follow",
        "lacked_capacity": "no",
        "open_door": "Ring the duty line on 01234 567890 any time; Nia will remind her at visits.",
    }
    # Closing because she declines: has anyone spoken with her alone about pressure?
    r = pat.post(f"/cases/{cid}/closure", closure)
    assert r.status_code == 409
    assert [f["check_id"] for f in r.json()["findings"]] == ["M1.a"]
    assert r.json()["findings"][0]["missing"].startswith("No contact record says")

    r = pat.post(
        f"/cases/{cid}/contacts",
        bodies.contact(
            method="visit",
            outcome="declined",
            who_was_present="No one else: the carer had left",
            seen_alone="yes",
            coercion_conclusion="Alone she said the same as with the carer there; no sign of pressure.",
        ),
    )
    assert r.status_code == 201, r.json()
    r = pat.post(f"/cases/{cid}/closure", closure)
    assert r.status_code == 200, r.json()
    case = r.json()
    assert case["state"] == "closed"
    assert case["findings"] == []
    assert case["closures"][0]["reason"] == "person_declined"

    titles = [e["title"] for e in pat.get(f"/cases/{cid}/chronology").json()]
    assert titles.count("Contact with the person recorded") == 3
    assert "Risk assessment saved" in titles
    # Nothing open at closure, so the guard had nothing to record with it.
    assert titles[-1] == "Case closed"
    assert "Practice guard checked the closure" not in titles


def test_a_lead_records_a_person_and_raises_a_concern_for_a_chosen_team(api, lead):
    south = factories.team("South locality team")
    lee = api(lead)
    person = {"given_name": "Ivy", "family_name": "Marsh", "date_of_birth": "1944-02-03"}
    r = lee.post("/people", person)
    assert r.status_code == 422
    assert list(r.json()["errors"]) == ["team_id"]
    r = lee.post("/people", {**person, "team_id": south.pk})
    assert r.status_code == 201, r.json()
    concern = {**factories.CONCERN, "raised_on": timezone.localdate().isoformat()}
    r = lee.post(f"/people/{r.json()['id']}/concerns", {**concern, "team_id": south.pk})
    assert r.status_code == 201, r.json()
    assert r.json()["team"]["name"] == "South locality team"
