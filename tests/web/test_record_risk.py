"""Risk, actions to protect others, decisions against someone's wishes (and
co-signing them), and the person's death, through the web pages."""

import re

from django.urls import reverse
from django.utils import timezone

from msp.enquiries.models import DeathRecord, Override, RiskAssessment, RiskToOthersAction
from tests import factories
from tests import record_factories as rf
from tests.web.conftest import (
    chronology_of,
    date_parts,
    section_of,
    summary_of,
    text_of,
    whole_case,
)


def today():
    return timezone.localdate()


def version_in(response) -> str:
    found = re.search(r'name="version"(?: value="(\d*)")?', response.content.decode())
    assert found, "the form has no version"
    return found.group(1) or ""


RISK = {
    "risk_to_person": "Her grandson takes her pension each week.",
    "other_adults_at_risk": "yes",
    "children_at_risk": "no",
    "public_at_risk": "unknown",
    "risk_to_others": "He also visits his other grandmother.",
    "source_trust_role": "none",
    "source_has_contact_with_others_at_risk": "yes",
    "crime_may_have_been_committed": "yes",
    "police_decision": "reported",
    "police_decision_reason": "Theft: she agreed to us telling the police.",
}


def test_assess_then_change_the_risk(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:risk", args=[case.pk])
    form = client.get(url)
    assert version_in(form) == ""  # nothing saved yet
    assert 'id="police_decision"' in form.content.decode()
    assert client.post(url, {**RISK, "version": ""}).status_code == 302

    form = client.get(url)
    assert "Change the risk assessment" in text_of(form)
    assert version_in(form) == "1"
    assert "Her grandson takes her pension each week." in form.content.decode()
    response = client.post(
        url, {**RISK, "risk_to_person": "He has stopped visiting.", "version": "1"}
    )
    assert response.status_code == 302
    page = whole_case(client, case.pk)
    risk = section_of(page, "risk")
    assert "He has stopped visiting." in risk and "Reported to the police" in risk
    assert "Change the risk assessment" in risk
    assert chronology_of(page).count("Risk assessment saved by Pat Okafor") == 2
    assert RiskAssessment.objects.get(case=case).version == 2


def test_two_people_changing_the_risk_at_once(client_for, practitioner, colleague, case_in):
    case = case_in("enquiry")
    rf.risk_assessment(case, practitioner)
    url = reverse("enquiries:risk", args=[case.pk])
    mine, theirs = client_for(practitioner), client_for(colleague)
    my_form = mine.get(url)
    their_form = theirs.get(url)
    theirs.post(
        url,
        {**RISK, "risk_to_person": "Cal's view of the risk.", "version": version_in(their_form)},
    )
    response = mine.post(
        url, {**RISK, "risk_to_person": "My view of the risk.", "version": version_in(my_form)}
    )
    assert response.status_code == 409
    text = text_of(response)
    assert "Cal Reyes changed this record while you were working on it" in text
    assert "Cal's view of the risk." in text  # what they changed
    assert "My view of the risk." in response.content.decode()  # what I typed is kept
    assert version_in(response) == "2"  # saving again works
    assert RiskAssessment.objects.get(case=case).risk_to_person == "Cal's view of the risk."
    again = mine.post(
        url, {**RISK, "risk_to_person": "My view of the risk.", "version": version_in(response)}
    )
    assert again.status_code == 302


def test_two_people_assessing_the_risk_for_the_first_time(
    client_for, practitioner, colleague, case_in
):
    case = case_in("enquiry")
    url = reverse("enquiries:risk", args=[case.pk])
    client_for(colleague).post(url, {**RISK, "version": ""})
    response = client_for(practitioner).post(url, {**RISK, "version": ""})
    assert response.status_code == 409
    assert "Cal Reyes changed this record" in text_of(response)
    assert RiskAssessment.objects.filter(case=case).count() == 1


def test_a_crime_needs_the_police_decision(client_for, practitioner, case_in):
    case = case_in("enquiry")
    response = client_for(practitioner).post(
        reverse("enquiries:risk", args=[case.pk]),
        {**RISK, "police_decision": "", "police_decision_reason": "", "version": ""},
    )
    html = response.content.decode()
    assert '<a href="#police_decision">Select whether the police were told</a>' in html
    assert "Her grandson takes her pension each week." in html
    assert not RiskAssessment.objects.exists()


def test_record_an_action_to_protect_others(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    response = client.post(
        reverse("enquiries:risk-action-new", args=[case.pk]),
        {
            "kind": "pipot",
            "details": "Referred to the PiPoT lead at the care agency.",
            **date_parts("done_on", today()),
            "done_by": "Pat Okafor",
        },
    )
    assert response.status_code == 302
    page = whole_case(client, case.pk)
    assert "Person in a position of trust (PiPoT) referral" in section_of(page, "risk")
    assert "Action to protect others recorded by Pat Okafor" in chronology_of(page)
    assert RiskToOthersAction.objects.filter(case=case).count() == 1


def override_post(cosigner, **overrides):
    values = {
        "kind": "shared_without_consent",
        "shared_what": "Her address and the concern.",
        "shared_with": "Northmoor police",
        **date_parts("shared_on", today()),
        "ground": "serious_crime",
        "legal_basis": "Data Protection Act 2018, Schedule 2 part 1 paragraph 2.",
        "rationale": "Theft of her pension is a serious crime and continuing.",
        "decided_by": "Pat Okafor with Mo Hughes",
        "advised_by": "",
        **date_parts("decided_on", today()),
        "person_told": "no",
        "not_told_reason": "Telling her now would alert her grandson.",
        "cosigner": str(cosigner.pk) if cosigner else "",
    }
    values.update(overrides)
    return values


def test_the_cosigner_list_offers_managers_of_the_team_and_leads(
    client_for, practitioner, manager, other_manager, lead, case_in
):
    case = case_in("enquiry")
    html = client_for(manager).get(reverse("enquiries:override-new", args=[case.pk])).content
    options = html.decode()
    assert f'<option value="{lead.pk}">' in options
    assert f'value="{other_manager.pk}"' not in options  # cannot change this case
    assert f'value="{manager.pk}"' not in options  # not themselves
    assert f'value="{practitioner.pk}"' not in options


def test_an_override_needs_a_cosigner(client_for, practitioner, case_in):
    case = case_in("enquiry")
    response = client_for(practitioner).post(
        reverse("enquiries:override-new", args=[case.pk]), override_post(None)
    )
    html = response.content.decode()
    message = "Choose a team manager or safeguarding lead, other than you, to co-sign"
    assert f'<a href="#cosigner">{message}</a>' in html
    assert '<p id="cosigner-error" class="govuk-error-message">' in html
    assert "Telling her now would alert her grandson." in html
    assert not Override.objects.exists()


def test_record_and_cosign_an_override(client_for, practitioner, manager, lead, case_in):
    case = case_in("enquiry")
    web = client_for(practitioner)
    response = web.post(reverse("enquiries:override-new", args=[case.pk]), override_post(manager))
    assert response.status_code == 302
    override = Override.objects.get(case=case)
    assert override.person_told is False and override.cosigner == manager

    # The practitioner sees it waiting, without a button to co-sign it
    overrides = section_of(whole_case(web, case.pk), "overrides")
    assert "Shared information without consent" in overrides
    assert "Waiting for Mo Hughes to co-sign" in overrides
    assert "Co-sign this decision" not in overrides

    # Mo sees it on My cases, and on the case page with a button
    mine = text_of(client_for(manager).get(reverse("cases:my-cases")))
    assert "Overrides waiting for you to co-sign" in mine and case.reference in mine
    page = whole_case(client_for(manager), case.pk)
    assert "Co-sign this decision" in section_of(page, "overrides")

    # Someone else who can change the case cannot co-sign it
    url = reverse("enquiries:override-cosign", args=[override.pk])
    assert client_for(lead).post(url).status_code == 403
    assert client_for(practitioner).post(url).status_code == 403
    assert not Override.objects.get(pk=override.pk).is_cosigned

    response = client_for(manager).post(url)
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    page = whole_case(client_for(manager), case.pk)
    overrides = section_of(page, "overrides")
    assert f"Co-signed by Mo Hughes on {today().day} {today():%B %Y}" in overrides
    assert "Decision against someone's wishes co-signed by Mo Hughes" in chronology_of(page)
    assert "Overrides waiting for you to co-sign" not in text_of(
        client_for(manager).get(reverse("cases:my-cases"))
    )
    # Twice is refused, with the reason
    again = client_for(manager).post(url)
    assert again.status_code == 409
    assert "This decision has already been co-signed." in text_of(again)


def test_another_teams_manager_cannot_cosign(client_for, practitioner, other_manager, case_in):
    case = case_in("enquiry")
    override = rf.override(case, practitioner)
    url = reverse("enquiries:override-cosign", args=[override.pk])
    assert client_for(other_manager).post(url).status_code == 403
    assert not Override.objects.get(pk=override.pk).is_cosigned


def test_record_the_persons_death(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    before = text_of(whole_case(client, case.pk))
    assert "Record that the person has died" in before
    url = reverse("enquiries:death", args=[case.pk])
    response = client.post(
        url,
        {
            "version": "",
            **date_parts("date_of_death", today()),
            "others_remain_at_risk": "yes",
            "sar_criteria_may_be_met": "yes",
            **date_parts("sar_referred_on", today()),
            "sar_considerations": "Neglect by a paid carer is suspected; agencies did not share.",
        },
    )
    assert response.status_code == 302
    page = whole_case(client, case.pk)
    death = section_of(page, "death")
    assert "The person has died" in death and "Neglect by a paid carer is suspected" in death
    assert "Change the record of the person's death" in death
    assert "The person's death recorded by Pat Okafor" in chronology_of(page)
    assert DeathRecord.objects.get(case=case).sar_referred_on == today()
    case.person.refresh_from_db()
    assert case.person.date_of_death == today()


def test_a_death_before_birth_is_refused(client_for, practitioner, case_in):
    case = case_in("enquiry")
    response = client_for(practitioner).post(
        reverse("enquiries:death", args=[case.pk]),
        {
            "version": "",
            "date_of_death-day": "1",
            "date_of_death-month": "1",
            "date_of_death-year": "1900",
            "others_remain_at_risk": "no",
            "sar_criteria_may_be_met": "no",
            "sar_considerations": "Natural causes.",
        },
    )
    assert "Date of death cannot be before the person's date of birth" in summary_of(response)
    assert 'value="1900"' in response.content.decode()
    assert not DeathRecord.objects.exists()


def test_cosigner_must_be_active(client_for, practitioner, manager, case_in):
    case = case_in("enquiry")
    retired = factories.user("team_manager", username="gone", is_active=False)
    response = client_for(practitioner).post(
        reverse("enquiries:override-new", args=[case.pk]), override_post(retired)
    )
    assert "Choose a team manager or safeguarding lead" in summary_of(response)
