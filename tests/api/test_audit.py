"""Every read of a person or case through the API is in the audit log, as channel "api"."""

from msp.audit.models import AuditEvent
from tests import factories


def views(user, **filters):
    return AuditEvent.objects.filter(user=user, action="view", **filters)


def test_case_reads_are_audited(api, practitioner):
    case = factories.case(practitioner, state="enquiry")
    outcome = case.desired_outcomes.get()
    client = api(practitioner)
    for path in [
        f"/cases/{case.pk}",
        f"/cases/{case.pk}/chronology",
        f"/cases/{case.pk}/concerns",
        f"/cases/{case.pk}/outcomes",
        f"/outcomes/{outcome.pk}/revisions",
    ]:
        before = views(practitioner).count()
        assert client.get(path).status_code == 200
        [event] = views(practitioner).order_by("-id")[: views(practitioner).count() - before]
        assert event.channel == "api", path
        assert event.object_type == "cases.case"
        assert event.object_id == str(case.pk)
        assert event.case_id == case.pk
        assert event.person_id == case.person_id


def test_person_read_is_audited(api, practitioner):
    person = factories.person(practitioner)
    assert api(practitioner).get(f"/people/{person.pk}").status_code == 200
    [event] = views(practitioner, object_type="people.person")
    assert (event.channel, event.object_id, event.person_id) == ("api", str(person.pk), person.pk)


def test_listed_records_are_audited(api, manager, practitioner, outsider):
    north = factories.case(practitioner)
    south = factories.case(outsider)
    client = api(manager)
    assert client.get("/cases").json()["count"] == 2
    listed = views(manager, object_type="cases.case")
    assert {e.case_id for e in listed} == {north.pk, south.pk}
    assert {e.channel for e in listed} == {"api"}
    assert client.get("/people", q=north.person.family_name).json()["count"] == 1
    [event] = views(manager, object_type="people.person")
    assert (event.person_id, event.channel) == (north.person_id, "api")


def test_refused_reads_are_not_audited_as_views(api, outsider, practitioner):
    case = factories.case(practitioner)
    assert api(outsider).get(f"/cases/{case.pk}").status_code == 404
    assert not views(outsider).exists()


def test_changes_are_audited_with_the_api_channel(api, practitioner):
    case = factories.case(practitioner)
    r = api(practitioner).post(f"/cases/{case.pk}/triage", {"version": case.version})
    assert r.status_code == 200
    event = AuditEvent.objects.changes().filter(case_id=case.pk).latest("id")
    assert (event.action, event.channel, event.user) == ("case.start_triage", "api", practitioner)
