"""The one way to build a case: replay an import document (docs/import-format.md)
through the action functions, each step dated as it really happened.

Each item of the document (a concern, the decision, a contact, the closure
...) names its author (``by``, a username) and when it happened (``at``). The
builder sorts the items by that date and calls the action function for each,
passing the date as ``at``: the action checks it (not before the first
concern, not in the future), keeps it as the date the thing happened, and
writes its audit event now, as the time it was recorded. Nothing is written
behind the action functions' backs.

``build_case`` raises ``ImportRefused`` naming the item and field that could
not be recorded, and why; the caller's transaction then rolls the case back.
The management command, the demo data and the test factories all build
cases through here.
"""

import datetime
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone

from msp.accounts.models import Team, User
from msp.audit.channel import current_channel
from msp.cases.actions import allocate_case
from msp.cases.errors import ActionError
from msp.cases.history import as_moment
from msp.cases.models import Case
from msp.concerns import actions as concern_actions
from msp.concerns.models import Concern
from msp.enquiries import actions as enquiry_actions
from msp.enquiries.models import (
    AdvocacyAssessment,
    BestInterestsDecision,
    CapacityAssessment,
    CaseNote,
    ClutterRating,
    Contact,
    DeathRecord,
    DesiredOutcome,
    Involvement,
    Override,
    PlanAction,
    ReferrerEscalation,
    ReferrerFeedback,
    Restriction,
    RiskAssessment,
    RiskToOthersAction,
    SafeguardingPlan,
    SelfNeglectRecord,
)
from msp.people.actions import create_person
from msp.people.models import Person
from msp.practice.gate import GuardBlocked

# What the action functions call the date an item happened, in their
# refusals; in the document it is the item's "at".
WHEN_FIELDS = frozenset({"happened_on", "received_on", "decided_on", "started_on", "closed_on"})

# Fields of a record the system sets itself.
SYSTEM_FIELDS = frozenset(
    {"case", "recorded_at", "recorded_by", "version", "happened_on", "cosigned_at"}
)

# Keys every dated item may have besides its fields.
META_KEYS = frozenset({"at", "by", "id", "type"})


