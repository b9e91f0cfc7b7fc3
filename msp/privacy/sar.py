"""Subject access export: everything recorded about a person, and who has
seen or changed it, as JSON and as a readable document.

Third parties are not removed: each field that may identify someone else (a
referrer, a representative, people present or consulted, the source of risk,
free text that may name others) is marked for review, and a list of them
comes first, because a person decides what to withhold before release. Staff
names are not marked: staff act in their official role and are normally
disclosed (see docs/operations.md, "Subject access").

The whole record is read with a fixed number of queries, whatever the number
of cases."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone

from msp.accounts.models import User
from msp.audit.models import AuditEvent
from msp.cases.models import Case
from msp.concerns.codes import AbuseType, SourceOfRisk
from msp.enquiries.models.contacts import CoercionIndicator
from msp.enquiries.models.involvement import ReferrerPart
from msp.people.models import Person
from msp.survey.models import SurveyAnswer

FORMAT = "msp-subject-access-export"
VERSION = 1

REFERRER = "Identifies the person who raised the concern, a third party"
REFERRER_CONFIDENTIAL = (
    "The person who raised the concern asked not to be identified: withhold unless they agree"
)
# What the export holds in place of a confidential referrer's details: they
# never leave the service in a subject access export.
WITHHELD = "Withheld: the person who raised the concern asked not to be identified"
OTHER_PERSON = "Names someone other than the person"
FREE_TEXT = "Free text that may name other people, such as the source of risk"
OTHERS_AT_RISK = "About other people at risk and the source of risk"

# (model label, field) -> why it needs review before release
MARKS: dict[str, dict[str, str]] = {
    "people.person": {"do_not_tell": "Names people who must not be told about the concern"},
    "concerns.concern": {
        "referrer_name": REFERRER,
        "referrer_job_title": REFERRER,
        "referrer_organisation": REFERRER,
        "referrer_contact": REFERRER,
        "referrer_relationship": REFERRER,
        "what_happened": FREE_TEXT,
    },
    "enquiries.outcomerevision": {
        "representative_name": OTHER_PERSON,
        "representative_relationship": OTHER_PERSON,
    },
    "enquiries.advocacyassessment": {
        "appropriate_individual_name": OTHER_PERSON,
        "advocate_name": OTHER_PERSON,
    },
    "enquiries.bestinterestsdecision": {"consulted": "Names and views of the people consulted"},
    "enquiries.contact": {"who_was_present": OTHER_PERSON, "notes": FREE_TEXT},
    "enquiries.override": {"shared_with": OTHER_PERSON, "advised_by": OTHER_PERSON},
    "enquiries.planaction": {"owner_name": OTHER_PERSON},
    "enquiries.riskassessment": {"risk_to_others": OTHERS_AT_RISK},
    "enquiries.risktoothersaction": {"details": OTHERS_AT_RISK},
    "enquiries.selfneglectrecord": {"trusted_person": OTHER_PERSON},
    "enquiries.casenote": {"text": FREE_TEXT},
    "enquiries.restriction": {"what": FREE_TEXT, "decided_by": OTHER_PERSON},
    "enquiries.referrerfeedback": {"what_was_said": "What the person who raised it was told"},
    "enquiries.involvement": {"referrer_part_details": REFERRER},
    "survey.surveyresponse": {"representative_role": OTHER_PERSON},
    "letters.letter": {
        "addressee": "May name the person who raised the concern, a third party",
        "send_to": "May be the address of the person who raised the concern",
        "text": FREE_TEXT,
    },
}

# JSON lists of codes, shown by their labels.
CODE_LISTS: dict[tuple[str, str], type[models.TextChoices]] = {
    ("concerns.concern", "abuse_types"): AbuseType,
    ("concerns.concern", "sources_of_risk"): SourceOfRisk,
    ("enquiries.contact", "coercion_indicators"): CoercionIndicator,
    ("enquiries.involvement", "referrer_part"): ReferrerPart,
}

# The PDF of a letter is the same words as its text, laid out.
SKIPPED = {"version", "case", "outcome", "closure", "response", "person", "pdf"}

# (relation on Case, heading, children relation or None)
MANY = (
    ("concerns", "Concerns raised", None),
    ("decisions", "Decisions on whether to make an enquiry", None),
    ("desired_outcomes", "What the person wanted to happen", "revisions"),
    ("advocacy_assessments", "Advocacy", None),
    ("capacity_assessments", "Mental capacity assessments", None),
    ("best_interests_decisions", "Best-interests decisions", None),
    ("restrictions", "Restrictions and decisions made for the person", None),
    ("contacts", "Contacts with the person", None),
    ("risk_to_others_actions", "Actions to protect other people", None),
    ("overrides", "Actions taken against wishes or without consent", None),
    ("plan_actions", "Safeguarding plan actions", None),
    ("notes", "Case notes", None),
    ("referrer_feedback", "Feedback to the person who raised the concern", None),
    ("referrer_escalations", "Escalations by the person who raised the concern", None),
    ("clutter_ratings", "Clutter ratings", None),
    ("closures", "Closures", None),
    ("letters", "Letters", None),
    ("surveys", "Outcome survey responses", "answers"),
)
ONE = (
    ("involvement", "How the person took part"),
    ("risk_assessment", "Risk assessment"),
    ("safeguarding_plan", "Safeguarding plan"),
    ("self_neglect", "Self-neglect"),
    ("death", "Death"),
)


@dataclass
class Field:
    name: str
    label: str
    value: Any  # JSON value
    shown: str  # as read in the document
    review: str = ""


@dataclass
class Entry:
    title: str
    fields: list[Field]
    children: list["Entry"] = field(default_factory=list)
    children_key: str = ""

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            f.name: {"value": f.value, "review_before_release": f.review} if f.review else f.value
            for f in self.fields
        }
        if self.children_key:
            data[self.children_key] = [c.as_json() for c in self.children]
        return data


@dataclass
class Section:
    key: str
    title: str
    entries: list[Entry]


@dataclass
class CaseExport:
    summary: Entry
    sections: list[Section]


@dataclass
class Access:
    at: datetime.datetime
    user: str
    role: str
    action: str
    what: str


@dataclass
class Export:
    person: Person
    produced_at: datetime.datetime
    produced_by: str
    details: Entry
    cases: list[CaseExport]
    access: list[Access]
    review: list[tuple[str, str, str]] = field(default_factory=list)  # where, label, why

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "produced_at": self.produced_at.isoformat(),
            "produced_by": self.produced_by,
            "review_before_release": [
                {"where": where, "field": label, "why": why} for where, label, why in self.review
            ],
            "person": self.details.as_json(),
            "cases": [
                {
                    **c.summary.as_json(),
                    **{
                        s.key: (
                            s.entries[0].as_json()
                            if s.key in dict(ONE)
                            else [e.as_json() for e in s.entries]
                        )
                        for s in c.sections
                    },
                }
                for c in self.cases
            ],
            "access_log": [
                {
                    "at": a.at.isoformat(),
                    "user": a.user,
                    "role": a.role,
                    "action": a.action,
                    "what": a.what,
                }
                for a in self.access
            ],
        }


def _user(user: User | None) -> str:
    if user is None:
        return "The system"
    return f"{user.display_name} ({user.get_role_display()})"


def _shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "Not recorded"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return f"{timezone.localtime(value):%-d %B %Y, %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%-d %B %Y}"
    if isinstance(value, list):
        return "; ".join(_shown(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_shown(v)}" for k, v in value.items())
    return str(value)


def _json(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


class _Reader:
    """Turns records into entries, with users looked up from one query."""

    def __init__(self, users: dict[int, User]) -> None:
        self.users = users

    def entry(self, obj: models.Model, title: str, review_reasons: dict[str, str]) -> Entry:
        label = obj._meta.label_lower
        marks = {**MARKS.get(label, {}), **review_reasons}
        out = []
        for f in obj._meta.concrete_fields:
            if f.name in SKIPPED:
                continue
            raw = getattr(obj, f.attname)
            value: Any
            if f.is_relation:
                if f.related_model is not User:
                    continue
                value = _user(self.users.get(raw)) if raw is not None else None
            elif f.choices:
                value = getattr(obj, f"get_{f.name}_display")() if raw not in ("", None) else ""
            elif (label, f.name) in CODE_LISTS:
                codes = CODE_LISTS[(label, f.name)]
                value = [codes(c).label if c in codes.values else c for c in raw]
            else:
                value = _json(raw)
            shown = _shown(raw if not f.is_relation and not f.choices else value)
            if (label, f.name) in CODE_LISTS:
                shown = _shown(value)
            review = marks.get(f.name, "") if raw not in ("", None, []) else ""
            if review == REFERRER_CONFIDENTIAL:
                value, shown, review = WITHHELD, WITHHELD, ""
            name = "id" if f.primary_key else f.name
            out.append(Field(name, str(f.verbose_name).capitalize(), value, shown, review))
        return Entry(title, out)


def _load(person_id: int) -> Person:
    many = [name for name, _, children in MANY if children is None]
    cases = Case.objects.select_related("team", *[name for name, _ in ONE]).prefetch_related(
        *many,
        "desired_outcomes__revisions",
        Prefetch(
            "surveys__answers",
            queryset=SurveyAnswer.objects.select_related("question", "response"),
        ),
    )
    return Person.objects.prefetch_related(Prefetch("cases", queryset=cases)).get(pk=person_id)


def _user_ids(objs: list[models.Model]) -> set[int]:
    ids = set()
    for obj in objs:
        for f in obj._meta.concrete_fields:
            if f.is_relation and f.related_model is User and getattr(obj, f.attname):
                ids.add(getattr(obj, f.attname))
    return ids


def _one(case: Case, name: str) -> models.Model | None:
    try:
        return getattr(case, name)  # type: ignore[no-any-return]
    except ObjectDoesNotExist:
        return None


def build(person_id: int, *, by: User | None) -> Export:
    person = _load(person_id)
    cases: list[Case] = sorted(person.cases.all(), key=lambda c: (c.opened_at, c.pk))
    records: dict[int, dict[str, list[models.Model]]] = {}
    everything: list[models.Model] = [person, *cases]
    for case in cases:
        parts: dict[str, list[models.Model]] = {}
        for name, _, children in MANY:
            rows = list(getattr(case, name).all())
            parts[name] = rows
            everything += rows
            for row in rows if children else []:
                everything += list(getattr(row, children).all())  # type: ignore[arg-type]
        for name, _ in ONE:
            one = _one(case, name)
            parts[name] = [one] if one is not None else []
            everything += parts[name]
        records[case.pk] = parts
    users = {u.pk: u for u in User.objects.filter(pk__in=_user_ids(everything))}
    reader = _Reader(users)

    export = Export(
        person=person,
        produced_at=timezone.now(),
        produced_by=_user(by),
        details=reader.entry(person, "The person's record", {}),
        cases=[],
        access=_access_log(person, cases),
    )
    for case in cases:
        summary = reader.entry(case, f"Case {case.reference}", {})
        summary.fields.insert(1, Field("team", "Team", case.team.name, case.team.name))
        sections = []
        for name, title, children in MANY:
            entries = []
            for i, row in enumerate(records[case.pk][name], start=1):
                entry = reader.entry(row, f"{title}: {i}", _conditional(row))
                if children:
                    entry.children_key = children
                    for child in getattr(row, children).all():
                        entry.children.append(reader.entry(child, _child_title(child), {}))
                entries.append(entry)
            if entries:
                sections.append(Section(name, title, entries))
        for name, title in ONE:
            rows = records[case.pk][name]
            if rows:
                sections.append(Section(name, title, [reader.entry(rows[0], title, {})]))
        export.cases.append(CaseExport(summary, sections))
    export.review = _review_list(export)
    return export


def _conditional(row: models.Model) -> dict[str, str]:
    """Review reasons that depend on the record itself."""
    label = row._meta.label_lower
    if label == "concerns.concern" and (
        getattr(row, "referrer_confidential", False) or getattr(row, "referrer_anonymous", False)
    ):
        return {
            name: REFERRER_CONFIDENTIAL
            for name, why in MARKS["concerns.concern"].items()
            if why == REFERRER
        }
    if label == "enquiries.planaction" and getattr(row, "owner_kind", "") in ("person", "worker"):
        return {"owner_name": ""}
    return {}


def _child_title(child: models.Model) -> str:
    if isinstance(child, SurveyAnswer):
        # The wording put to whoever answered: the person, or their representative.
        asked = child.question.text_for(child.response.respondent)
        return f"Question {child.question.number}: {asked}"
    return f"Version {getattr(child, 'number', child.pk)}"


def _review_list(export: Export) -> list[tuple[str, str, str]]:
    found = []

    def walk(entry: Entry, where: str) -> None:
        for f in entry.fields:
            if f.review:
                found.append((f"{where}.{f.name}", f"{entry.title}: {f.label}", f.review))
        for i, child in enumerate(entry.children):
            walk(child, f"{where}.{entry.children_key}[{i}]")

    walk(export.details, "person")
    for n, case in enumerate(export.cases):
        walk(case.summary, f"cases[{n}]")
        for section in case.sections:
            for i, entry in enumerate(section.entries):
                where = f"cases[{n}].{section.key}"
                walk(entry, where if section.key in dict(ONE) else f"{where}[{i}]")
    return found


def _access_log(person: Person, cases: list[Case]) -> list[Access]:
    references = {c.pk: c.reference for c in cases}
    events = (
        AuditEvent.objects.filter(Q(person_id=person.pk) | Q(case_id__in=list(references)))
        .select_related("user")
        .order_by("at", "pk")
    )
    log = []
    for event in events:
        user = event.user
        what = _object_name(event.object_type)
        if event.case_id in references:
            what += f" in case {references[event.case_id]}"
        log.append(
            Access(
                at=event.at,
                user=user.display_name if user else "The system",
                role=user.get_role_display() if user else "",
                action="Viewed" if event.action == AuditEvent.VIEW else event.action,
                what=what,
            )
        )
    return log


def _object_name(object_type: str) -> str:
    try:
        return str(apps.get_model(object_type)._meta.verbose_name).capitalize()
    except (LookupError, ValueError):
        return object_type
