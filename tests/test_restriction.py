"""Restricted cases and break-glass: the access rules and the actions, without HTTP."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from msp.accounts.access import (
    CaseRestricted,
    findable_cases,
    get_case_for_user,
    get_person_for_user,
    readable_cases,
    readable_people,
)
from msp.audit.models import AuditEvent
from msp.cases import actions
from msp.cases.chronology import chronology
from msp.cases.errors import ActionError
from msp.cases.models import BreakGlassGrant
from msp.people.search import find_people
from tests import factories

pytestmark = pytest.mark.django_db

REASON = "The adult works in our own adult social care team"
NEED = "Police have asked about a strategy meeting tonight"


@pytest.fixture
def restricted(practitioner, lead):
    """A north case about a member of staff, restricted by the lead to the lead
    and ``practitioner``; ``colleague`` (same team) is not named."""
    about = factories.person(practitioner, given_name="Philippa")
    case = factories.case(practitioner, state="enquiry", about=about)
    actions.restrict_case(case, by=lead, reason=REASON, named=[practitioner])
    return case


def test_named_people_open_it_and_others_who_could_read_it_find_it_restricted(
    restricted, practitioner, colleague, lead, manager
):
    assert get_case_for_user(practitioner, restricted.pk, write=True) == restricted
    assert get_case_for_user(lead, restricted.pk) == restricted
    for user in (colleague, manager):
        with pytest.raises(CaseRestricted) as raised:
            get_case_for_user(user, restricted.pk)
        assert raised.value.reference == restricted.reference
        assert restricted not in readable_cases(user)
        found = findable_cases(user).get(pk=restricted.pk)
        assert found.opens is False


def test_outsiders_still_learn_nothing(restricted, outsider, board_member):
    for user in (outsider, board_member):
        with pytest.raises(Http404):
            get_case_for_user(user, restricted.pk)
        assert not findable_cases(user).filter(pk=restricted.pk).exists()
        with pytest.raises(Http404):
            actions.break_glass(restricted.pk, by=user, reason=NEED)


def test_a_person_whose_only_case_is_restricted_is_hidden(restricted, practitioner, colleague):
    person_id = restricted.person_id
    with pytest.raises(Http404):
        get_person_for_user(colleague, person_id)
    assert not find_people(colleague, "Philippa").people
    assert get_person_for_user(practitioner, person_id).pk == person_id
    assert find_people(practitioner, "Philippa").people


def test_a_person_with_another_case_open_to_the_user_stays_visible(
    restricted, practitioner, colleague
):
    factories.case(practitioner, about=restricted.person)
    assert readable_people(colleague).filter(pk=restricted.person_id).exists()


def test_break_glass_opens_it_for_a_time_audits_and_alerts(restricted, colleague, lead):
    grant = actions.break_glass(restricted.pk, by=colleague, reason=NEED)
    assert get_case_for_user(colleague, restricted.pk, write=True) == restricted
    assert get_person_for_user(colleague, restricted.person_id)
    assert grant.expires_at - grant.granted_at == datetime.timedelta(minutes=60)
    event = AuditEvent.objects.get(action="case.break_glass")
    assert (event.user, event.case_id, event.reason) == (colleague, restricted.pk, NEED)
    assert actions.unacknowledged_alerts() == [grant]
    actions.acknowledge_alert(grant.pk, by=lead)
    assert actions.unacknowledged_alerts() == []
    assert AuditEvent.objects.filter(action="case.break_glass_acknowledged").exists()


def test_break_glass_ends_when_the_grant_expires(restricted, colleague, settings):
    settings.BREAK_GLASS_MINUTES = 15
    past = timezone.now() - datetime.timedelta(minutes=16)
    grant = actions.break_glass(restricted.pk, by=colleague, reason=NEED, now=past)
    assert grant.expires_at < timezone.now()
    with pytest.raises(CaseRestricted):
        get_case_for_user(colleague, restricted.pk)
    with pytest.raises(Http404):
        get_person_for_user(colleague, restricted.person_id)


@pytest.mark.parametrize("reason", ["", "   ", "need it", "just checking now"])
def test_break_glass_needs_a_meaningful_reason(restricted, colleague, reason):
    with pytest.raises(ValidationError) as raised:
        actions.break_glass(restricted.pk, by=colleague, reason=reason)
    assert "reason" in raised.value.message_dict
    assert not BreakGlassGrant.objects.exists()


def test_break_glass_is_refused_when_not_needed(restricted, practitioner):
    with pytest.raises(ActionError, match="already open"):
        actions.break_glass(restricted.pk, by=practitioner, reason=NEED)
    open_case = factories.case(practitioner)
    with pytest.raises(ActionError, match="not restricted"):
        actions.break_glass(open_case.pk, by=practitioner, reason=NEED)


def test_leads_cannot_acknowledge_their_own_break_glass(restricted, lead, practitioner):
    other_lead = factories.user("safeguarding_lead", team_name=None, username="lea2")
    grant = actions.break_glass(restricted.pk, by=other_lead, reason=NEED)
    with pytest.raises(ActionError):
        actions.acknowledge_alert(grant.pk, by=other_lead)
    with pytest.raises(PermissionDenied):
        actions.acknowledge_alert(grant.pk, by=practitioner)


def test_only_a_lead_who_can_open_it_manages_the_restriction(
    restricted, practitioner, colleague, lead
):
    other_lead = factories.user("safeguarding_lead", team_name=None, username="lea2")
    with pytest.raises(PermissionDenied):
        actions.change_named_people(restricted, by=practitioner, named=[lead, colleague])
    with pytest.raises(PermissionDenied):
        actions.lift_restriction(restricted, by=other_lead, reason="It is no longer needed now")
    actions.change_named_people(restricted, by=lead, named=[lead, colleague])
    assert get_case_for_user(colleague, restricted.pk)
    with pytest.raises(CaseRestricted):
        get_case_for_user(practitioner, restricted.pk)


def test_naming_never_widens_access_and_keeps_a_lead(restricted, lead, outsider, practitioner):
    with pytest.raises(ValidationError, match="cannot see this team"):
        actions.change_named_people(restricted, by=lead, named=[lead, outsider])
    with pytest.raises(ValidationError, match="safeguarding lead"):
        actions.change_named_people(restricted, by=lead, named=[practitioner])


def test_lifting_opens_it_to_the_team_again_and_the_chronology_tells_the_story(
    restricted, practitioner, colleague, lead
):
    actions.change_named_people(restricted, by=lead, named=[lead, practitioner, colleague])
    actions.lift_restriction(
        restricted, by=lead, reason="The staff member has now left the council"
    )
    with pytest.raises(ActionError):
        actions.lift_restriction(restricted, by=lead, reason="The staff member has now left")
    assert get_case_for_user(factories.user(username="new"), restricted.pk)
    titles = [e.title for e in chronology(restricted)]
    assert titles[-3:] == [
        "Case restricted to named people",
        "People who may see the case changed",
        "Restriction lifted",
    ]
    restricted_entry = next(e for e in chronology(restricted) if e.action == "case.restricted")
    assert restricted_entry.reason == REASON
    names = ", ".join(sorted([lead.display_name, "Pat Okafor"]))
    assert ("Who may see it", names) in restricted_entry.details


def test_cannot_restrict_twice(restricted, lead):
    with pytest.raises(ActionError, match="already restricted"):
        actions.restrict_case(restricted, by=lead, reason=REASON, named=[])


def test_a_refused_look_at_a_restricted_case_is_in_the_audit_log(restricted, colleague):
    from msp.audit.models import AuditEvent

    with pytest.raises(CaseRestricted):
        get_case_for_user(colleague, restricted.pk)
    [refused] = AuditEvent.objects.filter(action="case.refused", user=colleague)
    assert refused.object_id == str(restricted.pk)
    assert not AuditEvent.objects.filter(action="view", user=colleague).exists()
