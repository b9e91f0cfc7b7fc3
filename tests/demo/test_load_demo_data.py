"""The load_demo_data and remove_demo_data commands, against a real database."""

import io
import os
import stat
from collections import Counter

from django.contrib.auth import authenticate as _authenticate
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from msp.accounts.models import Role, User
from msp.audit.models import AuditEvent
from msp.cases.chronology import chronology
from msp.cases.models import Case, CaseState, EnquiryType
from msp.concerns.codes import AbuseType, DecisionResult, LocationOfRisk, SourceOfRisk
from msp.concerns.models import Concern, Section42Decision
from msp.demo.accounts import ACCOUNTS, PASSWORD_FILE_NAME
from msp.demo.data import build_plan
from msp.enquiries.codes import ClosureReason, WhoseWords
from msp.enquiries.models import Closure, OutcomeRevision
from msp.people.models import Person


def authenticate(**credentials):
    """Sign-in checks go through django-axes, which needs the request."""
    return _authenticate(RequestFactory().post("/sign-in/"), **credentials)


def run(command="load_demo_data"):
    out = io.StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def test_loading_creates_people_and_cases_in_every_state(loaded):
    assert Person.objects.count() == 40
    assert Case.objects.count() == 60
    states = Counter(Case.objects.values_list("state", flat=True))
    assert set(states) == set(CaseState.values)
    assert states == Counter(build_plan(timezone.now()).summary()["states"])
    assert "40 people and 60 cases" in loaded["output"]


def test_the_database_matches_the_plan(loaded):
    plan = build_plan(timezone.now())
    names = sorted(Person.objects.values_list("given_name", "family_name"))
    assert names == sorted((p.spec.given_name, p.spec.family_name) for p in plan.people)
    for planned in plan.cases:
        concern = Concern.objects.get(what_happened=planned.spec.what_happened)
        assert concern.case.state == planned.spec.final_state, planned.spec.key
        assert concern.case.person.given_name == next(
            p.spec.given_name for p in plan.people if p.spec.key == planned.spec.person
        )
        assert concern.case.reference == (f"SG-{concern.case.opened_at.year}-{concern.case.pk:06d}")


def test_every_abuse_type_location_and_source_is_recorded(loaded):
    concerns = list(Concern.objects.all())
    assert {a for c in concerns for a in c.abuse_types} == set(AbuseType.values)
    assert {c.location_of_risk for c in concerns} == set(LocationOfRisk.values)
    assert {s for c in concerns for s in c.sources_of_risk} == set(SourceOfRisk.values)


def test_every_role_has_a_demo_user(loaded):
    users = User.objects.filter(username__in=[a.username for a in ACCOUNTS])
    assert {u.role for u in users} == set(Role.values)
    managers = users.filter(role=Role.TEAM_MANAGER)
    assert managers.count() == managers.values("team").distinct().count() == 3
    assert all(u.is_demo and u.is_active for u in users)
    admin = users.get(role=Role.ADMINISTRATOR)
    assert admin.is_staff and admin.is_superuser
    assert not users.filter(is_superuser=True).exclude(pk=admin.pk).exists()


def test_the_special_cases_are_there(loaded):
    assert AuditEvent.objects.filter(action="case.reopen_case").exists()
    assert Case.objects.filter(closures__isnull=False).filter(state=CaseState.TRIAGE).exists()
    assert Case.objects.filter(enquiry_type=EnquiryType.OTHER).exists()
    no_enquiry = Closure.objects.filter(reason=ClosureReason.NO_ENQUIRY)
    assert no_enquiry.exists()
    for closure in no_enquiry:
        decision = closure.case.decisions.latest()
        assert decision.result == DecisionResult.NONE
        assert decision.proportionate_response
        assert decision.response_details
    assert OutcomeRevision.objects.filter(whose_words=WhoseWords.REPRESENTATIVE).exists()
    assert OutcomeRevision.objects.filter(number__gt=1).exclude(reason="").exists()
    assert Closure.objects.filter(lacked_capacity="yes", capacity_support=True).exists()


