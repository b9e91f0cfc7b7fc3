"""An adult raising a concern about themselves does not repeat their own name:
the referrer comes from the person's record, on a new case and on a repeat
concern added to an open one."""

from django.utils import timezone

from msp.audit.models import AuditEvent
from msp.concerns.models import Concern
from tests import factories


def _self_concern(**changes):
    return {
        **factories.CONCERN,
        "raised_on": timezone.localdate().isoformat(),
        "raised_via": "self",
        **changes,
    }


def test_self_referral_fills_the_referrer_from_the_person(api, practitioner):
    person = factories.person(practitioner, given_name="Ada", family_name="Brook")
    r = api(practitioner).post(f"/people/{person.pk}/concerns", _self_concern())
    assert r.status_code == 201, r.content
    [concern] = r.json()["concerns"]
    assert concern["referrer_name"] == "Ada Brook"
    assert concern["referrer_relationship"] == "The person themselves"
    assert concern["referrer"] == "Ada Brook"


def test_what_is_typed_for_a_self_referral_is_replaced(api, practitioner):
    """A job title or an anonymous flag makes no sense for the adult themselves."""
    person = factories.person(practitioner, given_name="Ada", family_name="Brook")
    r = api(practitioner).post(
        f"/people/{person.pk}/concerns",
        _self_concern(
            referrer_name="A Brook",
            referrer_job_title="Retired teacher",
            referrer_organisation="Nowhere",
            referrer_anonymous=True,
            referrer_contact="07700 900123",
        ),
    )
    assert r.status_code == 201, r.content
    concern = Concern.objects.get(pk=r.json()["concerns"][0]["id"])
    assert (concern.referrer_name, concern.referrer_job_title, concern.referrer_organisation) == (
        "Ada Brook",
        "",
        "",
    )
    assert not concern.referrer_anonymous
    assert concern.referrer_contact == "07700 900123"  # how to reach them is kept


def test_repeat_self_referral_on_an_open_case(api, practitioner):
    case = factories.case(practitioner)
    case.person.given_name, case.person.family_name = "Ada", "Brook"
    case.person.save()
    r = api(practitioner).post(
        f"/cases/{case.pk}/concerns", {"version": case.version, **_self_concern()}
    )
    assert r.status_code in (200, 201), r.content
    latest = Concern.objects.filter(case=case).order_by("-id").first()
    assert latest is not None and latest.referrer_name == "Ada Brook"
    event = AuditEvent.objects.filter(case_id=case.pk).order_by("-id").first()
    assert event is not None
    assert event.changes["referrer_name"] == [None, "Ada Brook"]


def test_a_concern_still_takes_the_old_name_for_the_job_title(api, practitioner):
    """`referrer_role` on a concern was renamed `referrer_job_title`; the old name
    is accepted until the next API version."""
    person = factories.person(practitioner)
    r = api(practitioner).post(
        f"/people/{person.pk}/concerns",
        {
            **_self_concern(),
            "raised_via": "partner",
            "referrer_name": "Nia Evans",
            "referrer_role": "District nurse",
        },
    )
    assert r.status_code == 201, r.content
    [concern] = r.json()["concerns"]
    assert concern["referrer_job_title"] == "District nurse"
    assert "referrer_role" not in concern
