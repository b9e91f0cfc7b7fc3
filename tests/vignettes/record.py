"""A careful worker's record, step by step, that poor-practice vignettes change.

``enquiry_record()`` is a section 42 enquiry recorded fully; ``declined_record()``
is a person who declines support, recorded fully. Each takes the names of
steps to leave out (``without``) and steps to change (``**changes``: a name and
the fields that differ, merged into that step's body), so that a vignette says
only what the worker did differently.
"""

from __future__ import annotations

from typing import Any

from tests.vignettes.engine import Body, Outcome, Step, day

ADVOCACY: Body = {
    "assessed_on": day(-15),
    "difficulty_understanding": False,
    "difficulty_retaining": False,
    "difficulty_using_or_weighing": False,
    "difficulty_communicating": False,
    "appropriate_individual": "no",
    "result": "not_required",
    "reason": "She follows and takes part in every conversation without help.",
}

SEEN_ALONE: Body = {
    "contacted_on": day(-14),
    "method": "visit",
    "outcome": "spoke",
    "who_was_present": "No one else: her grandson was at work",
    "seen_alone": "yes",
    "coercion_indicators": [],
    "coercion_conclusion": "Alone she spoke freely and said the same as with him there.",
}

RISK: Body = {
    "risk_to_person": "She may keep going without food while he takes her pension.",
    "other_adults_at_risk": "no",
    "children_at_risk": "no",
    "public_at_risk": "no",
    "source_trust_role": "none",
    "source_has_contact_with_others_at_risk": "no",
    "crime_may_have_been_committed": "yes",
    "police_decision": "not_reported",
    "police_decision_reason": (
        "She has capacity for this, does not want him prosecuted, and no one else is at"
        " risk from him; she knows she can report it at any time."
    ),
}

PLAN: Body = {
    "person_involvement": "Wrote the plan with her at her kitchen table.",
    "pace": "She wanted one change at a time, starting with her bank card.",
}

REFERRER_ACTION: Body = {
    "description": "Check with her at each nursing visit that she has food in",
    "owner_kind": "referrer",
    "owner_name": "Nia Evans",
    "due_on": day(14),
    "outcome_id": "{outcome_id}",
}

INVOLVEMENT: Body = {
    "person_told": "yes",
    "person_involvement": "She chose who came to the meeting and what was said to her grandson.",
    "options_explained": "A new bank card, an appointee, the police: what each would mean for her.",
    "referrer_part_details": "The district nurse checks with her at each visit that she has food in.",
    "referrer_part": ["ongoing_support"],
}

FEEDBACK: Body = {
    "concern_id": "{concern_id}",
    "given_on": day(-2),
    "what_was_said": "We worked with her and her bank; she agreed we could tell you that.",
}

ENQUIRY_STEPS: dict[str, Step] = {
    "advocacy": ("POST", "advocacy-assessments", ADVOCACY),
    "seen_alone": ("POST", "contacts", SEEN_ALONE),
    "risk": ("PUT", "risk-assessment", RISK),
    "plan": ("PUT", "plan", PLAN),
    "referrer_action": ("POST", "plan-actions", REFERRER_ACTION),
    "involvement": ("PUT", "involvement", INVOLVEMENT),
    "feedback": ("POST", "referrer-feedback", FEEDBACK),
}

PHONE_NO_ANSWER: Body = {
    "contacted_on": day(-18),
    "method": "phone",
    "outcome": "no_answer",
    "who_was_present": "",
    "seen_alone": "not_applicable",
}
LETTER_SENT: Body = {
    "contacted_on": day(-17),
    "method": "letter",
    "outcome": "sent",
    "who_was_present": "",
    "seen_alone": "not_applicable",
}
DECLINED_ALONE: Body = {
    "contacted_on": day(-14),
    "method": "visit",
    "outcome": "declined",
    "who_was_present": "No one else",
    "seen_alone": "yes",
    "coercion_indicators": [],
    "coercion_conclusion": "Alone she said the same as with her grandson there; no sign of pressure.",
}

DECLINED_STEPS: dict[str, Step] = {
    "advocacy": ("POST", "advocacy-assessments", ADVOCACY),
    "phone": ("POST", "contacts", PHONE_NO_ANSWER),
    "letter": ("POST", "contacts", LETTER_SENT),
    "seen_alone": ("POST", "contacts", DECLINED_ALONE),
    "risk": ("PUT", "risk-assessment", RISK),
    "plan": ("PUT", "plan", PLAN),
    "referrer_action": ("POST", "plan-actions", REFERRER_ACTION),
    "involvement": (
        "PUT",
        "involvement",
        {
            **INVOLVEMENT,
            "reasons_for_declining": "She fears her grandson will stop visiting if we get involved.",
        },
    ),
    "feedback": ("POST", "referrer-feedback", FEEDBACK),
}


def _build(
    base: dict[str, Step], without: tuple[str, ...], extra: tuple[Step, ...], changes: Any
) -> tuple[Step, ...]:
    unknown = (set(without) | set(changes)) - set(base)
    assert not unknown, f"no such steps: {unknown}"
    steps = []
    for name, (method, part, body) in base.items():
        if name in without:
            continue
        steps.append((method, part, {**body, **changes.get(name, {})}))
    return (*steps, *extra)


def enquiry_record(
    *without: str, extra: tuple[Step, ...] = (), **changes: Body
) -> tuple[Step, ...]:
    return _build(ENQUIRY_STEPS, without, extra, changes)


def declined_record(
    *without: str, extra: tuple[Step, ...] = (), **changes: Body
) -> tuple[Step, ...]:
    return _build(DECLINED_STEPS, without, extra, changes)


def note(text: str) -> Step:
    return ("POST", "notes", {"text": text})


def contact(**fields: Any) -> Step:
    return ("POST", "contacts", {**SEEN_ALONE, **fields})


RATED: Body = {"achievement": "partially", "person_view": "I have food in now, and my card back."}

OUTCOME = Outcome(
    text="I want my pension to be mine again, and to keep seeing him.",
    revisions=(
        {
            "text": "I want my own bank card back, and him to visit on Sundays.",
            "reason": "Talked again once the bank had stopped the withdrawals.",
        },
    ),
    rating=RATED,
)
OUTCOMES = (OUTCOME,)

CONCLUDED: Body = {
    "reason": "enquiry_concluded",
    "action_result": "risk_action",
    "risk_outcome": "reduced",
    "msp_asked": "asked_expressed",
    "experience_asked": "survey_to_follow",
    "lacked_capacity": "no",
    "open_door": "Ring the duty line on 01234 567890 any time; Nia will remind her at visits.",
}

DECLINED: Body = {
    "reason": "person_declined",
    "action_result": "ceased",
    "msp_asked": "asked_expressed",
    "experience_asked": "survey_to_follow",
    "lacked_capacity": "no",
    "open_door": "Ring the duty line on 01234 567890 any time; Nia will remind her at visits.",
}
