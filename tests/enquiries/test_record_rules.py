"""Each rule's message, through the action functions (so the fields are named
as the forms and the API name them). Nothing is saved when a rule fails."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from msp.accounts.models import Role
from msp.audit.models import AuditEvent
from msp.concerns.models import Concern
from msp.enquiries import actions
from msp.enquiries.record_rules import ADVOCATE_DUTY_MESSAGE, COSIGNER_MESSAGE
from tests import factories
from tests import record_factories as rf

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)
TOMORROW = TODAY + datetime.timedelta(days=1)


def _record_changes() -> int:
    # Builders may create a co-signer's account first: that is set-up, not the record.
    return AuditEvent.objects.changes().exclude(object_type="accounts.user").count()


def _errors(call):
    before = _record_changes()
    with pytest.raises(ValidationError) as error:
        call()
    assert _record_changes() == before, "nothing is saved"
    return {k: v[0] for k, v in error.value.message_dict.items()}


def _case(by):
    return factories.case(by, state="enquiry")


# --- capacity --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"decision": " "}, "decision", "Enter the decision the person needs to make"),
        ({"assessed_on": None}, "assessed_on", "Enter the date of the assessment"),
        (
            {"assessor_name": ""},
            "assessor_name",
            "Enter the name of the person who assessed capacity",
        ),
        ({"support_given": ""}, "support_given", "Enter what was done to help the person decide"),
        (
            {"understand": ""},
            "understand",
            "Select whether the person is able to understand the information relevant to the decision",
        ),
        (
            {"retain_evidence": ""},
            "retain_evidence",
            "Enter the evidence for whether the person is able to retain the information",
        ),
        (
            {"use_or_weigh": "maybe"},
            "use_or_weigh",
            "Select whether the person is able to use or weigh the information",
        ),
        (
            {"communicate_evidence": None},
            "communicate_evidence",
            "Enter the evidence for whether the person is able to communicate their decision",
        ),
        (
            {"impairment": ""},
            "impairment",
            "Select whether the person has an impairment of, or a disturbance in the "
            "functioning of, the mind or brain",
        ),
        (
            {"retain": "unable", "impairment": "yes"},
            "impairment_evidence",
            "Enter the evidence that the person cannot make the decision because of an "
            "impairment of, or a disturbance in the functioning of, the mind or brain",
        ),
        (
            {"assessed_on": TOMORROW},
            "assessed_on",
            "Date of the assessment cannot be in the future",
        ),
        (
            {"reassess_on": TODAY},
            "reassess_on",
            "Date to reassess must be after the date of the assessment",
        ),
    ],
)
def test_capacity_rules(practitioner, overrides, field, message):
    case = _case(practitioner)
    errors = _errors(lambda: rf.capacity(case, practitioner, **overrides))
    assert errors[field] == message


def test_capacity_with_an_inability_and_its_evidence_is_saved(practitioner):
    case = _case(practitioner)
    assessment = rf.capacity(
        case,
        practitioner,
        retain="unable",
        impairment="yes",
        impairment_evidence="Diagnosed with Alzheimer's disease in 2024.",
        reassess_on=TOMORROW,
    )
    assert assessment.lacks_capacity
    assert assessment.reassess_on == TOMORROW


# --- best interests ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"past_wishes": ""}, "past_wishes", "Enter the person's past wishes and feelings"),
        (
            {"present_wishes": ""},
            "present_wishes",
            "Enter the person's present wishes and feelings",
        ),
        (
            {"less_restrictive_options": ""},
            "less_restrictive_options",
            "Enter the less restrictive options considered",
        ),
        ({"outcome": ""}, "outcome", "Enter what was decided"),
        ({"reasons": ""}, "reasons", "Enter why this is in the person's best interests"),
        ({"decision_maker": ""}, "decision_maker", "Enter the name of the decision maker"),
        ({"decided_on": None}, "decided_on", "Enter the date of the decision"),
        ({"consulted": []}, "consulted", "Enter at least one person who was consulted"),
        (
            {"consulted": [{"name": "Ann", "role": "family", "views": ""}]},
            "consulted",
            "Enter the name, role and views of each person consulted",
        ),
        (
            {"consulted": [{"name": "Ann", "role": "cousin", "views": "Fine"}]},
            "consulted",
            "Enter the name, role and views of each person consulted",
        ),
    ],
)
def test_best_interests_rules(practitioner, overrides, field, message):
    case = _case(practitioner)
    errors = _errors(lambda: rf.best_interests(case, practitioner, **overrides))
    assert errors[field] == message


def test_best_interests_capacity_assessment_must_be_this_cases(practitioner):
    case = _case(practitioner)
    other = rf.capacity(_case(practitioner), practitioner)
    errors = _errors(lambda: rf.best_interests(case, practitioner, capacity_assessment=other))
    assert errors["capacity_assessment"] == "Choose a capacity assessment from this case"
    own = rf.capacity(case, practitioner)
    decision = rf.best_interests(case, practitioner, capacity_assessment=own)
    assert decision.capacity_assessment == own
    assert decision.consulted == [
        {"name": "Ann Example", "role": "family", "views": "Thinks she should come home."}
    ]


# --- advocacy ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"assessed_on": None}, "assessed_on", "Enter the date of the assessment"),
        (
            {"difficulty_retaining": None},
            "difficulty_retaining",
            "Select whether the person would have substantial difficulty retaining the information",
        ),
        (
            {"appropriate_individual": ""},
            "appropriate_individual",
            "Select whether there is an appropriate person to support them",
        ),
        (
            {"appropriate_individual": "yes", "appropriate_individual_name": ""},
            "appropriate_individual_name",
            "Enter the name of the appropriate person",
        ),
        ({"result": ""}, "result", "Select the result of the advocacy assessment"),
        (
            {"result": "advocate_arranged", "advocate_arranged_on": TODAY},
            "advocate_name",
            "Enter the name of the advocate",
        ),
        (
            {"result": "advocate_arranged", "advocate_name": "Sam Advocate"},
            "advocate_arranged_on",
            "Enter the date the advocate was arranged",
        ),
        (
            {
                "result": "advocate_arranged",
                "advocate_name": "Sam Advocate",
                "advocate_arranged_on": YESTERDAY,
            },
            "advocate_arranged_on",
            "Date the advocate was arranged cannot be before the date of the assessment",
        ),
        ({"reason": ""}, "reason", "Enter why no advocate was arranged"),
        (
            {"difficulty_communicating": True, "appropriate_individual": "no"},
            "result",
            ADVOCATE_DUTY_MESSAGE,
        ),
        (
            {
                "difficulty_understanding": True,
                "appropriate_individual": "yes",
                "appropriate_individual_name": "Her son",
                "individual_implicated": True,
                "result": "appropriate_individual",
            },
            "result",
            ADVOCATE_DUTY_MESSAGE,
        ),
        (
            {"imca_instructed": True},
            "imca_details",
            "Enter who the IMCA is and when they were instructed",
        ),
    ],
)
def test_advocacy_rules(practitioner, overrides, field, message):
    case = _case(practitioner)
    errors = _errors(lambda: rf.advocacy(case, practitioner, **overrides))
    assert errors[field] == message


def test_advocacy_difficulty_answers_are_required(practitioner):
    case = _case(practitioner)
    values = rf.advocacy_values()
    del values["difficulty_understanding"]
    errors = _errors(lambda: actions.add_advocacy_assessment(case, by=practitioner, **values))
    assert set(errors) == {"difficulty_understanding"}


@pytest.mark.parametrize(
    "overrides",
    [
        {"difficulty_communicating": True, "result": "declined", "reason": "Did not want one"},
        {
            "difficulty_communicating": True,
            "result": "advocate_arranged",
            "advocate_name": "Sam Advocate",
            "advocate_arranged_on": TODAY,
            "reason": "dropped",
        },
        {
            "difficulty_communicating": True,
            "appropriate_individual": "yes",
            "appropriate_individual_name": "Her daughter",
            "result": "appropriate_individual",
        },
    ],
)
def test_advocacy_where_the_duty_is_met(practitioner, overrides):
    case = _case(practitioner)
    assessment = rf.advocacy(case, practitioner, **overrides)
    if assessment.result == "advocate_arranged":
        assert assessment.reason == ""  # belongs to the other answer


# --- contacts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"contacted_on": None}, "contacted_on", "Enter the date of the contact"),
        ({"contacted_on": TOMORROW}, "contacted_on", "Date of the contact cannot be in the future"),
        ({"method": "pigeon"}, "method", "Select how you contacted the person"),
        ({"outcome": ""}, "outcome", "Select what happened"),
        ({"seen_alone": ""}, "seen_alone", "Select whether the person was seen alone"),
        (
            {"coercion_indicators": ["fear", "astrology"]},
            "coercion_indicators",
            "Select signs of coercion or control from the list",
        ),
        ({"who_was_present": ""}, "who_was_present", "Enter who was there, or 'no one else'"),
        (
            {"outcome": "declined", "who_was_present": " "},
            "who_was_present",
            "Enter who was there, or 'no one else'",
        ),
        (
            {"outcome": "third_party", "who_was_present": ""},
            "who_was_present",
            "Enter who was there, or 'no one else'",
        ),
    ],
)
def test_contact_rules(practitioner, overrides, field, message):
    case = _case(practitioner)
    errors = _errors(lambda: rf.contact(case, practitioner, **overrides))
    assert errors[field] == message


def test_contact_without_a_conversation_needs_no_one_present(practitioner):
    case = _case(practitioner)
    contact = rf.contact(
        case,
        practitioner,
        method="letter",
        outcome="sent",
        who_was_present="",
        seen_alone="not_applicable",
        coercion_indicators=["fear", "isolation"],
    )
    assert contact.coercion_indicators == ["fear", "isolation"]


# --- risk -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"risk_to_person": ""}, "risk_to_person", "Enter the risk to the person"),
        ({"children_at_risk": ""}, "children_at_risk", "Select whether children are at risk"),
        ({"public_at_risk": None}, "public_at_risk", "Select whether the public is at risk"),
        (
            {"source_trust_role": ""},
            "source_trust_role",
            "Select whether the source of risk is in a position of trust",
        ),
        (
            {"crime_may_have_been_committed": "yes", "police_decision_reason": "Serious"},
            "police_decision",
            "Select whether the police were told",
        ),
        (
            {"crime_may_have_been_committed": "yes", "police_decision": "reported"},
            "police_decision_reason",
            "Enter why the police were or were not told",
        ),
    ],
)
def test_risk_assessment_rules(practitioner, overrides, field, message):
    case = _case(practitioner)
    errors = _errors(lambda: rf.risk_assessment(case, practitioner, **overrides))
    assert errors[field] == message


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"kind": ""}, "kind", "Select what was done to protect others"),
        ({"details": ""}, "details", "Enter details of what was done"),
        ({"done_by": ""}, "done_by", "Enter who did it"),
        ({"done_on": None}, "done_on", "Enter the date of the action"),
        ({"done_on": TOMORROW}, "done_on", "Date of the action cannot be in the future"),
    ],
)
def test_risk_action_rules(practitioner, overrides, field, message):
    case = _case(practitioner)
    errors = _errors(lambda: rf.risk_action(case, practitioner, **overrides))
    assert errors[field] == message


# --- overrides --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"kind": ""}, "kind", "Select what was done"),
        ({"ground": "whim"}, "ground", "Select the ground for doing it"),
        ({"legal_basis": ""}, "legal_basis", "Enter the legal basis"),
        ({"rationale": ""}, "rationale", "Enter why the person's wishes were overridden"),
        ({"decided_by": ""}, "decided_by", "Enter who made the decision"),
        ({"decided_on": None}, "decided_on", "Enter the date of the decision"),
        (
            {"kind": "shared_without_consent", "shared_with": "The police", "shared_on": TODAY},
            "shared_what",
            "Enter what was shared",
        ),
        (
            {"kind": "shared_without_consent", "shared_what": "Her address", "shared_on": TODAY},
            "shared_with",
            "Enter who it was shared with",
        ),
        (
            {"kind": "shared_without_consent", "shared_what": "Address", "shared_with": "Police"},
            "shared_on",
            "Enter the date the information was shared",
        ),
        ({"person_told_on": None}, "person_told_on", "Enter the date the person was told"),
        (
            {"person_told": False},
            "not_told_reason",
            "Enter why the person was not told",
        ),
        ({"person_told": None}, "person_told", "Say whether the person was told"),
        (
            {"rationale": "n/a"},
            "rationale",
            "Give the reason in your own words: 'n/a' does not say why. Write what was "
            "decided and why, or what was done.",
        ),
        (
            {"person_told": False, "not_told_reason": "NFA"},
            "not_told_reason",
            "Give the reason in your own words: 'NFA' does not say why. Write what was "
            "decided and why, or what was done.",
        ),
    ],
)
def test_override_rules(practitioner, manager, overrides, field, message):
    case = _case(practitioner)
    errors = _errors(lambda: rf.override(case, practitioner, cosigner=manager, **overrides))
    assert errors[field] == message


@pytest.mark.parametrize("who", ["colleague", "self", "inactive_manager", "board_member", "nobody"])
def test_override_cosigner_must_be_another_active_manager_or_lead(
    practitioner, manager, colleague, board_member, who
):
    inactive = factories.user(Role.TEAM_MANAGER, is_active=False)
    case = _case(manager)
    cosigner = {
        "colleague": colleague,
        "self": manager,
        "inactive_manager": inactive,
        "board_member": board_member,
        "nobody": None,
    }[who]
    values = rf.override_values(cosigner)
    errors = _errors(lambda: actions.record_override(case, by=manager, **values))
    assert errors == {"cosigner": COSIGNER_MESSAGE}


def test_override_by_a_manager_cosigned_by_a_lead(manager, lead):
    case = _case(manager)
    override = rf.override(case, manager, cosigner=lead, person_told=False, not_told_reason="Risk")
    assert override.cosigner == lead
    assert override.person_told_on is None
    assert not override.is_cosigned


# --- plan -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"person_involvement": ""},
            "person_involvement",
            "Enter how the person was involved in making the plan",
        ),
        (
            {"next_review_on": YESTERDAY},
            "next_review_on",
            "The date of the next review cannot be in the past",
        ),
    ],
)
def test_plan_rules(practitioner, overrides, field, message):
    case = _case(practitioner)
    errors = _errors(lambda: rf.plan(case, practitioner, **overrides))
    assert errors[field] == message


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"description": ""}, "description", "Enter what will be done"),
        ({"owner_kind": ""}, "owner_kind", "Select who will do it"),
        ({"owner_name": ""}, "owner_name", "Enter who will do it"),
        ({"due_on": None}, "due_on", "Enter the date the action is due"),
        ({"due_on": YESTERDAY}, "due_on", "The date the action is due cannot be before today"),
        ({"status": "abandoned"}, "status", "Select how the action is going"),
    ],
)
def test_plan_action_rules(practitioner, overrides, field, message):
    case = _case(practitioner)
    errors = _errors(lambda: rf.plan_action(case, practitioner, **overrides))
    assert errors[field] == message


def test_plan_action_outcome_must_be_this_cases(practitioner):
    case = _case(practitioner)
    other = _case(practitioner).desired_outcomes.get()
    errors = _errors(lambda: rf.plan_action(case, practitioner, outcome=other))
    assert errors["outcome"] == "Choose one of the desired outcomes for this case"
    own = case.desired_outcomes.get()
    action = rf.plan_action(case, practitioner, outcome=own, due_on=TODAY)
    assert action.outcome == own
    assert action.status == "not_started"


# --- self-neglect -------------------------------------------------------------------


def test_self_neglect_rules(practitioner):
    case = _case(practitioner)
    errors = _errors(lambda: rf.self_neglect(case, practitioner, background_and_history=""))
    assert errors == {"background_and_history": "Enter the person's background and history"}


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"room": ""}, "room", "Enter the room"),
        ({"rating": 0}, "rating", "Enter a rating from 1 to 9"),
        ({"rating": 10}, "rating", "Enter a rating from 1 to 9"),
        ({"rating": None}, "rating", "Enter a rating from 1 to 9"),
        ({"rating": True}, "rating", "Enter a rating from 1 to 9"),
        ({"rated_on": TOMORROW}, "rated_on", "Date of the rating cannot be in the future"),
    ],
)
def test_clutter_rating_rules(practitioner, overrides, field, message):
    case = _case(practitioner)
    errors = _errors(lambda: rf.clutter_rating(case, practitioner, **overrides))
    assert errors[field] == message


# --- the person who raised the concern -------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"concern": None}, "concern", "Choose the concern the feedback is about"),
        ({"given_on": None}, "given_on", "Enter the date of the feedback"),
        (
            {"what_was_said": ""},
            "what_was_said",
            "Enter what the person who raised the concern was told",
        ),
    ],
)
def test_feedback_rules(practitioner, overrides, field, message):
    case = _case(practitioner)
    errors = _errors(lambda: rf.feedback(case, practitioner, **overrides))
    assert errors[field] == message


def test_feedback_concern_must_be_this_cases(practitioner):
    case = _case(practitioner)
    other = _case(practitioner).concerns.get()
    errors = _errors(lambda: rf.feedback(case, practitioner, concern=other))
    assert errors == {"concern": "Choose the concern the feedback is about"}


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"raised_on": None}, "raised_on", "Enter the date of the escalation"),
        (
            {"details": ""},
            "details",
            "Enter what the person who raised the concern said has not been dealt with",
        ),
    ],
)
def test_escalation_rules(practitioner, overrides, field, message):
    case = _case(practitioner)
    errors = _errors(lambda: rf.escalation(case, practitioner, **overrides))
    assert errors[field] == message


# --- death ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"date_of_death": None}, "date_of_death", "Enter the date the person died"),
        ({"date_of_death": TOMORROW}, "date_of_death", "Date of death cannot be in the future"),
        (
            {"date_of_death": datetime.date(1944, 3, 13)},
            "date_of_death",
            "Date of death cannot be before the person's date of birth (14 March 1944)",
        ),
        # Only the date is needed; answers given must be from the list.
        (
            {"others_remain_at_risk": "maybe"},
            "others_remain_at_risk",
            "Select whether other people remain at risk",
        ),
        (
            {"sar_criteria_may_be_met": "perhaps"},
            "sar_criteria_may_be_met",
            "Select whether the criteria for a Safeguarding Adults Review may be met",
        ),
        (
            {"sar_criteria_may_be_met": "yes"},
            "sar_referred_on",
            "Enter the date the case was referred to the board",
        ),
    ],
)
def test_death_rules(practitioner, overrides, field, message):
    case = _case(practitioner)
    errors = _errors(lambda: rf.death(case, practitioner, **overrides))
    assert errors[field] == message


# --- involvement and notes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"person_told": "maybe"},
            "person_told",
            "Select whether the person knows a concern was raised",
        ),
        (
            {"person_told": "no_risk"},
            "not_told_reason",
            "Enter why telling them would increase the risk",
        ),
    ],
)
def test_involvement_rules(practitioner, overrides, field, message):
    case = _case(practitioner)
    errors = _errors(lambda: rf.involvement(case, practitioner, **overrides))
    assert errors[field] == message


def test_involvement_fields_are_all_optional(practitioner):
    case = _case(practitioner)
    record = actions.save_involvement(case, by=practitioner, expected_version=None)
    assert record.person_told == ""


@pytest.mark.parametrize("text", ["", "   ", None])
def test_a_note_needs_text(practitioner, text):
    case = _case(practitioner)
    errors = _errors(lambda: actions.add_note(case, by=practitioner, text=text))
    assert errors == {"text": "Enter the note"}


# --- dates against the concern ------------------------------------------------------------

# (builder, date field, what the message calls it)
DATED = [
    (rf.capacity, "assessed_on", "Date of the assessment"),
    (rf.best_interests, "decided_on", "Date of the decision"),
    (rf.advocacy, "assessed_on", "Date of the assessment"),
    (rf.contact, "contacted_on", "Date of the contact"),
    (rf.risk_action, "done_on", "Date of the action"),
    (rf.override, "decided_on", "Date of the decision"),
    (rf.clutter_rating, "rated_on", "Date of the rating"),
    (rf.feedback, "given_on", "Date of the feedback"),
    (rf.escalation, "raised_on", "Date of the escalation"),
]


@pytest.mark.parametrize(
    ("build", "field", "label"), DATED, ids=lambda x: getattr(x, "__name__", x)
)
def test_dates_cannot_be_before_the_concern_was_raised(practitioner, build, field, label):
    case = _case(practitioner)
    raised = TODAY - datetime.timedelta(days=30)
    Concern.objects.filter(case=case).update(raised_on=raised)
    day_before = raised - datetime.timedelta(days=1)
    errors = _errors(lambda: build(case, practitioner, **{field: day_before}))
    expected = f"{label} cannot be before the concern was raised ({raised.day} {raised:%B %Y})"
    assert errors[field] == expected
    build(case, practitioner, **{field: raised})  # the day itself is fine


@pytest.mark.parametrize(
    ("build", "field", "label"), DATED, ids=lambda x: getattr(x, "__name__", x)
)
def test_dates_cannot_be_in_the_future(practitioner, build, field, label):
    case = _case(practitioner)
    errors = _errors(lambda: build(case, practitioner, **{field: TOMORROW}))
    assert errors[field] == f"{label} cannot be in the future"
