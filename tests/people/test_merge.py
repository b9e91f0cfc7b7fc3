"""Merging two records of the same person: web, API and the audit trail."""

import datetime

from django.urls import reverse

from msp.audit.desk import about_person
from msp.audit.models import AuditEvent
from msp.cases.models import Case
from msp.people.models import Person
from msp.people.search import find_people
from tests import factories
from tests.web.conftest import text_of


def two_records(practitioner, outsider):
    born = datetime.date(1950, 5, 1)
    kept = factories.person(
        practitioner, given_name="Zoë", family_name="Boothroyd", date_of_birth=born, nhs_number=""
    )
    case = factories.case(outsider)
    merged = case.person
    Person.objects.filter(pk=merged.pk).update(given_name="Zoe", family_name="Boothroid")
    merged.refresh_from_db()
    merged.save()  # refresh the search keys
    return kept, merged, case


def test_lead_merges_two_records_with_a_check_step(client_for, lead, practitioner, outsider):
    kept, merged, case = two_records(practitioner, outsider)
    merged_nhs = merged.nhs_number
    client = client_for(lead)
    detail = text_of(client.get(reverse("people:detail", args=[kept.pk])))
    assert "Merge with another record of this person" in detail
    choose = client.get(reverse("people:merge", args=[kept.pk]), {"q": "boothroid"})
    assert reverse("people:merge-confirm", args=[kept.pk, merged.pk]) in choose.content.decode()
    url = reverse("people:merge-confirm", args=[kept.pk, merged.pk])
    check = text_of(client.get(url))
    assert "Check these are the same person" in check
    assert Case.objects.get(pk=case.pk).person_id == merged.pk  # nothing changed yet
    refused = client.post(url, {"reason": ""})
    assert "Enter why these are the same person" in text_of(refused)
    response = client.post(url, {"reason": "Same NHS number on the GP letter"})
    assert response["Location"] == reverse("people:detail", args=[kept.pk])
    kept.refresh_from_db()
    merged.refresh_from_db()
    assert Case.objects.get(pk=case.pk).person_id == kept.pk
    assert merged.merged_into_id == kept.pk  # kept as a pointer, never deleted
    assert kept.nhs_number == merged_nhs  # the detail it lacked
    assert [p.pk for p in find_people(lead, "boothroyd").people] == [kept.pk]
    # The old record's page leads to the kept one.
    old = client.get(reverse("people:detail", args=[merged.pk]))
    assert old["Location"] == reverse("people:detail", args=[kept.pk])
    # The audit trail: events about the old record are found for the kept one.
    merged_event = AuditEvent.objects.get(action="person.merged")
    assert merged_event.person_id == kept.pk
    assert merged_event.reason == "Same NHS number on the GP letter"
    about_kept = AuditEvent.objects.filter(about_person(kept.pk))
    created_old = AuditEvent.objects.get(action="person.created", person_id=merged.pk)
    assert about_kept.filter(pk=created_old.pk).exists()


def test_only_leads_merge(client_for, manager, administrator, practitioner, outsider):
    kept, merged, _case = two_records(practitioner, outsider)
    url = reverse("people:merge-confirm", args=[kept.pk, merged.pk])
    assert client_for(manager).get(url).status_code == 403
    assert client_for(manager).post(url, {"reason": "x"}).status_code == 403
    assert client_for(administrator).get(url).status_code in (403, 404)
    assert Person.objects.get(pk=merged.pk).merged_into_id is None


def test_different_nhs_numbers_are_not_merged(client_for, lead, practitioner, outsider):
    kept, merged, _case = two_records(practitioner, outsider)
    Person.objects.filter(pk=kept.pk).update(nhs_number=factories.nhs_number(900))
    url = reverse("people:merge-confirm", args=[kept.pk, merged.pk])
    response = client_for(lead).post(url, {"reason": "Looks the same"})
    assert response.status_code == 400
    assert "different NHS numbers" in text_of(response)
    assert Person.objects.get(pk=merged.pk).merged_into_id is None
