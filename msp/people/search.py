"""Finding a person by name, NHS number or date of birth."""

import datetime
import re

from django.db.models import Q, QuerySet

from msp.accounts.access import readable_people
from msp.accounts.models import User
from msp.people.models import Person
from msp.people.validators import normalise_nhs_number

_DATE = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")

MAX_RESULTS = 50


def _date(text: str) -> datetime.date | None:
    if m := _DATE.match(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def find_people(user: User, query: str) -> QuerySet[Person]:
    """People the user may see that match ``query``; none for an empty query."""
    text = " ".join(query.split())
    people = readable_people(user)
    if not text:
        return people.none()
    digits = normalise_nhs_number(text)
    if len(digits) == 10 and digits.isdigit():
        return people.filter(nhs_number=digits)
    born = _date(text)
    if born is not None:
        return people.filter(date_of_birth=born)
    for word in text.split(" "):
        people = people.filter(
            Q(given_name__icontains=word)
            | Q(family_name__icontains=word)
            | Q(preferred_name__icontains=word)
        )
    return people
