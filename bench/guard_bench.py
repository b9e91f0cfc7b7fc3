"""Benchmark the practice guard on a large case.

    .venv/bin/python bench/guard_bench.py [--repeat N]

Creates a throwaway test database (in memory for SQLite; ``test_<name>`` when
DATABASE_URL names PostgreSQL), builds one case with about 500 audit events
through the action functions (contacts, notes, desired outcomes with
revisions, plan actions, capacity assessments ...), then prints the median
time to load its snapshot, to evaluate the checks, and the queries used.
Not run by the test suite.
"""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msp.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from msp.accounts.models import Role, Team, User  # noqa: E402
from msp.audit.models import AuditEvent  # noqa: E402
from msp.cases.actions import allocate_case  # noqa: E402
from msp.cases.models import Case  # noqa: E402
from msp.concerns import actions as concern_actions  # noqa: E402
from msp.enquiries import actions  # noqa: E402
from msp.people.actions import create_person  # noqa: E402
from msp.practice.guard import evaluate  # noqa: E402
from msp.practice.loader import load_snapshot  # noqa: E402
from msp.practice.models import GuardConfig  # noqa: E402

CONCERN: dict[str, Any] = {
    "raised_via": "partner",
    "referrer_name": "A Nurse",
    "what_happened": "Money missing; son shouting at her.",
    "abuse_types": ["financial", "psychological", "self_neglect"],
    "location_of_risk": "own_home",
    "sources_of_risk": ["known"],
    "person_aware": "yes",
}
DECISION: dict[str, Any] = {
    "has_care_and_support_needs": "yes",
    "care_and_support_needs_evidence": "Home care twice a day.",
    "experiencing_or_at_risk": "yes",
    "experiencing_or_at_risk_evidence": "Bank statements.",
    "unable_to_protect_self": "yes",
    "unable_to_protect_self_evidence": "Relies on her son.",
    "result": "s42",
}
SIZES = {
    "contacts": 200,
    "notes": 150,
    "outcomes": 50,  # each recorded, then revisited once
    "plan_actions": 30,
    "capacity_assessments": 5,
    "clutter_ratings": 10,
    "feedback": 5,
}


def user(name: str, role: str, team: Team) -> User:
    return User.objects.create_user(username=name, password=None, role=role, team=team)


def build() -> Case:
    team = Team.objects.create(name="Bench team")
    worker = user("bench_worker", Role.PRACTITIONER, team)
    manager = user("bench_manager", Role.TEAM_MANAGER, team)
    today = timezone.localdate()
    person = create_person(
        by=worker,
        given_name="Bench",
        family_name="Person",
        date_of_birth=today.replace(year=today.year - 80),
    )
    # Two earlier cases about the same person, for the repeat-concern check
    for _ in range(2):
        concern_actions.raise_concern(person=person, by=worker, raised_on=today, **CONCERN)
    case = concern_actions.raise_concern(person=person, by=worker, raised_on=today, **CONCERN)
    case = concern_actions.start_triage(case, by=worker, expected_version=case.version)
    concern_actions.record_decision(case, by=manager, expected_version=case.version, **DECISION)
    case = Case.objects.get(pk=case.pk)
    case = allocate_case(case, by=manager, worker=worker, expected_version=case.version)
    case = actions.start_enquiry(case, by=worker, expected_version=case.version)
    for i in range(SIZES["outcomes"]):
        outcome = actions.add_outcome(
            case,
            by=worker,
            expected_version=case.version,
            text=f"Outcome {i} in her words",
            whose_words="person",
        )
        case = Case.objects.get(pk=case.pk)
        actions.revise_outcome(
            outcome,
            by=worker,
            expected_version=outcome.version,
            text=f"Outcome {i}, revisited",
            whose_words="person",
            reason="Talked again.",
        )
    methods = ["visit", "phone", "letter", "trusted_person"]
    for i in range(SIZES["contacts"]):
        actions.add_contact(
            case,
            by=worker,
            contacted_on=today,
            method=methods[i % 4],
            outcome="spoke",
            who_was_present="No one else",
            seen_alone="yes",
            coercion_conclusion="No sign of pressure.",
            notes=f"Contact {i}: talked about the plan and how the enquiry is going.",
        )
    for i in range(SIZES["notes"]):
        actions.add_note(case, by=worker, text=f"Note {i}: reviewed the plan with her.")
    for i in range(SIZES["plan_actions"]):
        actions.add_plan_action(
            case,
            by=worker,
            description=f"Action {i}",
            owner_kind="person" if i % 2 else "referrer",
            owner_name="Someone",
            due_on=today,
        )
    for i in range(SIZES["capacity_assessments"]):
        actions.add_capacity_assessment(
            case,
            by=worker,
            decision=f"Decision {i}",
            assessed_on=today,
            assessor_name="Bench Worker",
            support_given="Quiet room, glasses.",
            understand="able",
            understand_evidence="Explained back.",
            retain="able",
            retain_evidence="Remembered.",
            use_or_weigh="able",
            use_or_weigh_evidence="Weighed it up.",
            communicate="able",
            communicate_evidence="Said so.",
            impairment="no",
            executive_function="Follows through.",
        )
    for i in range(SIZES["clutter_ratings"]):
        actions.add_clutter_rating(case, by=worker, room=f"Room {i}", rating=5, rated_on=today)
    concern = case.concerns.get()
    for i in range(SIZES["feedback"]):
        actions.add_referrer_feedback(
            case, by=worker, concern=concern, given_on=today, what_was_said=f"Update {i}."
        )
    actions.save_risk_assessment(
        case,
        by=worker,
        expected_version=None,
        risk_to_person="Financial abuse.",
        other_adults_at_risk="no",
        children_at_risk="no",
        public_at_risk="no",
        source_trust_role="none",
        source_has_contact_with_others_at_risk="no",
        crime_may_have_been_committed="no",
    )
    actions.save_plan(
        case, by=worker, expected_version=None, person_involvement="Wrote it with us.", pace="Slow"
    )
    actions.save_involvement(
        case, by=worker, expected_version=None, person_told="yes", person_involvement="Chaired it."
    )
    return Case.objects.get(pk=case.pk)


def timed[T](fn: Callable[[], T], repeat: int) -> tuple[float, T]:
    """Median milliseconds over ``repeat`` runs, and the last result."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="runs to take the median of")
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        case = build()
        built_in = time.perf_counter() - started
        events = AuditEvent.objects.filter(case_id=case.pk).count()
        config = GuardConfig.current()

        with CaptureQueriesContext(connection) as queries:
            snapshot = load_snapshot(case, config=config)
        load_ms, snapshot = timed(lambda: load_snapshot(case, config=config), args.repeat)
        with CaptureQueriesContext(connection) as eval_queries:
            evaluate(snapshot, config)
        eval_ms, findings = timed(lambda: evaluate(snapshot, config), args.repeat)

        print(f"database:            {connection.vendor}")
        print(f"case built in:       {built_in:.1f} s ({events} audit events on the case)")
        print(
            "record:              "
            + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in SIZES.items())
        )
        print(f"snapshot load:       {load_ms:.2f} ms median of {args.repeat}")
        print(f"  queries:           {len(queries)}")
        print(f"evaluate:            {eval_ms:.3f} ms median of {args.repeat}")
        print(f"  queries:           {len(eval_queries)}")
        print(f"findings:            {', '.join(f.check_id for f in findings) or 'none'}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