class ImportRefused(Exception):
    """An item could not be recorded. ``path`` names it in the document
    (``record[3].contacted_on``); ``reason`` says why, in plain English."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Kind:
    """A kind of record item: its model, and whether the case has only one
    (saved again to change it) or many."""

    model: type[models.Model]
    add: Callable[..., models.Model]
    singleton: bool = False


A = enquiry_actions
RECORD_KINDS: dict[str, Kind] = {
    "contact": Kind(Contact, A.add_contact),
    "capacity": Kind(CapacityAssessment, A.add_capacity_assessment),
    "best_interests": Kind(BestInterestsDecision, A.add_best_interests_decision),
    "restriction": Kind(Restriction, A.add_restriction),
    "advocacy": Kind(AdvocacyAssessment, A.add_advocacy_assessment),
    "involvement": Kind(Involvement, A.save_involvement, singleton=True),
    "note": Kind(CaseNote, A.add_note),
    "risk": Kind(RiskAssessment, A.save_risk_assessment, singleton=True),
    "risk_to_others_action": Kind(RiskToOthersAction, A.add_risk_to_others_action),
    "override": Kind(Override, A.record_override),
    "death": Kind(DeathRecord, A.record_death, singleton=True),
    "plan": Kind(SafeguardingPlan, A.save_plan, singleton=True),
    "plan_action": Kind(PlanAction, A.add_plan_action),
    "self_neglect": Kind(SelfNeglectRecord, A.save_self_neglect, singleton=True),
    "clutter": Kind(ClutterRating, A.add_clutter_rating),
    "feedback": Kind(ReferrerFeedback, A.add_referrer_feedback),
    "escalation": Kind(ReferrerEscalation, A.add_referrer_escalation),
}
# Changes to an earlier item, which it names by its "id".
UPDATE_KINDS = {
    "plan_action_update": ("action", PlanAction),
    "cosign": ("override", Override),
    "escalation_resolved": ("escalation", ReferrerEscalation),
}

# The order of steps that happen at the same moment.
RANK = {
    "concern": 0,
    "triage": 1,
    "decision": 2,
    "allocation": 3,
    "enquiry": 4,
    "record": 5,
    "outcome": 6,
    "revision": 7,
    "closing": 8,
    "rating": 9,
    "closure": 10,
    "reopen": 11,
}


def parse_when(value: Any) -> datetime.datetime:
    """``at``: an ISO date (midday, local time) or date and time."""
    if isinstance(value, datetime.date):  # from Python builders
        return as_moment(value)
    if not isinstance(value, str):
        raise ValueError("Enter the date it happened, like 2025-04-30")
    try:
        if "T" in value or " " in value:
            return as_moment(datetime.datetime.fromisoformat(value))
        return as_moment(datetime.date.fromisoformat(value))
    except ValueError:
        raise ValueError(
            f"{value!r} is not a date: write it like 2025-04-30 or 2025-04-30T14:05"
        ) from None


def parse_date(value: Any) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{value!r} is not a date: write it like 2025-04-30") from None


def _name(given: Any, family: Any) -> tuple[str, str]:
    return (" ".join(str(given or "").split()).lower(), " ".join(str(family or "").split()).lower())


def _day(at: datetime.datetime | None) -> datetime.date:
    return timezone.localtime(at).date() if at is not None else timezone.localdate()


@dataclass
class Step:
    at: datetime.datetime
    episode: int
    rank: int
    order: int
    path: str
    run: Callable[[], None]


@dataclass
class Builder:
    """Replays one document. ``person`` stands in for the document's person
    (the test factories pass one they made)."""

    doc: Mapping[str, Any]
    person: Person | None = None
    team: Team | None = None
    case: Case | None = None
    steps: list[Step] = field(default_factory=list)
    made: dict[str, models.Model] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    outcome_ids: list[int] = field(default_factory=list)
    now: datetime.datetime = field(default_factory=timezone.now)

    # Reading the document ------------------------------------------------------

    def user(self, username: Any, path: str) -> User:
        if not isinstance(username, str) or not username:
            raise ImportRefused(path, "Give the username of the person who did this")
        if username not in self.users:
            found = User.objects.filter(username=username).first()
            if found is None:
                raise ImportRefused(path, f"There is no user with the username {username!r}")
            self.users[username] = found
        return self.users[username]

    def when(self, item: Mapping[str, Any], path: str) -> datetime.datetime | None:
        """When the item happened. Only builders in Python (the test factories)
        may leave it out, meaning now; the file format requires it."""
        if item.get("at") is None:
            return None
        try:
            return parse_when(item.get("at"))
        except ValueError as error:
            raise ImportRefused(f"{path}.at", str(error)) from None

    def fields(self, item: Mapping[str, Any], skip: frozenset[str] = frozenset()) -> dict[str, Any]:
        return {k: v for k, v in item.items() if k not in META_KEYS and k not in skip}

    def add(
        self, section: str, item: Mapping[str, Any], path: str, run: Callable[[], None], ep: int
    ) -> None:
        if not isinstance(item, Mapping):
            raise ImportRefused(path, "Each item must be an object with its fields")
        self.steps.append(
            Step(self.when(item, path) or self.now, ep, RANK[section], len(self.steps), path, run)
        )

    def plan(self) -> None:
        doc = self.doc
        concerns = doc.get("concerns") or []
        if not concerns and self.case is None:
            raise ImportRefused("concerns", "A case needs at least one concern")
        for n, concern in enumerate(concerns):
            self.add("concern", concern, f"concerns[{n}]", self._concern(n, concern), 0)
        self._plan_episode(doc, "", 0)
        for n, item in enumerate(doc.get("record") or []):
            self.add("record", item, f"record[{n}]", self._record(item, f"record[{n}]"), 0)
        for n, later in enumerate(doc.get("reopenings") or []):
            path = f"reopenings[{n}]"
            self.add("reopen", later, path, self._reopen(later, path), n + 1)
            self._plan_episode(later, f"{path}.", n + 1)

    def _plan_episode(self, part: Mapping[str, Any], prefix: str, ep: int) -> None:
        for name in ("triage", "allocation", "enquiry", "closing"):
            item = part.get(name)
            if item is not None:
                self.add(name, item, prefix + name, self._transition(name, item, prefix + name), ep)
        for n, decision in enumerate(part.get("decisions") or []):
            path = f"{prefix}decisions[{n}]"
            self.add("decision", decision, path, self._decision(decision, path), ep)
        for n, outcome in enumerate(part.get("outcomes") or []):
            path = f"{prefix}outcomes[{n}]"
            self.add("outcome", outcome, path, self._outcome(outcome, path), ep)
            for r, revision in enumerate(outcome.get("revisions") or []):
                rpath = f"{path}.revisions[{r}]"
                self.add("revision", revision, rpath, self._revise(outcome, revision, rpath), ep)
            rating = outcome.get("rating")
            if rating is not None:
                self.add("rating", rating, f"{path}.rating", self._rate(outcome, rating, path), ep)
        closure = part.get("closure")
        if closure is not None:
            self.add("closure", closure, prefix + "closure", self._close(closure, prefix), ep)

    # Doing each step -----------------------------------------------------------

    def fresh(self) -> Case:
        assert self.case is not None
        self.case = Case.objects.get(pk=self.case.pk)
        return self.case

    def _make_person(self, by: User) -> Person:
        if self.person is not None:
            return self.person
        values = dict(self.doc.get("person") or {})
        if not values:
            raise ImportRefused("person", "Give the person the case is about")
        number = values.get("nhs_number")
        if number:
            existing = Person.objects.filter(nhs_number=str(number).replace(" ", "")).first()
            if existing is not None:
                if _name(existing.given_name, existing.family_name) != _name(
                    values.get("given_name"), values.get("family_name")
                ):
                    raise ImportRefused(
                        "person.nhs_number",
                        "This NHS number is already recorded for someone with another name",
                    )
                self.person = existing
                return existing
        author = self.user(values.pop("by"), "person.by") if "by" in values else by
        try:
            values["date_of_birth"] = parse_date(values.get("date_of_birth"))
        except ValueError as error:
            raise ImportRefused("person.date_of_birth", str(error)) from None
        with refusals("person"):
            self.person = create_person(by=author, team=self.team, **values)
        return self.person

    def _concern(self, n: int, item: Mapping[str, Any]) -> Callable[[], None]:
        path = f"concerns[{n}]"

        def run() -> None:
            by = self.user(item.get("by"), f"{path}.by")
            at = self.when(item, path)
            values = self.fields(item)
            try:
                values["raised_on"] = parse_date(values.get("raised_on")) or _day(at)
            except ValueError as error:
                raise ImportRefused(f"{path}.raised_on", str(error)) from None
            if n == 0 and self.case is None:
                team_name = self.doc.get("team")
                if team_name:
                    self.team = Team.objects.filter(name=team_name).first()
                    if self.team is None:
                        raise ImportRefused("team", f"There is no team called {team_name!r}")
                person = self._make_person(by)
                with refusals(path):
                    self.case = concern_actions.raise_concern(
                        person=person, by=by, team=self.team, at=at, **values
                    )
                made: models.Model | None = self.case.concerns.get()
            else:
                case = self.fresh()
                with refusals(path):
                    made = concern_actions.add_concern(
                        case, by=by, expected_version=case.version, at=at, **values
                    )
            if "id" in item and made is not None:
                self.made[str(item["id"])] = made

        return run

    def _transition(self, name: str, item: Mapping[str, Any], path: str) -> Callable[[], None]:
        def run() -> None:
            by = self.user(item.get("by"), f"{path}.by")
            at = self.when(item, path)
            case = self.fresh()
            with refusals(path):
                if name == "triage":
                    concern_actions.start_triage(case, by=by, expected_version=case.version, at=at)
                elif name == "allocation":
                    worker = self.user(item.get("worker"), f"{path}.worker")
                    allocate_case(
                        case,
                        by=by,
                        worker=worker,
                        expected_version=case.version,
                        reason=str(item.get("reason") or ""),
                        at=at,
                    )
                elif name == "enquiry":
                    lead = item.get("lead_worker")
                    enquiry_actions.start_enquiry(
                        case,
                        by=by,
                        expected_version=case.version,
                        lead_worker=self.user(lead, f"{path}.lead_worker") if lead else None,
                        at=at,
                    )
                elif name == "closing":
                    enquiry_actions.start_closing(case, by=by, expected_version=case.version, at=at)

        return run

    def _decision(self, item: Mapping[str, Any], path: str) -> Callable[[], None]:
        def run() -> None:
            by = self.user(item.get("by"), f"{path}.by")
            case = self.fresh()
            with refusals(path):
                concern_actions.record_decision(
                    case,
                    by=by,
                    expected_version=case.version,
                    at=self.when(item, path),
                    **self.fields(item),
                )

        return run

    def _outcome(self, item: Mapping[str, Any], path: str) -> Callable[[], None]:
        def run() -> None:
            by = self.user(item.get("by"), f"{path}.by")
            case = self.fresh()
            with refusals(path):
                outcome = enquiry_actions.add_outcome(
                    case,
                    by=by,
                    expected_version=case.version,
                    at=self.when(item, path),
                    **self.fields(item, frozenset({"revisions", "rating"})),
                )
            self.outcome_ids.append(outcome.pk)
            self.made[f"outcome:{id(item)}"] = outcome
            if "id" in item:
                self.made[str(item["id"])] = outcome

        return run

    def _outcome_of(self, item: Mapping[str, Any]) -> DesiredOutcome:
        made = self.made[f"outcome:{id(item)}"]
        assert isinstance(made, DesiredOutcome)
        return DesiredOutcome.objects.get(pk=made.pk)

    def _revise(
        self, outcome: Mapping[str, Any], item: Mapping[str, Any], path: str
    ) -> Callable[[], None]:
        def run() -> None:
            by = self.user(item.get("by"), f"{path}.by")
            record = self._outcome_of(outcome)
            values = {
                "whose_words": outcome.get("whose_words", ""),
                "representative_name": outcome.get("representative_name", ""),
                "representative_relationship": outcome.get("representative_relationship", ""),
                **self.fields(item),
            }
            with refusals(path):
                enquiry_actions.revise_outcome(
                    record,
                    by=by,
                    expected_version=record.version,
                    at=self.when(item, path),
                    **values,
                )

        return run

    def _rate(
        self, outcome: Mapping[str, Any], item: Mapping[str, Any], path: str
    ) -> Callable[[], None]:
        def run() -> None:
            by = self.user(item.get("by"), f"{path}.rating.by")
            record = self._outcome_of(outcome)
            with refusals(f"{path}.rating"):
                enquiry_actions.rate_outcome(
                    record,
                    by=by,
                    expected_version=record.version,
                    achievement=str(item.get("achievement") or ""),
                    person_view=str(item.get("person_view") or ""),
                    at=self.when(item, f"{path}.rating"),
                )

        return run

    def _close(self, item: Mapping[str, Any], prefix: str) -> Callable[[], None]:
        path = prefix + "closure"

        def run() -> None:
            by = self.user(item.get("by"), f"{path}.by")
            case = self.fresh()
            overrides = item.get("duty_overrides") or None
            try:
                with refusals(path):
                    enquiry_actions.close_case(
                        case,
                        by=by,
                        expected_version=case.version,
                        duty_overrides=overrides,
                        at=self.when(item, path),
                        **self.fields(item, frozenset({"duty_overrides"})),
                    )
            except GuardBlocked as blocked:
                ids = ", ".join(f.check_id for f in blocked.findings)
                raise ImportRefused(
                    f"{path}.duty_overrides",
                    f"The practice guard finds legal duties not shown as met ({ids}). Add "
                    "what the record is missing, or a manager's reason for each in "
                    "duty_overrides",
                ) from blocked

        return run

    def _reopen(self, item: Mapping[str, Any], path: str) -> Callable[[], None]:
        def run() -> None:
            by = self.user(item.get("by"), f"{path}.by")
            at = self.when(item, path)
            concern = dict(item.get("concern") or {})
            try:
                concern["raised_on"] = parse_date(concern.get("raised_on")) or _day(at)
            except ValueError as error:
                raise ImportRefused(f"{path}.concern.raised_on", str(error)) from None
            case = self.fresh()
            with refusals(path):
                enquiry_actions.reopen_case(
                    case,
                    by=by,
                    expected_version=case.version,
                    reason=str(item.get("reason") or ""),
                    at=at,
                    **concern,
                )

        return run

    def _record(self, item: Mapping[str, Any], path: str) -> Callable[[], None]:
        kind_name = item.get("type") if isinstance(item, Mapping) else None

        def run() -> None:
            by = self.user(item.get("by"), f"{path}.by")
            at = self.when(item, path)
            case = self.fresh()
            if kind_name in UPDATE_KINDS:
                self._update(str(kind_name), item, path, by, at)
                return
            kind = RECORD_KINDS.get(str(kind_name))
            if kind is None:
                raise ImportRefused(f"{path}.type", f"{kind_name!r} is not a type of record")
            values = self.values(kind.model, self.fields(item), path)
            extra: dict[str, Any] = {}
            if kind.singleton:
                existing = kind.model._default_manager.filter(case=case).first()
                extra["expected_version"] = None if existing is None else existing.version  # type: ignore[attr-defined]
            with refusals(path):
                made = kind.add(case, by=by, at=at, **extra, **values)
            if "id" in item:
                self.made[str(item["id"])] = made

        return run

    def _update(
        self, kind: str, item: Mapping[str, Any], path: str, by: User, at: datetime.datetime | None
    ) -> None:
        key, model = UPDATE_KINDS[kind]
        label = item.get(key)
        earlier = self.made.get(str(label))
        if not isinstance(earlier, model):
            raise ImportRefused(f"{path}.{key}", f"No earlier item has the id {label!r}")
        earlier = model._default_manager.get(pk=earlier.pk)
        values = self.values(model, self.fields(item, frozenset({key})), path)
        with refusals(path):
            if isinstance(earlier, PlanAction):
                A.update_plan_action(
                    earlier, by=by, expected_version=earlier.version, at=at, **values
                )
            elif isinstance(earlier, Override):
                A.cosign_override(earlier, by=by)
            elif isinstance(earlier, ReferrerEscalation):
                A.resolve_referrer_escalation(
                    earlier,
                    by=by,
                    expected_version=earlier.version,
                    resolution=str(values.get("resolution") or ""),
                    resolved_on=values.get("resolved_on"),
                )

    def values(self, model: type[models.Model], raw: dict[str, Any], path: str) -> dict[str, Any]:
        """Field values from JSON: dates parsed, people by username, earlier
        items by their id."""
        out: dict[str, Any] = {}
        for name, value in raw.items():
            if name in SYSTEM_FIELDS:
                raise ImportRefused(f"{path}.{name}", "This is set by the system, not imported")
            try:
                f = model._meta.get_field(name)
            except Exception:
                raise ImportRefused(
                    f"{path}.{name}", "This is not a field of this record"
                ) from None
            if isinstance(f, models.ForeignKey):
                out[name] = self._reference(f, value, f"{path}.{name}")
            elif isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField):
                try:
                    out[name] = parse_date(value)
                except ValueError as error:
                    raise ImportRefused(f"{path}.{name}", str(error)) from None
            else:
                out[name] = value
        return out

    def _reference(self, f: models.ForeignKey[Any, Any], value: Any, path: str) -> Any:
        if value is None or value == "":
            return None
        if f.related_model is User:
            return self.user(value, path)
        if f.related_model is Concern and value == "latest":
            return self.fresh().concerns.order_by("-raised_on", "-id").first()
        earlier = self.made.get(str(value))
        if earlier is None or not isinstance(earlier, f.related_model):
            raise ImportRefused(path, f"No earlier item has the id {value!r}")
        return earlier

    def prepare(self) -> list[Step]:
        """The document's steps in the order they happened, not yet done.
        The demo loader runs the steps of many cases in one time order."""
        self.plan()
        # The first concern opens the case, so it goes first whatever the other
        # dates say: an item dated before it is then refused by its action.
        opening = "concerns[0]" if self.case is None else ""
        self.steps.sort(key=lambda s: (s.path != opening, s.at, s.episode, s.rank, s.order))
        return self.steps

    def run(self) -> Case:
        steps = self.prepare()
        with import_channel():
            for step in steps:
                step.run()
        return self.fresh()


@contextmanager
def import_channel() -> Iterator[None]:
    """Audit events written meanwhile say they came through an import."""
    token = current_channel.set("import")
    try:
        yield
    finally:
        current_channel.reset(token)


@contextmanager
def refusals(path: str) -> Iterator[None]:
    """Turn an action's refusal into ``ImportRefused`` naming the item (and
    the field, when the action named one)."""
    try:
        yield
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            name, messages = next(iter(error.message_dict.items()))
            if name in WHEN_FIELDS:
                name = "at"
            where = path if name in ("__all__", "") else f"{path}.{name}"
            raise ImportRefused(where, " ".join(messages)) from error
        raise ImportRefused(path, " ".join(error.messages)) from error
    except GuardBlocked:
        raise
    except (ActionError, PermissionDenied, ObjectDoesNotExist) as error:
        raise ImportRefused(path, str(error) or type(error).__name__) from error
    except TypeError as error:
        raise ImportRefused(path, f"A field is not one this item has ({error})") from error


def build_case(
    doc: Mapping[str, Any], *, person: Person | None = None, case: Case | None = None
) -> Case:
    """Replay ``doc`` through the action functions and return the case. Call
    inside a transaction: on ``ImportRefused`` the caller rolls it back.

    With ``case``, the document continues that case: its concerns are further
    concerns on it, and its other items happen to it (tests that tell a
    history a step at a time use this)."""
    return Builder(doc, person=person, case=case).run()
