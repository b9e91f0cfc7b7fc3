"""The person's rights and voice: capacity assessments, best-interests
decisions, advocacy assessments, contacts (with coercion and control),
involvement and notes.

Adding to the record does not change the case or its version. A closed case
refuses additions (409) until it is reopened.
"""

from django.http import HttpRequest
from ninja import Router
from ninja.responses import Status

from msp.accounts.access import get_case_for_user
from msp.api.access import CHANGE_CASE
from msp.api.auth import current_user
from msp.api.parts import field_names, named, one_of, put_status, record_fields, values_of
from msp.api.schemas.common import READ_ERRORS, WRITE_ERRORS
from msp.api.schemas.record import (
    AdvocacyIn,
    AdvocacyOut,
    BestInterestsIn,
    BestInterestsOut,
    CapacityIn,
    CapacityOut,
    ContactIn,
    ContactOut,
    InvolvementIn,
    InvolvementOut,
    NoteIn,
    NoteOut,
    RestrictionIn,
    RestrictionOut,
)
from msp.api.types import CaseId
from msp.enquiries import actions
from msp.enquiries.actions.record import (
    ADVOCACY_FIELDS,
    BEST_INTERESTS_FIELDS,
    CAPACITY_FIELDS,
    CONTACT_FIELDS,
    INVOLVEMENT_FIELDS,
    RESTRICTION_FIELDS,
)
from msp.enquiries.models import (
    AdvocacyAssessment,
    BestInterestsDecision,
    CapacityAssessment,
    CaseNote,
    Contact,
    Involvement,
    Restriction,
)

router = Router(tags=["Capacity, advocacy and the person's voice"])

NO_INVOLVEMENT = "No involvement record is recorded on this case yet"


def capacity_out(a: CapacityAssessment) -> CapacityOut:
    return CapacityOut(
        **record_fields(a), **values_of(a, CAPACITY_FIELDS), lacks_capacity=a.lacks_capacity
    )


def best_interests_out(b: BestInterestsDecision) -> BestInterestsOut:
    fields = [f for f in BEST_INTERESTS_FIELDS if f != "capacity_assessment"]
    return BestInterestsOut(
        **record_fields(b),
        **values_of(b, fields),
        capacity_assessment_id=b.capacity_assessment_id,
    )


def restriction_out(r: Restriction) -> RestrictionOut:
    fields = [
        f for f in RESTRICTION_FIELDS if f not in ("capacity_assessment", "best_interests_decision")
    ]
    return RestrictionOut(
        **record_fields(r),
        **values_of(r, fields),
        capacity_assessment_id=r.capacity_assessment_id,
        best_interests_decision_id=r.best_interests_decision_id,
    )


def advocacy_out(a: AdvocacyAssessment) -> AdvocacyOut:
    return AdvocacyOut(
        **record_fields(a),
        **values_of(a, ADVOCACY_FIELDS),
        substantial_difficulty=a.substantial_difficulty,
        advocate_duty_applies=a.advocate_duty_applies,
    )


def contact_out(c: Contact) -> ContactOut:
    return ContactOut(**record_fields(c), **values_of(c, CONTACT_FIELDS))


def involvement_out(i: Involvement) -> InvolvementOut:
    return InvolvementOut(**record_fields(i), **values_of(i, INVOLVEMENT_FIELDS))


def note_out(n: CaseNote) -> NoteOut:
    return NoteOut(**record_fields(n), text=n.text, happened_on=n.happened_on)


# --- Capacity -------------------------------------------------------------------


@router.get(
    "/cases/{case_id}/capacity-assessments", response={200: list[CapacityOut], **READ_ERRORS}
)
def list_capacity_assessments(request: HttpRequest, case_id: CaseId) -> list[CapacityOut]:
    """Mental Capacity Act assessments, each about one decision, oldest first."""
    case = get_case_for_user(current_user(request), case_id)
    return [capacity_out(a) for a in case.capacity_assessments.select_related("recorded_by")]


@router.post(
    "/cases/{case_id}/capacity-assessments",
    auth=CHANGE_CASE,
    response={201: CapacityOut, **WRITE_ERRORS},
)
def add_capacity_assessment(
    request: HttpRequest, case_id: CaseId, payload: CapacityIn
) -> Status[CapacityOut]:
    """Record an assessment of the person's capacity to make one decision: the
    functional test (understand, retain, use or weigh, communicate) with the
    evidence for each, and whether any inability is because of an impairment."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    record = actions.add_capacity_assessment(case, by=user, **payload.values())
    return Status(201, capacity_out(record))


# --- Best interests ---------------------------------------------------------------


@router.get(
    "/cases/{case_id}/best-interests-decisions",
    response={200: list[BestInterestsOut], **READ_ERRORS},
)
def list_best_interests_decisions(request: HttpRequest, case_id: CaseId) -> list[BestInterestsOut]:
    case = get_case_for_user(current_user(request), case_id)
    decisions = case.best_interests_decisions.select_related("recorded_by")
    return [best_interests_out(b) for b in decisions]


@router.post(
    "/cases/{case_id}/best-interests-decisions",
    auth=CHANGE_CASE,
    response={201: BestInterestsOut, **WRITE_ERRORS},
)
def add_best_interests_decision(
    request: HttpRequest, case_id: CaseId, payload: BestInterestsIn
) -> Status[BestInterestsOut]:
    """Record a decision made in the person's best interests: their past and present
    wishes, who was consulted, and the less restrictive options considered."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    values = payload.values(exclude={"capacity_assessment_id"})
    values["capacity_assessment"] = named(CapacityAssessment, payload.capacity_assessment_id)
    with field_names(capacity_assessment="capacity_assessment_id"):
        record = actions.add_best_interests_decision(case, by=user, **values)
    return Status(201, best_interests_out(record))


