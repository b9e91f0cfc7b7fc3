"""A note about something that happened on an earlier day keeps that day; a
day the rule refuses is explained next to the date, with the note kept."""

import datetime

from django.urls import reverse
from django.utils import timezone

from msp.enquiries.models import CaseNote
from tests.web.conftest import date_parts, text_of
from tests.web.test_submit_once import token_in

NOTE = "Her neighbour phoned to say the son had been round again."


def test_a_note_of_an_earlier_day_keeps_that_day(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:note-new", args=[case.pk])
    today = timezone.localdate()
    data = {
        "text": NOTE,
        "submission_token": token_in(client.get(url)),
        **date_parts("happened_on", today),
    }
    assert client.post(url, data).status_code == 302
    note = CaseNote.objects.get(case=case)
    assert note.happened_on == today


def test_a_note_dated_before_the_concern_is_refused_next_to_the_date(
    client_for, practitioner, case_in
):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:note-new", args=[case.pk])
    before = case.concerns.get().raised_on - datetime.timedelta(days=3)
    data = {
        "text": NOTE,
        "submission_token": token_in(client.get(url)),
        **date_parts("happened_on", before),
    }
    page = client.post(url, data)
    assert page.status_code == 200
    assert "The date it happened cannot be before the first concern was raised" in text_of(page)
    assert NOTE in page.content.decode()
    assert not CaseNote.objects.filter(case=case).exists()
