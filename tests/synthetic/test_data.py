"""The generated data: how much, in what proportions, and that it is valid
by the project's own rules."""

import datetime
from collections import Counter

from django.db.models import Min
from django.utils import timezone

from msp.accounts.models import User
from msp.assurance.synthetic import SYNTHETIC_USERNAME
from msp.audit.models import AuditEvent
from msp.cases.models import Case, CaseState, EnquiryType
from msp.concerns.actions import CONCERN_FIELDS
from msp.concerns.codes import AbuseType, DecisionResult, LocationOfRisk, SourceOfRisk
from msp.concerns.models import Concern, Section42Decision
from msp.concerns.rules import concern_errors, decision_errors
from msp.enquiries.codes import RISK_OUTCOME_REQUIRED, Achievement, LackedCapacity
from msp.enquiries.models import CapacityAssessment, Closure, DesiredOutcome, OutcomeRevision
from msp.enquiries.rules import closure_errors
from msp.people.codes import Gender
from msp.people.models import Person
from msp.people.validators import nhs_number_is_valid, years_between
from tests.synthetic.conftest import SIZE


def share(part: int, whole: int) -> float:
    return part / whole


def test_it_makes_exactly_the_concerns_asked_for_each_in_its_own_case(generated):
    assert generated.summary.concerns == SIZE
    assert Concern.objects.count() == SIZE
    assert Case.objects.count() == SIZE
    assert not Case.objects.filter(concerns__isnull=True).exists()
    assert generated.rows["concerns"] == SIZE


def test_enquiries_per_concern_are_near_the_national_rates(generated):
    s42 = Case.objects.filter(enquiry_type=EnquiryType.S42).count()
    other = Case.objects.filter(enquiry_type=EnquiryType.OTHER).count()
    # England 2024-25: about 0.29 section 42 enquiries per concern, and a
    # small share of other enquiries (about 0.016).
    assert 0.25 < share(s42, SIZE) < 0.33
    assert 0 < share(other, SIZE) < 0.04


def test_people_have_about_one_and_a_half_concerns_each(generated):
    people = Person.objects.count()
    assert people == generated.summary.people
    assert 1.3 < share(SIZE, people) < 1.8
    # Every person has a case, and nobody appears without one.
    assert not Person.objects.filter(cases__isnull=True).exists()


def test_most_enquiries_are_closed_with_a_closure(generated):
    enquiries = Case.objects.exclude(enquiry_type="")
    closed = enquiries.filter(state=CaseState.CLOSED)
    assert closed.count() > 0.85 * enquiries.count()
    closed_cases = Case.objects.filter(state=CaseState.CLOSED)
    assert Closure.objects.count() == closed_cases.count()
    assert not closed_cases.filter(closures__isnull=True).exists()
    assert not closed_cases.filter(closed_at__isnull=True).exists()
    assert not Case.objects.exclude(state=CaseState.CLOSED).filter(closures__isnull=False).exists()


def test_some_cases_are_still_open_at_the_end_of_the_period(generated):
    states = Counter(Case.objects.values_list("state", flat=True))
    assert states[CaseState.CLOSED] > 0.9 * SIZE
    assert states[CaseState.ENQUIRY] > 0
    assert set(states) <= set(CaseState.values)


def test_every_code_is_used(generated):
    abuse, sources = Counter(), Counter()
    locations = Counter()
    for types, location, source_list in Concern.objects.values_list(
        "abuse_types", "location_of_risk", "sources_of_risk"
    ):
        abuse.update(types)
        locations[location] += 1
        sources.update(source_list)
    assert set(abuse) == set(AbuseType.values)
    assert set(locations) == set(LocationOfRisk.values)
    assert set(sources) == set(SourceOfRisk.values)
    # Neglect is about 31% of the types of risk, own home about 45% of locations.
    assert 0.26 < share(abuse[AbuseType.NEGLECT], sum(abuse.values())) < 0.36
    assert 0.40 < share(locations[LocationOfRisk.OWN_HOME], SIZE) < 0.50


