"""A whole case, from a new person to closure, through the API alone."""

import datetime

from django.utils import timezone

from tests import factories


def test_whole_journey(api, practitioner, colleague):
    pat = api(practitioner)
    cal = api(colleague)

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
    assert case["allowed_actions"] == ["start_triage"]
    assert case["person"]["safe_to_phone"] == "not_safe"
    assert case["concerns"][0]["abuse_types"] == ["financial", "psychological"]
    cid = case["id"]

    r = cal.post(f"/cases/{cid}/triage", {"version": case["version"]})
    assert r.status_code == 200, r.json()
    case = r.json()
    assert case["state"] == "triage"

    r = pat.post(f"/cases/{cid}/decision", {"version": case["version"], **factories.DECISION_S42})
    assert r.status_code == 200, r.json()
    case = r.json()
    assert case["state"] == "decided"
    assert case["decisions"][0]["result"] == "s42"
    assert case["decisions"][0]["decided_by"]["name"] == "Pat Okafor"

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

    r = pat.post(f"/cases/{cid}/closing", {"version": outcome["case_version"]})
    assert r.status_code == 200, r.json()
    case = r.json()
    assert case["state"] == "closing"
    assert set(case["allowed_actions"]) == {"rate_outcome", "return_to_enquiry", "close_case"}

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
    assert steps == [
        ("Concern raised", "Pat Okafor"),
        ("Triage started", "Cal Reyes"),
        ("Section 42 decision recorded", "Pat Okafor"),
        ("Enquiry started", "Pat Okafor"),
        ("Desired outcome recorded", "Pat Okafor"),
        ("Desired outcome revisited", "Cal Reyes"),
        ("Closing started", "Pat Okafor"),
        ("Outcome achievement recorded", "Pat Okafor"),
        ("Case closed", "Pat Okafor"),
    ]
    times = [datetime.datetime.fromisoformat(e["at"]) for e in r.json()]
    assert times == sorted(times)
    revisited = r.json()[5]
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
    r = pat.post(f"/cases/{closed.pk}/reopen", {"version": closed.version, "reason": ""})
    assert r.status_code == 422
    assert r.json()["errors"] == {"reason": ["Enter why the case is being reopened"]}
    r = pat.post(f"/cases/{closed.pk}/reopen", {"version": closed.version, "reason": "New concern"})
    assert r.status_code == 200, r.json()
    assert r.json()["state"] == "triage"
    assert r.json()["closed_at"] is None


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
    assert r.json() == {"count": 0, "limit": 50, "offset": 0, "items": []}


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
