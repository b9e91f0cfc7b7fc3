"""Pages for capacity, best interests, restrictions, advocacy, contacts, involvement
and notes."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from msp.cases.views import case_for_change
from msp.enquiries import actions
from msp.enquiries.forms import (
    AdvocacyForm,
    BestInterestsForm,
    CapacityForm,
    ContactForm,
    InvolvementForm,
    NoteForm,
    RestrictionForm,
)
from msp.enquiries.models import BestInterestsDecision, CapacityAssessment, Involvement
from msp.enquiries.record_rules import (
    advocacy_errors,
    best_interests_errors,
    capacity_errors,
    contact_errors,
    involvement_errors,
    note_errors,
    restriction_errors,
)
from msp.enquiries.views._pages import Page, case_dates, form_page

CAPACITY = Page(
    "enquiries/capacity_form.html",
    "Record a capacity assessment",
    "Capacity assessment recorded",
    "capacity",
    intro="Assess one decision, at the time it needs to be made. Start by assuming the "
    "person has capacity, and give them all the help they need to decide.",
    button="Save the assessment",
    creates=True,
)


@require_http_methods(["GET", "POST"])
def add_capacity(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    return form_page(
        request,
        CAPACITY,
        case,
        CapacityForm,
        lambda version, values: actions.add_capacity_assessment(case, by=user, **values),
        rules=lambda values: capacity_errors(values, case_dates(case)),
    )


BEST_INTERESTS = Page(
    "enquiries/best_interests_form.html",
    "Record a best-interests decision",
    "Best-interests decision recorded",
    "best-interests",
    intro="For a decision the person lacks capacity to make. Weigh their past and present "
    "wishes, and ask the people who know them.",
    button="Save the decision",
    creates=True,
)


@require_http_methods(["GET", "POST"])
def add_best_interests(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    assessments = list(CapacityAssessment.objects.filter(case=case))

    def form(*args: object, **kwargs: object) -> BestInterestsForm:
        return BestInterestsForm(*args, assessments=assessments, **kwargs)

    return form_page(
        request,
        BEST_INTERESTS,
        case,
        form,
        lambda version, values: actions.add_best_interests_decision(case, by=user, **values),
        rules=lambda values: best_interests_errors(values, case_dates(case), case_id=case.pk),
    )


RESTRICTION = Page(
    "enquiries/record_form.html",
    "Record a restriction or decision made for the person",
    "Restriction recorded",
    "restrictions",
    intro="Something decided for the person by someone else: stopping a relative's visits, "
    "controlling their money, moving them. Say on what basis: their agreement, a "
    "best-interests decision after a capacity assessment for this decision, or a legal power.",
    button="Save the restriction",
    creates=True,
)


@require_http_methods(["GET", "POST"])
def add_restriction(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    assessments = list(CapacityAssessment.objects.filter(case=case))
    decisions = list(BestInterestsDecision.objects.filter(case=case))

    def form(*args: object, **kwargs: object) -> RestrictionForm:
        return RestrictionForm(*args, assessments=assessments, decisions=decisions, **kwargs)

    return form_page(
        request,
        RESTRICTION,
        case,
        form,
        lambda version, values: actions.add_restriction(case, by=user, **values),
        rules=lambda values: restriction_errors(values, case_dates(case), case_id=case.pk),
    )


ADVOCACY = Page(
    "enquiries/advocacy_form.html",
    "Record an advocacy assessment",
    "Advocacy assessment recorded",
    "advocacy",
    intro="The Care Act test: would the person have substantial difficulty being involved, "
    "and is there an appropriate person to support them? If there is difficulty and no one "
    "suitable, an independent advocate must be arranged.",
    button="Save the assessment",
    creates=True,
)


@require_http_methods(["GET", "POST"])
def add_advocacy(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    return form_page(
        request,
        ADVOCACY,
        case,
        AdvocacyForm,
        lambda version, values: actions.add_advocacy_assessment(case, by=user, **values),
        rules=lambda values: advocacy_errors(values, case_dates(case)),
    )


CONTACT = Page(
    "enquiries/contact_form.html",
    "Record a contact with the person",
    "Contact recorded",
    "contacts",
    intro="Record every contact and every attempt, including those that did not reach the person.",
    button="Save the contact",
    creates=True,
)


@require_http_methods(["GET", "POST"])
def add_contact(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    return form_page(
        request,
        CONTACT,
        case,
        ContactForm,
        lambda version, values: actions.add_contact(case, by=user, **values),
        rules=lambda values: contact_errors(values, case_dates(case)),
    )


INVOLVEMENT = Page(
    "enquiries/record_form.html",
    "Record how the person took part",
    "How the person took part saved",
    "involvement",
    intro="Answer what you can now, and come back as the enquiry goes on.",
)


@require_http_methods(["GET", "POST"])
def involvement(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    record = Involvement.objects.filter(case=case).first()
    return form_page(
        request,
        INVOLVEMENT,
        case,
        InvolvementForm,
        lambda version, values: actions.save_involvement(
            case, by=user, expected_version=version, **values
        ),
        rules=involvement_errors,
        initial=InvolvementForm.initial_from(record),
    )


NOTE = Page(
    "enquiries/record_form.html",
    "Add a case note",
    "Case note added",
    "notes",
    intro="Notes are part of the person's record, and they can ask to see it.",
    button="Save the note",
    creates=True,
)


@require_http_methods(["GET", "POST"])
def add_note(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    return form_page(
        request,
        NOTE,
        case,
        NoteForm,
        lambda version, values: actions.add_note(
            case, by=user, text=values.get("text", ""), at=values.get("happened_on")
        ),
        rules=note_errors,
    )
