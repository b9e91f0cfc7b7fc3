"""The safeguarding plan and its actions, self-neglect and clutter ratings, and
feedback and escalations for the person who raised the concern, through the API."""

import datetime

import pytest

from msp.enquiries.models import (
    ClutterRating,
    PlanAction,
    ReferrerEscalation,
    ReferrerFeedback,
    SafeguardingPlan,
)
from tests import factories
from tests import record_factories as rf
from tests.api import bodies


@pytest.fixture
def case(practitioner):
    return factories.case(practitioner, state="enquiry")


@pytest.fixture
def pat(api, practitioner):
    return api(practitioner)


# --- The plan --------------------------------------------------------------------------------


def test_plan_created_then_changed(pat, api, colleague, case):
    path = f"/cases/{case.pk}/plan"
    assert pat.get(path).json() == {"detail": "No safeguarding plan is recorded on this case yet"}
    r = pat.put(path, bodies.plan())
    assert r.status_code == 201, r.json()
    made = r.json()
    assert made["pace"] == "One step a week."
    assert made["next_review_on"] == bodies.day(28)
    assert pat.get(path).json() == made

    r = api(colleague).put(path, {"version": 1, "pace": "Slower: after her hospital stay."})
    assert r.status_code == 200, r.json()
    assert r.json()["person_involvement"] == made["person_involvement"]
    r = pat.put(path, {"version": 1, "next_review_on": None})
    assert r.status_code == 409
    assert r.json()["changes"] == {"pace": ["One step a week.", "Slower: after her hospital stay."]}
    assert pat.get(path).json()["next_review_on"] == bodies.day(28)


def test_plan_rules(pat, case):
    path = f"/cases/{case.pk}/plan"
    r = pat.put(path, bodies.plan(next_review_on=bodies.day(-1), person_involvement=""))
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "person_involvement": ["Enter how the person was involved in making the plan"],
        "next_review_on": ["The date of the next review cannot be in the past"],
    }
    assert not SafeguardingPlan.objects.exists()


def test_plan_actions(pat, api, colleague, case):
    outcome = case.desired_outcomes.get()
    path = f"/cases/{case.pk}/plan-actions"
    r = pat.post(path, bodies.plan_action(due_on=bodies.day(-1)))
    assert r.status_code == 422
    assert r.json()["errors"] == {"due_on": ["The date the action is due cannot be before today"]}

    r = pat.post(path, bodies.plan_action(owner_kind="referrer", outcome_id=outcome.pk))
    assert r.status_code == 201, r.json()
    made = r.json()
    assert (made["owner_kind"], made["outcome_id"], made["status"]) == (
        "referrer",
        outcome.pk,
        "not_started",
    )
    assert made["overdue"] is False
    assert pat.get(path).json() == [made]

    r = api(colleague).patch(f"/plan-actions/{made['id']}", {"version": 1, "status": "in_progress"})
    assert r.status_code == 200, r.json()
    assert (r.json()["status"], r.json()["version"]) == ("in_progress", 2)
    assert r.json()["description"] == made["description"]

    r = pat.patch(f"/plan-actions/{made['id']}", {"version": 1, "status": "stopped"})
    assert r.status_code == 409
    assert r.json()["current_version"] == 2
    assert r.json()["changed_by"] == "Cal Reyes"
    assert PlanAction.objects.get().status == "in_progress"

    # null unlinks the outcome; an outcome of another case is refused.
    r = pat.patch(f"/plan-actions/{made['id']}", {"version": 2, "outcome_id": None})
    assert r.status_code == 200, r.json()
    assert r.json()["outcome_id"] is None
    other = factories.case(colleague, state="enquiry").desired_outcomes.get()
    r = pat.patch(f"/plan-actions/{made['id']}", {"version": 3, "outcome_id": other.pk})
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "outcome_id": ["Choose one of the desired outcomes for this case"]
    }


def test_a_plan_action_past_its_due_date_is_overdue_until_done(pat, case, practitioner):
    action = rf.plan_action(case, practitioner)
    # Time passes: the due date is now yesterday.
    yesterday = datetime.date.fromisoformat(bodies.day(-1))
    PlanAction.objects.filter(pk=action.pk).update(due_on=yesterday)
    [listed] = pat.get(f"/cases/{case.pk}/plan-actions").json()
    assert listed["overdue"] is True
    # The past due date may stay as it is while the status changes.
    r = pat.patch(f"/plan-actions/{action.pk}", {"version": 1, "status": "done"})
    assert r.status_code == 200, r.json()
    assert (r.json()["overdue"], r.json()["due_on"]) == (False, bodies.day(-1))
    r = pat.patch(f"/plan-actions/{action.pk}", {"version": 2, "due_on": bodies.day(-2)})
    assert r.json()["errors"] == {"due_on": ["The date the action is due cannot be before today"]}


