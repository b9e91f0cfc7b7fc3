"""The auditor's search forms. A person is found by record number or NHS number,
a case by reference or number, a user by username: never by name."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone

from msp.accounts.models import User
from msp.audit.desk import Filters
from msp.cases.models import Case
from msp.govuk.fields import GovukDateField
from msp.govuk.forms import GovukForm
from msp.people.models import Person
from msp.people.validators import normalise_nhs_number


def _start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class PeriodForm(GovukForm):
    date_from = GovukDateField(
        noun="the first date", label="From", required=False, help_text="For example, 1 4 2026"
    )
    date_to = GovukDateField(
        noun="the last date", label="To", required=False, help_text="For example, 30 4 2026"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("date_from"), data.get("date_to")
        if first and last and last < first:
            self.add_error("date_to", "The last date must be the same as or after the first date")
        return data

    def period(self) -> tuple[datetime.datetime | None, datetime.datetime | None]:
        first, last = self.cleaned_data.get("date_from"), self.cleaned_data.get("date_to")
        return (
            _start(first) if first else None,
            _start(last + datetime.timedelta(days=1)) if last else None,
        )


class PersonForm(GovukForm):
    record_number = forms.CharField(
        label="Record number",
        required=False,
        help_text="The person's record number in this service, for example 1234",
    )
    nhs_number = forms.CharField(label="NHS number", required=False, help_text="10 digits")

    def clean_record_number(self) -> int | None:
        value = self.cleaned_data["record_number"].strip()
        if not value:
            return None
        if not value.isdigit():
            raise forms.ValidationError("Record number must be a number, like 1234")
        return int(value)

    def clean_nhs_number(self) -> int | None:
        value = normalise_nhs_number(self.cleaned_data["nhs_number"])
        if not value:
            return None
        if len(value) != 10 or not value.isdigit():
            raise forms.ValidationError("NHS number must be 10 digits")
        person = Person.objects.filter(nhs_number=value).values_list("pk", flat=True).first()
        if person is None:
            raise forms.ValidationError("No person has this NHS number")
        return person

    def person_id(self) -> int | None:
        by_number = self.cleaned_data.get("record_number")
        by_nhs = self.cleaned_data.get("nhs_number")
        return by_number if by_number is not None else by_nhs

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        number, nhs = data.get("record_number"), data.get("nhs_number")
        if number is not None and nhs is not None and number != nhs:
            self.add_error("nhs_number", "This NHS number belongs to another record number")
        return data


class PersonLookupForm(PersonForm):
    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors and self.person_id() is None:
            self.add_error("record_number", "Enter a record number or an NHS number")
        return data


class SearchForm(PersonForm, PeriodForm):
    case = forms.CharField(
        label="Case reference or number", required=False, help_text="For example, SG-2026-000123"
    )
    username = forms.CharField(label="Username", required=False)
    action = forms.CharField(
        label="Action",
        required=False,
        help_text="For example view, case.refused, case.break_glass or person.updated",
    )

    field_order = [
        "record_number", "nhs_number", "case", "username", "action", "date_from", "date_to",
    ]  # fmt: skip

    def clean_case(self) -> int | None:
        value = self.cleaned_data["case"].strip()
        if not value:
            return None
        found = Case.objects.filter(reference__iexact=value).values_list("pk", flat=True).first()
        if found is None and value.isdigit():
            found = int(value)
        if found is None:
            raise forms.ValidationError("No case has this reference")
        return found

    def clean_username(self) -> User | None:
        value = self.cleaned_data["username"].strip()
        if not value:
            return None
        user = User.objects.filter(username=value).first()
        if user is None:
            raise forms.ValidationError("No user has this username")
        return user

    def clean_action(self) -> str:
        return str(self.cleaned_data["action"]).strip()

    def filters(self) -> Filters:
        start, end = self.period()
        return Filters(
            person_id=self.person_id(),
            case_id=self.cleaned_data.get("case"),
            user=self.cleaned_data.get("username"),
            action=self.cleaned_data.get("action", ""),
            start=start,
            end=end,
        )

    def terms(self) -> dict[str, Any]:
        """The search as the audit log records it: ids, not NHS numbers."""
        f = self.filters()
        return {
            key: value
            for key, value in {
                "person_id": f.person_id,
                "case_id": f.case_id,
                "user_id": f.user.pk if f.user else None,
                "action": f.action,
                "from": f.start.isoformat() if f.start else None,
                "to": f.end.isoformat() if f.end else None,
            }.items()
            if value
        }
