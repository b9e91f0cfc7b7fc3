import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from msp.people.codes import ContactSafety, Ethnicity, Gender, PrimarySupportReason
from msp.people.matching import fold, name_key, postcode_key
from msp.people.validators import (
    validate_adult_date_of_birth,
    validate_nhs_number,
    years_between,
)


class Person(models.Model):
    """The adult the concern is about."""

    given_name = models.CharField("First name", max_length=100)
    family_name = models.CharField("Last name", max_length=100)
    preferred_name = models.CharField("Preferred name", max_length=100, blank=True)
    date_of_birth = models.DateField(validators=[validate_adult_date_of_birth])
    # True when the date of birth was worked out from an estimated age: shown as "about N".
    date_of_birth_estimated = models.BooleanField(default=False, db_default=False)
    date_of_death = models.DateField(null=True, blank=True)
    nhs_number = models.CharField(
        "NHS number",
        max_length=10,
        blank=True,
        validators=[validate_nhs_number],
        help_text="10 digits, on letters from the NHS and GP",
    )
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    phone = models.CharField("Phone number", max_length=40, blank=True)
    email = models.EmailField("Email address", blank=True)
    gender = models.CharField(max_length=2, choices=Gender.choices, default=Gender.NOT_KNOWN)
    ethnicity = models.CharField(
        max_length=2, choices=Ethnicity.choices, default=Ethnicity.NOT_KNOWN
    )
    primary_support_reason = models.CharField(
        max_length=32, choices=PrimarySupportReason.choices, default=PrimarySupportReason.NOT_KNOWN
    )
    communication_needs = models.TextField(
        blank=True,
        help_text="For example an interpreter, British Sign Language, easy read, or more time",
    )
    # Contact safety: shown wherever contact details are shown.
    safe_to_phone = models.CharField(
        max_length=10, choices=ContactSafety.choices, default=ContactSafety.UNKNOWN
    )
    safe_to_write = models.CharField(
        max_length=10, choices=ContactSafety.choices, default=ContactSafety.UNKNOWN
    )
    safe_to_leave_message = models.CharField(
        "Safe to leave a message",
        max_length=10,
        choices=ContactSafety.choices,
        default=ContactSafety.UNKNOWN,
    )
    do_not_tell = models.TextField(
        "Who must not be told",
        blank=True,
        help_text="People who must not learn about the concern or the person's contact details",
    )
    # The team that first recorded the person; they can see the person before any case.
    team = models.ForeignKey("accounts.Team", null=True, on_delete=models.PROTECT)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    # Set when this record was merged into another record of the same person: it
    # stays as a pointer (never deleted), and its cases now belong to the other.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_records"
    )
    # Search keys, folded by msp.people.matching and kept up to date on save.
    search_name = models.CharField(max_length=700, blank=True, default="", db_default="")
    search_address = models.TextField(blank=True, default="", db_default="")
    postcode_key = models.CharField(max_length=10, blank=True, default="", db_default="")

    class Meta:
        ordering = ["family_name", "given_name", "id"]
        indexes = [
            models.Index(fields=["date_of_birth"], name="person_date_of_birth"),
            models.Index(fields=["postcode_key"], name="person_postcode_key"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["nhs_number"],
                condition=~models.Q(nhs_number=""),
                name="person_nhs_number_unique",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_search_keys()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *SEARCH_KEYS}
        super().save(*args, **kwargs)

    def refresh_search_keys(self) -> None:
        for field, value in search_keys(self).items():
            setattr(self, field, value)

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    def age_on(self, day: datetime.date) -> int:
        return years_between(self.date_of_birth, day)

    @property
    def age(self) -> int:
        return self.age_on(self.date_of_death or timezone.localdate())

    @property
    def born_display(self) -> str:
        """The date of birth, or "about N" when only an estimated age is known."""
        if self.date_of_birth_estimated:
            return f"about {self.age}"
        return f"{self.date_of_birth.day} {self.date_of_birth:%B %Y}"

    @property
    def primary_support_reason_words(self) -> str:
        """The primary support reason in plain words (msp.words)."""
        from msp.words import plain

        return plain(PrimarySupportReason, self.primary_support_reason)

    @property
    def nhs_number_display(self) -> str:
        n = self.nhs_number
        return f"{n[:3]} {n[3:6]} {n[6:]}" if len(n) == 10 else n

    @property
    def contact_warnings(self) -> list[str]:
        """Plain-English warnings to show next to contact details."""
        warnings = []
        for field, label in (
            ("safe_to_phone", "phone"),
            ("safe_to_write", "write to"),
            ("safe_to_leave_message", "leave a message for"),
        ):
            value = getattr(self, field)
            if value == ContactSafety.NOT_SAFE:
                warnings.append(f"Do not {label} this person.")
            elif value == ContactSafety.UNKNOWN:
                warnings.append(f"Check it is safe before you {label} this person.")
        if self.do_not_tell:
            warnings.append(f"Must not be told: {self.do_not_tell}")
        return warnings

    # Fields a form or API may set, and that the audit log records.
    EDITABLE_FIELDS = (
        "given_name",
        "family_name",
        "preferred_name",
        "date_of_birth",
        "date_of_birth_estimated",
        "nhs_number",
        "address",
        "postcode",
        "phone",
        "email",
        "gender",
        "ethnicity",
        "primary_support_reason",
        "communication_needs",
        "safe_to_phone",
        "safe_to_write",
        "safe_to_leave_message",
        "do_not_tell",
    )


SEARCH_KEYS = ("search_name", "search_address", "postcode_key")


def search_keys(person: Person) -> dict[str, str]:
    """The folded search keys for a person (also for rows written without ``save``)."""
    return search_keys_of(
        given_name=person.given_name,
        family_name=person.family_name,
        preferred_name=person.preferred_name,
        address=person.address,
        postcode=person.postcode,
    )


def search_keys_of(
    *, given_name: str, family_name: str, preferred_name: str, address: str, postcode: str
) -> dict[str, str]:
    """The folded search keys from a person's details, for rows written in bulk."""
    return {
        "search_name": name_key(given_name, family_name, preferred_name),
        "search_address": fold(f"{address} {postcode}"),
        "postcode_key": postcode_key(postcode),
    }