def test_closed_enquiries_have_closure_codes(loaded):
    closed = Case.objects.filter(state=CaseState.CLOSED).exclude(enquiry_type="")
    assert closed.count() >= 15
    for case in closed:
        closure = case.closures.last()
        assert closure.action_result, case.reference
        assert closure.msp_asked, case.reference
        assert closure.lacked_capacity, case.reference
        assert all(o.achievement for o in case.desired_outcomes.all()), case.reference
    codes = Closure.objects.exclude(action_result="")
    assert len(set(codes.values_list("action_result", flat=True))) >= 6
    assert len(set(codes.values_list("msp_asked", flat=True))) >= 4


def test_the_chronology_reads_in_time_order(loaded):
    now = timezone.now()
    for case in Case.objects.filter(state=CaseState.CLOSED):
        entries = chronology(case)
        times = [e.at for e in entries]
        assert times == sorted(times), case.reference
        assert entries[0].title == "Concern raised"
        assert entries[-1].title == "Case closed"
        assert times[-1] < now
    events = list(AuditEvent.objects.order_by("id").values_list("at", flat=True))
    assert events == sorted(events)
    assert (now - events[0]).days > 365
    decisions = Section42Decision.objects.all()
    assert all(d.decided_at < now for d in decisions)


def test_audit_events_come_from_demo_users_through_the_actions(loaded):
    raised = AuditEvent.objects.filter(action="case.raised")
    assert raised.count() == 60
    assert all(e.user.is_demo for e in raised.select_related("user"))
    assert AuditEvent.objects.filter(action="person.created").count() == 40


def test_a_second_run_creates_nothing_and_shows_the_accounts(loaded):
    counts = (Person.objects.count(), Case.objects.count(), AuditEvent.objects.count())
    output = run()
    assert (Person.objects.count(), Case.objects.count(), AuditEvent.objects.count()) == counts
    assert "already loaded" in output
    assert "http://127.0.0.1:8000" in output
    for account in ACCOUNTS:
        assert account.username in output


def test_a_generated_password_is_kept_privately_and_works(loaded):
    path = loaded["var_dir"] / PASSWORD_FILE_NAME
    password = path.read_text().strip()
    assert len(password) >= 12
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert password in loaded["output"]
    assert authenticate(username="practitioner", password=password) is not None
    # The second run shows the same password and it still works.
    assert password in run()
    assert authenticate(username="manager", password=password) is not None


def test_the_configured_password_is_set_on_every_run(loaded, settings):
    settings.MSP_DEMO_PASSWORD = "northmoor-demo-password"
    output = run()
    assert "northmoor-demo-password" in output
    for account in ACCOUNTS:
        assert authenticate(username=account.username, password="northmoor-demo-password")


def test_without_the_setting_the_kept_password_works_again(loaded, settings):
    kept = (loaded["var_dir"] / PASSWORD_FILE_NAME).read_text().strip()
    settings.MSP_DEMO_PASSWORD = "northmoor-demo-password"
    run()
    settings.MSP_DEMO_PASSWORD = ""
    assert kept in run()
    assert authenticate(username="lead", password=kept) is not None
    assert authenticate(username="lead", password="northmoor-demo-password") is None


def test_remove_demo_data_deactivates_demo_accounts(loaded):
    output = run("remove_demo_data")
    assert f"Deactivated {len(ACCOUNTS)} demo accounts" in output
    assert not User.objects.filter(is_demo=True, is_active=True).exists()
    assert Case.objects.count() == 60
    assert "No active demo accounts" in run("remove_demo_data")
    # Loading again makes the accounts usable again, without new data.
    run()
    assert User.objects.filter(is_demo=True, is_active=True).count() == len(ACCOUNTS)
    assert Case.objects.count() == 60
