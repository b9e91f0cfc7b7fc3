"""Action functions for the parts of the record kept during a case: capacity,
best interests, restrictions, advocacy, contacts, involvement and notes.

Each one runs in a transaction, refuses a closed case, checks the values with
a rule in msp/enquiries/record_rules.py (``ValidationError({field: message})``),
saves, and writes one audit event. Values are keyword arguments named after
the model's fields; fields not given take the model's default.
"""

from typing import Any

from django.db import transaction

from msp.accounts.models import User
from msp.cases.history import When
from msp.cases.models import Case
from msp.concerns.codes import YesNoUnknown
from msp.enquiries.actions._record import check, create, dates_for, open_case, pick, save_singleton
from msp.enquiries.models import (
    AdvocacyAssessment,
    BestInterestsDecision,
    CapacityAssessment,
    CaseNote,
    Contact,
    Involvement,
    Restriction,
)
from msp.enquiries.models.advocacy import AdvocacyResult
from msp.enquiries.models.involvement import PersonTold
from msp.enquiries.record_rules import (
    DIFFICULTIES,
    Dates,
    advocacy_errors,
    best_interests_errors,
    capacity_errors,
    contact_errors,
    involvement_errors,
    note_errors,
    restriction_errors,
)

CAPACITY_FIELDS = (
    "decision",
    "assessed_on",
    "assessor_name",
    "support_given",
    "understand",
    "understand_evidence",
    "retain",
    "retain_evidence",
    "use_or_weigh",
    "use_or_weigh_evidence",
    "communicate",
    "communicate_evidence",
    "impairment",
    "impairment_evidence",
    "executive_function",
    "reassess_on",
)

BEST_INTERESTS_FIELDS = (
    "capacity_assessment",
    "decision",
    "past_wishes",
    "present_wishes",
    "beliefs_and_values",
    "consulted",
    "less_restrictive_options",
    "outcome",
    "reasons",
    "decision_maker",
    "decided_on",
)

ADVOCACY_FIELDS = (
    "assessed_on",
    *DIFFICULTIES,
    "appropriate_individual",
    "appropriate_individual_name",
    "individual_implicated",
    "result",
    "advocate_name",
    "advocate_arranged_on",
    "reason",
    "imca_instructed",
    "imca_details",
)

CONTACT_FIELDS = (
    "contacted_on",
    "method",
    "outcome",
    "who_was_present",
    "seen_alone",
    "coercion_indicators",
    "coercion_conclusion",
    "notes",
)

RESTRICTION_FIELDS = (
    "kind",
    "what",
    "decided_by",
    "decided_on",
    "basis",
    "basis_details",
    "capacity_assessment",
    "best_interests_decision",
    "review_on",
)

INVOLVEMENT_FIELDS = (
    "person_told",
    "not_told_reason",
    "person_involvement",
    "outcomes_not_asked_reason",
    "options_explained",
    "reasons_for_declining",
    "referrer_part",
    "referrer_part_details",
    "pattern_review",
)


@transaction.atomic
def add_capacity_assessment(
    case: Case, *, by: User, at: When = None, **values: Any
) -> CapacityAssessment:
    case = open_case(case.pk)
    data = pick(CapacityAssessment, values, CAPACITY_FIELDS)
    check(capacity_errors(data, dates_for(case, at)))
    return create(CapacityAssessment, case, by=by, action="capacity.assessed", data=data, at=at)


@transaction.atomic
def add_restriction(case: Case, *, by: User, at: When = None, **values: Any) -> Restriction:
    """Record something restricted or decided for the person by someone else."""
    case = open_case(case.pk)
    data = pick(Restriction, values, RESTRICTION_FIELDS)
    check(restriction_errors(data, dates_for(case, at), case_id=case.pk))
    return create(Restriction, case, by=by, action="restriction.recorded", data=data, at=at)


@transaction.atomic
def add_best_interests_decision(
    case: Case, *, by: User, at: When = None, **values: Any
) -> BestInterestsDecision:
    case = open_case(case.pk)
    data = pick(BestInterestsDecision, values, BEST_INTERESTS_FIELDS)
    check(best_interests_errors(data, dates_for(case, at), case_id=case.pk))
    data["consulted"] = [
        {"name": str(c["name"]).strip(), "role": c["role"], "views": str(c["views"]).strip()}
        for c in data["consulted"]
    ]
    return create(
        BestInterestsDecision, case, by=by, action="best_interests.decided", data=data, at=at
    )


@transaction.atomic
def add_advocacy_assessment(
    case: Case, *, by: User, at: When = None, **values: Any
) -> AdvocacyAssessment:
    case = open_case(case.pk)
    data = pick(AdvocacyAssessment, values, ADVOCACY_FIELDS)
    for key in DIFFICULTIES:  # must be answered: no default
        data[key] = values.get(key)
    check(advocacy_errors(data, dates_for(case, at)))
    # Drop what belongs to answers not given
    if data["appropriate_individual"] != YesNoUnknown.YES:
        data["appropriate_individual_name"] = ""
    if data["result"] == AdvocacyResult.ADVOCATE_ARRANGED:
        data["reason"] = ""
    else:
        data["advocate_name"] = ""
        data["advocate_arranged_on"] = None
    if not data["imca_instructed"]:
        data["imca_details"] = ""
    return create(AdvocacyAssessment, case, by=by, action="advocacy.assessed", data=data, at=at)


@transaction.atomic
def add_contact(case: Case, *, by: User, at: When = None, **values: Any) -> Contact:
    case = open_case(case.pk)
    data = pick(Contact, values, CONTACT_FIELDS)
    if data["coercion_indicators"] is None:
        data["coercion_indicators"] = []
    check(contact_errors(data, dates_for(case, at)))
    data["coercion_indicators"] = list(dict.fromkeys(data["coercion_indicators"]))
    return create(Contact, case, by=by, action="contact.recorded", data=data, at=at)


def _involvement_rules(
    data: dict[str, Any], dates: Dates, case: Case, record: Involvement | None
) -> dict[str, str]:
    return involvement_errors(data)


def _tidy_involvement(data: dict[str, Any]) -> None:
    if data["person_told"] != PersonTold.NO_RISK:
        data["not_told_reason"] = ""
    data["referrer_part"] = list(dict.fromkeys(data.get("referrer_part") or []))


@transaction.atomic
def save_involvement(
    case: Case, *, by: User, expected_version: int | None, at: When = None, **values: Any
) -> Involvement:
    return save_singleton(
        Involvement,
        case,
        by=by,
        expected_version=expected_version,
        values=values,
        fields=INVOLVEMENT_FIELDS,
        rules=_involvement_rules,
        action="involvement.saved",
        tidy_data=_tidy_involvement,
        at=at,
    )


@transaction.atomic
def add_note(case: Case, *, by: User, text: str, at: When = None) -> CaseNote:
    """A note; ``at`` is when what it describes happened, if not today."""
    case = open_case(case.pk)
    data = pick(CaseNote, {"text": text}, ("text",))
    check(note_errors(data))
    return create(CaseNote, case, by=by, action="note.added", data=data, at=at)