# --- Self-neglect ------------------------------------------------------------------------------


def test_self_neglect_and_clutter_ratings(pat, case):
    path = f"/cases/{case.pk}/self-neglect"
    r = pat.put(path, {"trusted_person": "June next door"})
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "background_and_history": ["Enter the person's background and history"]
    }
    r = pat.put(path, bodies.self_neglect())
    assert r.status_code == 201, r.json()
    assert pat.get(path).json() == r.json()
    r = pat.put(path, {"version": 1, "trusted_person": ""})
    assert r.status_code == 200
    assert r.json()["trusted_person"] == ""
    assert r.json()["background_and_history"].startswith("Has kept newspapers")
    r = pat.put(path, {"version": 1, "trusted_person": "Her brother"})
    assert r.status_code == 409
    assert r.json()["changes"] == {"trusted_person": ["Her neighbour, June", ""]}
    assert pat.get(path).json()["trusted_person"] == ""

    ratings = f"/cases/{case.pk}/clutter-ratings"
    for bad in (10, 0):
        r = pat.post(ratings, bodies.clutter_rating(rating=bad))
        assert r.status_code == 422
        assert r.json()["errors"] == {"rating": ["Enter a rating from 1 to 9"]}
    r = pat.post(ratings, bodies.clutter_rating(rating=1.5))
    assert r.json()["errors"] == {"rating": ["Enter a whole number"]}
    assert not ClutterRating.objects.exists()
    r = pat.post(ratings, bodies.clutter_rating(room="Kitchen", rating=7))
    assert r.status_code == 201, r.json()
    assert [(c["room"], c["rating"]) for c in pat.get(ratings).json()] == [("Kitchen", 7)]


# --- The person who raised the concern ----------------------------------------------------------


def test_referrer_feedback(pat, case, practitioner):
    path = f"/cases/{case.pk}/referrer-feedback"
    other = factories.case(practitioner, state="enquiry").concerns.get()
    for concern_id in (other.pk, other.pk + 1000):
        r = pat.post(path, {**bodies.feedback(case), "concern_id": concern_id})
        assert r.status_code == 422
        assert r.json()["errors"] == {"concern_id": ["Choose the concern the feedback is about"]}
    assert not ReferrerFeedback.objects.exists()
    r = pat.post(path, bodies.feedback(case, what_was_said="We are working with her."))
    assert r.status_code == 201, r.json()
    made = r.json()
    assert made["concern_id"] == case.concerns.get().pk
    assert made["limited_by_consent"] is True
    assert pat.get(path).json() == [made]


def test_escalation_and_its_resolution(pat, api, colleague, case, outsider):
    r = pat.post(f"/cases/{case.pk}/escalations", bodies.escalation(details=""))
    assert r.json()["errors"] == {
        "details": ["Enter what the person who raised the concern said has not been dealt with"]
    }
    r = pat.post(f"/cases/{case.pk}/escalations", bodies.escalation())
    assert r.status_code == 201, r.json()
    made = r.json()
    assert (made["resolved"], made["resolution"], made["resolved_on"]) == (False, "", None)
    resolve = f"/escalations/{made['id']}/resolution"

    r = pat.post(resolve, bodies.resolution(resolved_on=bodies.day(-1)))
    assert r.status_code == 422
    assert r.json()["errors"]["resolved_on"][0].startswith(
        "Date the escalation was resolved cannot be before it was raised"
    )
    assert api(outsider).post(resolve, bodies.resolution()).status_code == 404

    r = api(colleague).post(resolve, bodies.resolution(resolution="Met the care agency."))
    assert r.status_code == 200, r.json()
    assert (r.json()["resolved"], r.json()["version"]) == (True, 2)
    r = pat.post(resolve, bodies.resolution(resolution="Something else"))
    assert r.status_code == 409
    assert r.json()["changed_by"] == "Cal Reyes"
    [listed] = pat.get(f"/cases/{case.pk}/escalations").json()
    assert listed["resolution"] == "Met the care agency."
    assert ReferrerEscalation.objects.get().resolved_on.isoformat() == bodies.day()
