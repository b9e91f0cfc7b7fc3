"""The access helper's rules, without HTTP."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from msp.accounts.access import (
    get_case_for_user,
    get_person_for_user,
    readable_cases,
    readable_people,
)
from msp.audit.models import AuditEvent
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def north_case(practitioner):
    return factories.case(practitioner)


@pytest.fixture
def south_case(outsider):
    return factories.case(outsider)


def test_practitioners_see_their_teams_cases_only(practitioner, colleague, north_case, south_case):
    assert list(readable_cases(practitioner)) == [north_case]
    assert get_case_for_user(colleague, north_case.pk, write=True) == north_case
    with pytest.raises(Http404):
        get_case_for_user(practitioner, south_case.pk)


def test_managers_read_every_case_but_change_only_their_teams(
    manager, other_manager, north_case, south_case
):
    assert set(readable_cases(other_manager)) == {north_case, south_case}
    assert get_case_for_user(other_manager, north_case.pk) == north_case
    with pytest.raises(PermissionDenied):
        get_case_for_user(other_manager, north_case.pk, write=True)
    assert get_case_for_user(manager, north_case.pk, write=True) == north_case


def test_leads_read_and_change_every_case(lead, north_case, south_case):
    assert set(readable_cases(lead)) == {north_case, south_case}
    assert get_case_for_user(lead, south_case.pk, write=True) == south_case


@pytest.mark.parametrize("role_fixture", ["board_member", "auditor", "administrator"])
def test_non_casework_roles_see_no_case_and_no_person(request, role_fixture, north_case):
    user = request.getfixturevalue(role_fixture)
    assert not readable_cases(user).exists()
    assert not readable_people(user).exists()
    with pytest.raises(Http404):
        get_case_for_user(user, north_case.pk)
    with pytest.raises(Http404):
        get_person_for_user(user, north_case.person_id)


def test_people_are_visible_through_their_team_or_a_case(practitioner, outsider, north_case):
    lone = factories.person(outsider)
    assert north_case.person in readable_people(practitioner)
    assert lone not in readable_people(practitioner)
    # A South case about the same person makes them visible to South
    factories.case(outsider, about=north_case.person)
    assert north_case.person in readable_people(outsider)


def test_inactive_users_see_nothing(practitioner, north_case):
    practitioner.is_active = False
    practitioner.save()
    assert not readable_cases(practitioner).exists()


def test_every_read_is_audited_and_writes_are_not_double_counted(practitioner, north_case):
    get_case_for_user(practitioner, north_case.pk)
    get_person_for_user(practitioner, north_case.person_id)
    get_case_for_user(practitioner, north_case.pk, write=True)
    views = AuditEvent.objects.filter(action="view", user=practitioner)
    assert [(v.object_type, v.case_id, v.person_id) for v in views] == [
        ("cases.case", north_case.pk, north_case.person_id),
        ("people.person", None, north_case.person_id),
    ]


def test_refused_reads_leave_no_view_event(outsider, north_case):
    with pytest.raises(Http404):
        get_case_for_user(outsider, north_case.pk)
    assert not AuditEvent.objects.filter(action="view", user=outsider).exists()


@pytest.mark.parametrize(
    ("role_fixture", "board", "statutory_return"),
    [
        ("practitioner", False, False),
        ("manager", False, False),
        ("lead", True, True),
        ("board_member", True, False),
        ("auditor", False, False),
        ("administrator", False, False),
    ],
)
def test_who_sees_aggregate_figures(request, role_fixture, board, statutory_return):
    from msp.accounts.access import can_view_board, can_view_return

    user = request.getfixturevalue(role_fixture)
    assert can_view_board(user) is board
    assert can_view_return(user) is statutory_return


def test_performance_officers_see_the_return_but_cannot_open_cases(db):
    from msp.accounts.access import can_open_listed_cases, can_view_board, can_view_return
    from msp.accounts.models import Role

    officer = factories.user(Role.PERFORMANCE, team_name=None)
    assert can_view_return(officer) and not can_view_board(officer)
    assert not can_open_listed_cases(officer)
    assert not readable_cases(officer).exists()