def test_people_look_like_those_in_the_national_figures(generated):
    people = list(
        Person.objects.annotate(first=Min("cases__concerns__raised_on")).values_list(
            "date_of_birth", "first", "gender"
        )
    )
    # England: about 63% aged 65 or over, 60% women.
    over_65 = sum(1 for born, first, _ in people if years_between(born, first) >= 65)
    assert 0.55 < share(over_65, len(people)) < 0.70
    women = sum(1 for _, _, gender in people if gender == Gender.FEMALE)
    assert 0.54 < share(women, len(people)) < 0.66


def test_people_are_adults_with_valid_unique_nhs_numbers_in_the_test_range(generated):
    today = timezone.localdate()
    numbers = []
    for person in Person.objects.all():
        assert years_between(person.date_of_birth, today) >= 18
        if person.nhs_number:
            assert person.nhs_number.startswith("999")
            assert nhs_number_is_valid(person.nhs_number)
            numbers.append(person.nhs_number)
    assert len(numbers) == len(set(numbers))
    assert len(numbers) > 0.8 * Person.objects.count()


def test_people_pass_the_person_records_own_validation(generated):
    for person in Person.objects.order_by("pk")[:200]:
        person.full_clean()


def test_each_case_was_a_concern_about_an_adult(generated):
    for case in Case.objects.select_related("person")[:200]:
        concern = case.concerns.get()
        assert years_between(case.person.date_of_birth, concern.raised_on) >= 18
        if case.person.date_of_death:
            assert case.person.date_of_death >= concern.raised_on


def test_names_addresses_and_references_are_plainly_fictional(generated):
    assert not Person.objects.exclude(address__startswith="Synthetic record").exists()
    references = list(Case.objects.values_list("reference", flat=True))
    assert all(r.startswith("SYN-") for r in references)
    assert len(references) == len(set(references))


def test_concerns_pass_the_concern_rules(generated):
    for values in Concern.objects.values(*CONCERN_FIELDS):
        assert concern_errors(values) == {}
    self_raised = Concern.objects.filter(raised_via="self").select_related("case__person")
    assert self_raised.exists()
    for concern in self_raised:
        assert concern.referrer_name == concern.case.person.full_name


def test_every_decision_passes_the_decision_rules(generated):
    fields = [f.name for f in Section42Decision._meta.fields]
    for values in Section42Decision.objects.values(*fields):
        assert decision_errors(values) == {}


def test_every_enquiry_follows_a_decision_to_make_one(generated):
    for case in Case.objects.exclude(enquiry_type="").prefetch_related("decisions"):
        decision = case.decisions.get()
        assert decision.result == case.enquiry_type
        assert decision.decided_at <= case.enquiry_started_at
        if case.enquiry_type == EnquiryType.S42:
            assert decision.all_criteria_met
        else:
            assert not decision.all_criteria_met
    s42_cases = Case.objects.filter(enquiry_type=EnquiryType.S42)
    assert not s42_cases.filter(decisions__isnull=True).exists()


def test_no_enquiry_decisions_give_a_proportionate_response(generated):
    none = Section42Decision.objects.filter(result=DecisionResult.NONE)
    assert none.exists()
    assert not none.filter(proportionate_response="").exists()
    assert (
        not Case.objects.filter(decisions__result=DecisionResult.NONE)
        .exclude(enquiry_type="")
        .exists()
    )


def test_closed_enquiries_have_the_closure_codes_the_return_needs(generated):
    closures = Closure.objects.filter(case__state=CaseState.CLOSED).exclude(case__enquiry_type="")
    assert closures.exists()
    fields = (
        "reason",
        "reason_details",
        "action_result",
        "risk_outcome",
        "msp_asked",
        "lacked_capacity",
        "capacity_support",
    )
    for closure in closures.prefetch_related("case__desired_outcomes"):
        outcomes = list(closure.case.desired_outcomes.all())
        values = {f: getattr(closure, f) for f in fields}
        assert closure_errors(values, had_enquiry=True, outcome_count=len(outcomes)) == {}
        assert bool(closure.risk_outcome) == (closure.action_result in RISK_OUTCOME_REQUIRED)
        assert (closure.capacity_support is None) == (closure.lacked_capacity != LackedCapacity.YES)
        # Closing needs every desired outcome rated first.
        assert all(o.achievement for o in outcomes)
        assert closure.closed_at >= closure.case.enquiry_started_at


