"""Synthetic cases go through the access helper and the case page like any other."""

import pytest
from django.urls import reverse

from msp.accounts.access import get_case_for_user, readable_cases
from msp.accounts.models import Role, Team
from msp.assurance.synthetic import DEFAULT_TEAM
from msp.cases.models import Case, CaseState, EnquiryType
from msp.concerns.codes import LocationOfRisk
from msp.enquiries.codes import ActionResult, MspAsked
from msp.enquiries.models import DesiredOutcome
from msp.words import plain
from tests import factories
from tests.web.conftest import text_of, whole_case


def closed_s42_case_with_outcomes():
    return (
        Case.objects.filter(state=CaseState.CLOSED, enquiry_type=EnquiryType.S42)
        .filter(pk__in=DesiredOutcome.objects.values("case_id"))
        .order_by("pk")
        .first()
    )


def test_a_lead_can_read_every_synthetic_case(generated, lead):
    assert readable_cases(lead).count() == Case.objects.count()
    case = closed_s42_case_with_outcomes()
    assert get_case_for_user(lead, case.pk) == case


def test_a_lead_opens_a_closed_synthetic_enquiry(generated, lead, client_for):
    case = closed_s42_case_with_outcomes()
    concern = case.concerns.get()
    closure = case.closures.get()
    response = whole_case(client_for(lead), case.pk)
    assert response.status_code == 200
    text = text_of(response)
    assert f"Case {case.reference}" in text
    assert case.person.full_name in text
    assert concern.what_happened in text
    # in plain words on a staff page, not the national label
    assert plain(LocationOfRisk, concern.location_of_risk) in text
    assert "Section 42 enquiry" in text
    assert plain(ActionResult, closure.action_result) in text
    assert plain(MspAsked, closure.msp_asked) in text
    outcome = DesiredOutcome.objects.filter(case=case).first()
    assert outcome.current.text in text


def test_a_lead_opens_a_synthetic_enquiry_still_under_way(generated, lead, client_for):
    case = Case.objects.filter(state=CaseState.ENQUIRY).order_by("pk").first()
    response = whole_case(client_for(lead), case.pk)
    assert response.status_code == 200
    assert "An enquiry is under way with the person." in text_of(response)


def test_the_owning_team_sees_the_cases_and_other_teams_do_not(generated, client_for):
    case = closed_s42_case_with_outcomes()
    team_member = factories.user(Role.PRACTITIONER, team_name=DEFAULT_TEAM, username="syn1")
    outsider = factories.user(Role.PRACTITIONER, team_name="North locality team", username="n1")
    assert readable_cases(team_member).count() == Case.objects.count()
    assert not readable_cases(outsider).exists()
    url = reverse("cases:detail", args=[case.pk])
    assert client_for(team_member).get(url).status_code == 200
    assert client_for(outsider).get(url).status_code == 404
    assert Team.objects.get(name=DEFAULT_TEAM).cases.count() == Case.objects.count()


@pytest.mark.parametrize("who", ["board_member", "auditor", "administrator"])
def test_roles_without_casework_see_no_synthetic_case(generated, request, client_for, who):
    user = request.getfixturevalue(who)
    case = closed_s42_case_with_outcomes()
    assert whole_case(client_for(user), case.pk).status_code == 404


def test_a_lead_finds_synthetic_people_by_name_and_by_a_word_of_the_address(generated, lead):
    from msp.people.models import Person
    from msp.people.search import find_people

    person = Person.objects.order_by("pk").first()
    assert person in find_people(lead, f"{person.given_name} {person.family_name}").people
    street = person.address.split(",")[0].split()[-2]  # "12 Mill Lane, ..." -> "Mill"
    found = find_people(lead, f"{person.family_name} {street}").people
    assert person in found
