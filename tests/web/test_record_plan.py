"""The plan and its actions (and overdue actions on My cases), self-neglect and
clutter ratings, the person who raised the concern, involvement and notes."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

from msp.enquiries.models import (
    CaseNote,
    ClutterRating,
    Involvement,
    PlanAction,
    ReferrerEscalation,
    ReferrerFeedback,
    SafeguardingPlan,
)
from tests import factories
from tests import record_factories as rf
from tests.web.conftest import (
    chronology_of,
    date_parts,
    section_of,
    summary_of,
    text_of,
    whole_case,
)


def today():
    return timezone.localdate()


def version_in(response) -> str:
    found = re.search(r'name="version"(?: value="(\d*)")?', response.content.decode())
    assert found, "the form has no version"
    return found.group(1) or ""


def make_overdue(action, days=3):
    """Time passes: the action's due date is now in the past."""
    PlanAction.objects.filter(pk=action.pk).update(due_on=today() - datetime.timedelta(days=days))


PLAN = {
    "person_involvement": "Wrote it with her at the day centre.",
    "pace": "Slowly: one change a month.",
}


def test_make_then_change_the_plan(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:plan", args=[case.pk])
    review = today() + datetime.timedelta(days=28)
    response = client.post(url, {**PLAN, **date_parts("next_review_on", review), "version": ""})
    assert response.status_code == 302
    form = client.get(url)
    assert "Change the safeguarding plan" in text_of(form)
    client.post(url, {**PLAN, "pace": "Faster, she says.", "version": version_in(form)})
    page = whole_case(client, case.pk)
    plan = section_of(page, "plan")
    assert "Wrote it with her at the day centre." in plan and "Faster, she says." in plan
    assert "Safeguarding plan saved by Pat Okafor" in chronology_of(page)


def test_two_people_changing_the_plan(client_for, practitioner, colleague, case_in):
    case = case_in("enquiry")
    rf.plan(case, practitioner)
    url = reverse("enquiries:plan", args=[case.pk])
    stale = version_in(client_for(practitioner).get(url))
    client_for(colleague).post(url, {**PLAN, "pace": "Cal's pace", "version": stale})
    response = client_for(practitioner).post(url, {**PLAN, "pace": "My pace", "version": stale})
    assert response.status_code == 409
    assert "Cal Reyes changed this record" in text_of(response)
    assert SafeguardingPlan.objects.get(case=case).pace == "Cal's pace"


def action_post(case, **overrides):
    outcome = case.desired_outcomes.first()
    values = {
        "description": "Set up a prepaid card for her shopping",
        "outcome": str(outcome.pk),
        "owner_kind": "agency",
        "owner_name": "Northmoor Credit Union",
        **date_parts("due_on", today() + datetime.timedelta(days=7)),
        "status": "not_started",
    }
    values.update(overrides)
    return values


def test_add_a_plan_action_linked_to_what_the_person_wants(client_for, practitioner, case_in):
    case = case_in("enquiry", outcomes=2)
    client = client_for(practitioner)
    url = reverse("enquiries:plan-action-new", args=[case.pk])
    form = client.get(url)
    assert "Desired outcome 2: I want to feel safe in my own home (2)" in text_of(form)
    assert 'value="not_started" checked' in form.content.decode()
    assert client.post(url, action_post(case)).status_code == 302
    action = PlanAction.objects.get(case=case)
    assert action.outcome == case.desired_outcomes.first()
    page = whole_case(client, case.pk)
    plan = section_of(page, "plan")
    assert "Set up a prepaid card for her shopping" in plan
    assert "Northmoor Credit Union (another agency or service)" in plan
    assert "Desired outcome 1" in plan
    assert "Plan action added by Pat Okafor" in chronology_of(page)


def test_a_plan_action_cannot_be_due_before_today(client_for, practitioner, case_in):
    case = case_in("enquiry")
    response = client_for(practitioner).post(
        reverse("enquiries:plan-action-new", args=[case.pk]),
        action_post(case, **date_parts("due_on", today() - datetime.timedelta(days=1))),
    )
    html = response.content.decode()
    assert '<a href="#due_on-day">The date the action is due cannot be before today</a>' in html
    assert "Northmoor Credit Union" in html
    assert not PlanAction.objects.exists()


def test_change_a_plan_action(client_for, practitioner, colleague, case_in):
    case = case_in("enquiry")
    action = rf.plan_action(case, practitioner)
    client = client_for(practitioner)
    url = reverse("enquiries:plan-action-edit", args=[action.pk])
    form = client.get(url)
    assert "Set up a prepaid card for her shopping" in text_of(form)
    assert (
        client.post(
            url,
            {
                "status": "in_progress",
                "version": version_in(form),
                **date_parts("due_on", action.due_on),
            },
        ).status_code
        == 302
    )
    assert PlanAction.objects.get(pk=action.pk).status == "in_progress"
    # An overdue action may keep its date while its status changes
    make_overdue(action)
    action.refresh_from_db()
    form = client.get(url)
    response = client.post(
        url,
        {"status": "done", "version": version_in(form), **date_parts("due_on", action.due_on)},
    )
    assert response.status_code == 302
    page = whole_case(client, case.pk)
    assert "Plan action updated by Pat Okafor" in chronology_of(page)
    # A stale version is a conflict, not an overwrite
    stale = client_for(colleague).post(
        url, {"status": "stopped", "version": "1", **date_parts("due_on", action.due_on)}
    )
    assert stale.status_code == 409
    assert PlanAction.objects.get(pk=action.pk).status == "done"


def test_overdue_actions_on_my_cases(
    client_for, practitioner, colleague, case_in, django_assert_max_num_queries
):
    mine = case_in("enquiry")
    late = [rf.plan_action(mine, practitioner, description=f"Late action {n}") for n in range(3)]
    for action in late:
        make_overdue(action)
    on_time = rf.plan_action(mine, practitioner, description="Not late yet")
    done = rf.plan_action(mine, practitioner, description="Late but done", status="done")
    make_overdue(done)
    theirs = factories.case(colleague, state="enquiry")
    other = rf.plan_action(theirs, colleague, description="Someone else's late action")
    make_overdue(other)

    client = client_for(practitioner)
    # +3: the shown cases are audited in one statement (lock, last link, insert);
    # the page's keys are read before its rows (govuk.pagination)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("cases:my-cases"))
    overdue = text_of(response)
    assert "Overdue plan actions" in overdue
    for action in late:
        assert action.description in overdue
    due = today() - datetime.timedelta(days=3)
    assert f"{mine.reference} Late action 0 Overdue {due.day} {due:%B %Y} Pat Okafor" in overdue
    assert "Pat Okafor" in overdue
    assert on_time.description not in overdue
    assert "Late but done" not in overdue
    assert "Someone else's late action" not in overdue
    # The case page tags them too
    plan = section_of(whole_case(client, mine.pk), "plan")
    assert plan.count("Overdue") == 3


def test_self_neglect_and_clutter_ratings(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    response = client.post(
        reverse("enquiries:self-neglect", args=[case.pk]),
        {
            "version": "",
            "background_and_history": "Stopped coping after her husband died in 2015.",
            "trusted_person": "June, her neighbour",
        },
    )
    assert response.status_code == 302
    response = client.post(
        reverse("enquiries:clutter-new", args=[case.pk]),
        {"room": "Kitchen", "rating": "7", **date_parts("rated_on", today())},
    )
    assert response.status_code == 302
    page = whole_case(client, case.pk)
    section = section_of(page, "self-neglect")
    assert "Stopped coping after her husband died in 2015." in section
    assert "June, her neighbour" in section
    assert "Kitchen" in section and "7 out of 9" in section
    assert "Clutter rating recorded by Pat Okafor" in chronology_of(page)


def test_a_clutter_rating_is_from_1_to_9(client_for, practitioner, case_in):
    case = case_in("enquiry")
    url = reverse("enquiries:clutter-new", args=[case.pk])
    for rating in ("10", "nine"):
        response = client_for(practitioner).post(
            url, {"room": "Bedroom", "rating": rating, **date_parts("rated_on", today())}
        )
        html = response.content.decode()
        assert '<a href="#rating">Enter a rating from 1 to 9</a>' in html
        assert f'value="{rating}"' in html and 'value="Bedroom"' in html
    assert not ClutterRating.objects.exists()


def test_feedback_to_the_person_who_raised_the_concern(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:feedback-new", args=[case.pk])
    # One concern: nothing to choose
    assert "Which concern is the feedback about?" not in text_of(client.get(url))
    response = client.post(
        url,
        {
            **date_parts("given_on", today()),
            "what_was_said": "We are working with her, with her agreement.",
            "limited_by_consent": ["yes"],
        },
    )
    assert response.status_code == 302
    feedback = ReferrerFeedback.objects.get(case=case)
    assert feedback.limited_by_consent and feedback.concern == case.concerns.get()
    page = whole_case(client, case.pk)
    assert "We are working with her, with her agreement." in section_of(page, "referrer")
    assert "Feedback given to the person who raised the concern by Pat Okafor" in chronology_of(
        page
    )


def test_feedback_asks_which_concern_when_there_are_several(client_for, practitioner, case_in):
    case = case_in("enquiry")
    # No action adds a second concern to a case yet: copy the first one
    second = case.concerns.get()
    second.pk = None
    second.referrer_name = "Ada, district nurse"
    second.save()
    client = client_for(practitioner)
    url = reverse("enquiries:feedback-new", args=[case.pk])
    assert "Which concern is the feedback about?" in text_of(client.get(url))
    response = client.post(
        url, {**date_parts("given_on", today()), "what_was_said": "Thank you for telling us."}
    )
    assert '<a href="#concern">Choose the concern the feedback is about</a>' in (
        response.content.decode()
    )
    assert "Thank you for telling us." in response.content.decode()


def test_an_escalation_and_its_resolution(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    response = client.post(
        reverse("enquiries:escalation-new", args=[case.pk]),
        {
            **date_parts("raised_on", today()),
            "details": "The GP says nothing has happened for two weeks.",
        },
    )
    assert response.status_code == 302
    escalation = ReferrerEscalation.objects.get(case=case)
    page = whole_case(client, case.pk)
    referrer = section_of(page, "referrer")
    assert "Not resolved" in referrer and "Record how it was resolved" in referrer

    url = reverse("enquiries:escalation-resolve", args=[escalation.pk])
    form = client.get(url)
    assert "The GP says nothing has happened for two weeks." in text_of(form)
    empty = client.post(url, {"version": version_in(form), "resolution": ""})
    assert "Enter how the escalation was resolved" in summary_of(empty)
    response = client.post(
        url,
        {
            "version": version_in(form),
            "resolution": "Met the GP and agreed a joint visit.",
            **date_parts("resolved_on", today()),
        },
    )
    assert response.status_code == 302
    page = whole_case(client, case.pk)
    referrer = section_of(page, "referrer")
    assert "Resolved" in referrer and "Met the GP and agreed a joint visit." in referrer
    assert "Escalation resolved by Pat Okafor" in chronology_of(page)


def test_involvement_fields_can_be_linked_to(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:involvement", args=[case.pk])
    html = client.get(url).content.decode()
    for name in (
        "person_told",
        "not_told_reason",
        "person_involvement",
        "outcomes_not_asked_reason",
        "options_explained",
        "reasons_for_declining",
        "referrer_part_details",
        "pattern_review",
    ):
        assert f'id="{name}"' in html, name
    response = client.post(
        url,
        {
            "version": "",
            "person_told": "no_risk",
            "not_told_reason": "",
            "person_involvement": "Chose who came to the meeting.",
        },
    )
    assert '<a href="#not_told_reason">Enter why telling them would increase the risk</a>' in (
        response.content.decode()
    )
    assert "Chose who came to the meeting." in response.content.decode()
    response = client.post(
        url,
        {
            "version": "",
            "person_told": "yes",
            "person_involvement": "Chose who came to the meeting.",
            "referrer_part_details": "The GP will check her medication weekly.",
        },
    )
    assert response.status_code == 302
    assert Involvement.objects.get(case=case).referrer_part_details.startswith("The GP")
    page = whole_case(client, case.pk)
    involvement = section_of(page, "involvement")
    assert "The GP will check her medication weekly." in involvement
    assert "The person's involvement recorded by Pat Okafor" in chronology_of(page)


def test_add_a_note(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:note-new", args=[case.pk])
    assert "Enter the note" in summary_of(client.post(url, {"text": "  "}))
    assert client.post(url, {"text": "Phoned her GP about a review."}).status_code == 302
    assert CaseNote.objects.get(case=case).text == "Phoned her GP about a review."
    page = whole_case(client, case.pk)
    notes = section_of(page, "notes")
    assert "Phoned her GP about a review." in notes and "Pat Okafor" in notes
    assert "Case note added by Pat Okafor" in chronology_of(page)
