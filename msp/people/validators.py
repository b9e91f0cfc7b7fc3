import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

ADULT_AGE = 18


def normalise_nhs_number(value: str) -> str:
    return "".join(ch for ch in value if not ch.isspace() and ch != "-")


def nhs_number_is_valid(value: str) -> bool:
    """Modulus 11 check on a 10-digit NHS number."""
    digits = normalise_nhs_number(value)
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - (total % 11)
    if check == 11:
        check = 0
    if check == 10:
        return False
    return check == int(digits[9])


def validate_nhs_number(value: str) -> None:
    if value and not nhs_number_is_valid(value):
        raise ValidationError(
            "Enter a valid NHS number: 10 digits, like 943 476 5919", code="nhs_number"
        )


def years_between(born: datetime.date, on: datetime.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def validate_adult_date_of_birth(value: datetime.date) -> None:
    today = timezone.localdate()
    if value > today:
        raise ValidationError("Date of birth must be in the past", code="future")
    if years_between(value, today) < ADULT_AGE:
        raise ValidationError(
            "Date of birth must be at least 18 years ago: this service is for adults",
            code="not_adult",
        )
    if years_between(value, today) > 120:
        raise ValidationError("Date of birth must be within the last 120 years", code="too_old")


def estimated_date_of_birth(age: int, today: datetime.date | None = None) -> datetime.date:
    """A date of birth that gives ``age`` today: the same day, ``age`` years back
    (28 February for someone "born" on 29 February in a year that has none)."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year - age)
    except ValueError:
        return today.replace(year=today.year - age, day=28)