# --- Restrictions and decisions made for the person -------------------------------


@router.get(
    "/cases/{case_id}/restrictions",
    response={200: list[RestrictionOut], **READ_ERRORS},
)
def list_restrictions(request: HttpRequest, case_id: CaseId) -> list[RestrictionOut]:
    case = get_case_for_user(current_user(request), case_id)
    rows = Restriction.objects.filter(case=case).select_related("recorded_by")
    return [restriction_out(r) for r in rows]


@router.post(
    "/cases/{case_id}/restrictions",
    auth=CHANGE_CASE,
    response={201: RestrictionOut, **WRITE_ERRORS},
)
def add_restriction(
    request: HttpRequest, case_id: CaseId, payload: RestrictionIn
) -> Status[RestrictionOut]:
    """Record something restricted or decided for the person by someone else
    (stopping a relative's visits, controlling their money, moving them), by whom,
    on what basis, and when it is to be reviewed."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    values = payload.values(exclude={"capacity_assessment_id", "best_interests_decision_id"})
    values["capacity_assessment"] = named(CapacityAssessment, payload.capacity_assessment_id)
    values["best_interests_decision"] = named(
        BestInterestsDecision, payload.best_interests_decision_id
    )
    with field_names(
        capacity_assessment="capacity_assessment_id",
        best_interests_decision="best_interests_decision_id",
    ):
        record = actions.add_restriction(case, by=user, **values)
    return Status(201, restriction_out(record))


# --- Advocacy -----------------------------------------------------------------------


@router.get(
    "/cases/{case_id}/advocacy-assessments", response={200: list[AdvocacyOut], **READ_ERRORS}
)
def list_advocacy_assessments(request: HttpRequest, case_id: CaseId) -> list[AdvocacyOut]:
    case = get_case_for_user(current_user(request), case_id)
    return [advocacy_out(a) for a in case.advocacy_assessments.select_related("recorded_by")]


@router.post(
    "/cases/{case_id}/advocacy-assessments",
    auth=CHANGE_CASE,
    response={201: AdvocacyOut, **WRITE_ERRORS},
)
def add_advocacy_assessment(
    request: HttpRequest, case_id: CaseId, payload: AdvocacyIn
) -> Status[AdvocacyOut]:
    """Record the Care Act section 68 test: would the person have substantial
    difficulty being involved, is there an appropriate person to support them, and
    the result. Where the duty applies, an advocate must be arranged."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    record = actions.add_advocacy_assessment(case, by=user, **payload.values())
    return Status(201, advocacy_out(record))


# --- Contacts -------------------------------------------------------------------------


@router.get("/cases/{case_id}/contacts", response={200: list[ContactOut], **READ_ERRORS})
def list_contacts(request: HttpRequest, case_id: CaseId) -> list[ContactOut]:
    """Contacts and attempts to contact the person, by date."""
    case = get_case_for_user(current_user(request), case_id)
    return [contact_out(c) for c in case.contacts.select_related("recorded_by")]


@router.post(
    "/cases/{case_id}/contacts", auth=CHANGE_CASE, response={201: ContactOut, **WRITE_ERRORS}
)
def add_contact(request: HttpRequest, case_id: CaseId, payload: ContactIn) -> Status[ContactOut]:
    """Record a contact or an attempt: who was there, whether the person was seen
    alone, and any signs of coercion or control."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    record = actions.add_contact(case, by=user, **payload.values())
    return Status(201, contact_out(record))


# --- Involvement ----------------------------------------------------------------------


@router.get("/cases/{case_id}/involvement", response={200: InvolvementOut, **READ_ERRORS})
def get_involvement(request: HttpRequest, case_id: CaseId) -> InvolvementOut:
    """How the person, and the person who raised the concern, take part. 404 until
    it is first saved."""
    case = get_case_for_user(current_user(request), case_id)
    return involvement_out(one_of(Involvement, case.pk, NO_INVOLVEMENT))


@router.put(
    "/cases/{case_id}/involvement",
    auth=CHANGE_CASE,
    response={200: InvolvementOut, 201: InvolvementOut, **WRITE_ERRORS},
)
def save_involvement(
    request: HttpRequest, case_id: CaseId, payload: InvolvementIn
) -> Status[InvolvementOut]:
    """Create the case's involvement record (201, without a version) or change it
    (200, with the version you loaded)."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    status = put_status(Involvement, case.pk)
    record = actions.save_involvement(
        case,
        by=user,
        expected_version=payload.version,
        **payload.values(exclude_unset=True, exclude={"version"}),
    )
    return Status(status, involvement_out(record))


# --- Notes ------------------------------------------------------------------------------


@router.get("/cases/{case_id}/notes", response={200: list[NoteOut], **READ_ERRORS})
def list_notes(request: HttpRequest, case_id: CaseId) -> list[NoteOut]:
    case = get_case_for_user(current_user(request), case_id)
    return [note_out(n) for n in case.notes.select_related("recorded_by")]


@router.post("/cases/{case_id}/notes", auth=CHANGE_CASE, response={201: NoteOut, **WRITE_ERRORS})
def add_note(request: HttpRequest, case_id: CaseId, payload: NoteIn) -> Status[NoteOut]:
    """Add a case note. Notes cannot be changed once added."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    note = actions.add_note(case, by=user, text=payload.text, at=payload.happened_on)
    return Status(201, note_out(note))