def test_closures_without_an_enquiry_say_why(generated):
    closures = Closure.objects.filter(case__enquiry_type="")
    assert closures.exists()
    assert set(closures.values_list("reason", flat=True)) == {"no_enquiry"}
    assert not closures.exclude(action_result="").exists()


def test_risk_was_reduced_or_removed_in_about_nine_in_ten_enquiries(generated):
    outcomes = Counter(
        Closure.objects.filter(action_result__in=RISK_OUTCOME_REQUIRED).values_list(
            "risk_outcome", flat=True
        )
    )
    assert 0.83 < share(outcomes["reduced"] + outcomes["removed"], sum(outcomes.values())) < 0.95


def test_most_people_are_asked_and_most_outcomes_are_achieved(generated):
    asked = Counter(Closure.objects.exclude(msp_asked="").values_list("msp_asked", flat=True))
    assert 0.68 < share(asked["asked_expressed"], sum(asked.values())) < 0.82
    ratings = Counter(
        DesiredOutcome.objects.exclude(achievement="").values_list("achievement", flat=True)
    )
    rated = sum(ratings.values())
    assert 0.58 < share(ratings[Achievement.FULLY], rated) < 0.75
    assert ratings[Achievement.PARTIALLY] > ratings[Achievement.NOT] > 0


def test_desired_outcomes_have_their_words_in_revisions(generated):
    assert DesiredOutcome.objects.exists()
    assert not DesiredOutcome.objects.filter(revisions__isnull=True).exists()
    assert not OutcomeRevision.objects.filter(text="").exists()
    for outcome in DesiredOutcome.objects.prefetch_related("revisions")[:200]:
        numbers = [r.number for r in outcome.revisions.all()]
        assert numbers == list(range(1, len(numbers) + 1))
        assert outcome.current.number == len(numbers)


def test_capacity_assessments_agree_with_the_closure_answer(generated):
    assessments = CapacityAssessment.objects.select_related("case")
    assert assessments.exists()
    lacking = [a for a in assessments if a.lacks_capacity]
    assert lacking
    for assessment in lacking:
        closure = assessment.case.closures.first()
        if closure is not None:
            assert closure.lacked_capacity == LackedCapacity.YES


def test_dates_fall_in_the_period_and_follow_each_other(generated):
    first, last = datetime.date(2023, 4, 1), datetime.date(2026, 3, 31)
    raised = list(Concern.objects.values_list("raised_on", flat=True))
    assert min(raised) >= first
    assert max(raised) <= last
    by_year = Counter(r.year if r.month >= 4 else r.year - 1 for r in raised)
    assert set(by_year) == {2023, 2024, 2025}
    for case in Case.objects.filter(state=CaseState.CLOSED)[:300]:
        assert case.opened_at <= case.closed_at


def test_no_audit_events_are_written_and_the_worker_cannot_sign_in(generated):
    # Only the set-up of its team and worker account, audited like any account change.
    worker = User.objects.get(username=SYNTHETIC_USERNAME)
    setup = {("team.created", "accounts.team"), ("account.created", "accounts.user")}
    events = set(AuditEvent.objects.values_list("action", "object_type"))
    assert events <= setup
    assert (
        not AuditEvent.objects.filter(object_type="accounts.user")
        .exclude(object_id=str(worker.pk))
        .exists()
    )
    assert not worker.is_active
    assert not worker.has_usable_password()
    assert worker.is_demo


def test_the_summary_matches_the_database(generated):
    summary = generated.summary.as_dict()
    assert summary["people"] == Person.objects.count()
    assert summary["outcomes"] == DesiredOutcome.objects.count()
    assert summary["outcome_revisions"] == OutcomeRevision.objects.count()
    assert summary["capacity_assessments"] == CapacityAssessment.objects.count()
    assert sum(summary["closures"].values()) == Closure.objects.count()
    assert summary["states"] == Counter(Case.objects.values_list("state", flat=True))
    assert sum(summary["decisions"].values()) == Section42Decision.objects.count()
