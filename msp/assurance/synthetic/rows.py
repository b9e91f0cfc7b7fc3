"""Synthetic rows, made in memory: no database access here.

``Builder.add_person`` makes one adult and the cases for each of their
concerns, from the first concern to the closure, as plain tuples ready for
``writer.Table``. Everything is drawn from one seeded ``random.Random``, so the
same seed gives the same people and cases (ids aside, which follow on from
whatever the database already holds).

The data is a snapshot taken at the end of the period: anything that would
happen after it (a decision, the end of an enquiry) has not happened yet, so
cases near the end are still open, as in a real council.
"""

import bisect
import datetime
import enum
import math
import random
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from msp.assurance import period as reporting
from msp.assurance.synthetic import proportions as p
from msp.assurance.synthetic import text
from msp.cases.models import CaseState
from msp.concerns.codes import (
    AbuseType,
    DecisionResult,
    LocationOfRisk,
    RaisedVia,
    SourceOfRisk,
    YesNoUnknown,
)
from msp.enquiries.codes import (
    Achievement,
    ActionResult,
    ClosureReason,
    LackedCapacity,
    MspAsked,
    WhoseWords,
)
from msp.enquiries.models.capacity import Ability
from msp.enquiries.rules import overall_achievement
from msp.people.codes import Gender
from msp.people.models import SEARCH_KEYS, search_keys_of

UTC = datetime.UTC
DAY = 86_400.0
Row = tuple[Any, ...]


class Chooser:
    """Draws a key with probability proportional to its weight."""

    def __init__(self, weights: Mapping[Any, float]) -> None:
        # Plain values, not enum members: they go straight into the database.
        self.keys = [k.value if isinstance(k, enum.Enum) else k for k in weights]
        self.cumulative: list[float] = []
        total = 0.0
        for weight in weights.values():
            total += weight
            self.cumulative.append(total)
        self.total = total

    def __call__(self, rng: random.Random) -> Any:
        return self.keys[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


def _uniform_days(rng: random.Random, bounds: tuple[int, int]) -> datetime.timedelta:
    return datetime.timedelta(seconds=rng.uniform(bounds[0] * DAY, bounds[1] * DAY))


def nhs_check_digit(body: str) -> int | None:
    """The modulus 11 check digit for nine digits, or None if there is none."""
    total = sum(int(d) * w for d, w in zip(body, range(10, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return None if check == 10 else check


class NhsNumbers:
    """Hands out valid NHS numbers from the 999 test range, never one already
    used. Walks the million possible numbers in a fixed, seed-dependent order
    and gives up (returns "") once they run out."""

    RANGE = 1_000_000
    STEP = 7_919  # coprime with RANGE, so the walk visits every number once

    def __init__(self, seed: int, taken: set[str]) -> None:
        self.taken = taken
        self.position = (seed * 104_729) % self.RANGE
        self.visited = 0

    def next(self) -> str:
        while self.visited < self.RANGE:
            body = f"999{self.position:06d}"
            self.position = (self.position + self.STEP) % self.RANGE
            self.visited += 1
            check = nhs_check_digit(body)
            if check is None:
                continue
            number = f"{body}{check}"
            if number not in self.taken:
                self.taken.add(number)
                return number
        return ""


@dataclass
class Period:
    """Whole reporting years (``msp.assurance.period``), one after another."""

    start_year: int
    years: int

    @property
    def first_day(self) -> datetime.date:
        return reporting.Period(self.start_year).first_day

    @property
    def last_day(self) -> datetime.date:
        return reporting.Period(self.start_year + self.years - 1).last_day

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    @property
    def end(self) -> datetime.datetime:
        """The moment the snapshot is taken: midnight after the last day."""
        return datetime.datetime.combine(
            self.last_day + datetime.timedelta(days=1), datetime.time(), UTC
        )


def reporting_year(day: datetime.date) -> str:
    """'2024-25' for any day from 1 April 2024 to 31 March 2025."""
    return reporting.Period.containing(day).code


def age_band(age: int) -> str:
    for low, high in p.AGE_BANDS:
        if low <= age <= high:
            return f"{low}-{high}" if high < 95 else "95+"
    return "95+" if age > 95 else "under 18"


def _years_between(born: datetime.date, on: datetime.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@dataclass
class Summary:
    """What was made, counted while making it. Equal for equal seeds."""

    people: int = 0
    cases: int = 0
    concerns: int = 0
    outcomes: int = 0
    outcome_revisions: int = 0
    capacity_assessments: int = 0
    nhs_numbers: int = 0
    deaths: int = 0
    counts: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def count(self, what: str, key: str, n: int = 1) -> None:
        self.counts[what][key] += n

    def as_dict(self) -> dict[str, Any]:
        return {
            "people": self.people,
            "cases": self.cases,
            "concerns": self.concerns,
            "outcomes": self.outcomes,
            "outcome_revisions": self.outcome_revisions,
            "capacity_assessments": self.capacity_assessments,
            "nhs_numbers": self.nhs_numbers,
            "deaths": self.deaths,
            **{what: dict(sorted(c.items())) for what, c in sorted(self.counts.items())},
        }


@dataclass
class Ids:
    """The next free id of each table."""

    next: dict[str, int]

    def take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value


@dataclass
class Chunk:
    """Rows made since the last flush, by table name."""

    people: list[Row] = field(default_factory=list)
    cases: list[Row] = field(default_factory=list)
    concerns: list[Row] = field(default_factory=list)
    decisions: list[Row] = field(default_factory=list)
    outcomes: list[Row] = field(default_factory=list)
    revisions: list[Row] = field(default_factory=list)
    capacity: list[Row] = field(default_factory=list)
    closures: list[Row] = field(default_factory=list)


# Column order of each table's rows, as attnames. writer.Table fills every
# other column with the field's default.
COLUMNS: dict[str, tuple[str, ...]] = {
    "people": (
        "id", "given_name", "family_name", "date_of_birth", "date_of_death", "nhs_number",
        "address", "gender", "ethnicity", "primary_support_reason", "communication_needs",
        "safe_to_phone", "safe_to_write", "safe_to_leave_message", "team_id", "created_at",
        "created_by_id", "version", *SEARCH_KEYS,
    ),
    "cases": (
        "id", "reference", "person_id", "team_id", "lead_worker_id", "state", "enquiry_type",
        "opened_at", "enquiry_started_at", "closed_at", "version",
    ),
    "concerns": (
        "id", "case_id", "raised_on", "received_at", "raised_via", "raised_by_id",
        "referrer_anonymous", "referrer_confidential", "referrer_name", "referrer_job_title",
        "referrer_organisation", "what_happened", "abuse_types", "location_of_risk",
        "sources_of_risk", "immediate_safety_actions", "person_aware", "person_wishes",
    ),
    "decisions": (
        "id", "case_id", "has_care_and_support_needs", "care_and_support_needs_evidence",
        "experiencing_or_at_risk", "experiencing_or_at_risk_evidence", "unable_to_protect_self",
        "unable_to_protect_self_evidence", "result", "proportionate_response",
        "response_details", "decided_at", "decided_by_id",
    ),
    "outcomes": (
        "id", "case_id", "created_at", "created_by_id", "achievement", "person_view",
        "rated_at", "rated_by_id", "version",
    ),
    "revisions": (
        "id", "outcome_id", "number", "text", "whose_words", "representative_name",
        "representative_relationship", "reason", "recorded_at", "recorded_by_id",
    ),
    "capacity": (
        "id", "case_id", "recorded_at", "recorded_by_id", "decision", "assessed_on",
        "assessor_name", "support_given", "understand", "understand_evidence", "retain",
        "retain_evidence", "use_or_weigh", "use_or_weigh_evidence", "communicate",
        "communicate_evidence", "impairment", "impairment_evidence",
    ),
    "closures": (
        "id", "case_id", "closed_at", "closed_by_id", "reason", "action_result", "risk_outcome",
        "msp_asked", "lacked_capacity", "capacity_support", "open_door", "outcomes_achieved",
    ),
}  # fmt: skip

RISK_OUTCOME_RESULTS = frozenset({ActionResult.RISK_ACTION})
FULLY = Achievement.FULLY.value
PARTIALLY = Achievement.PARTIALLY.value


class Builder:
    """Makes people and their cases into ``chunk``, counting into ``summary``."""

    def __init__(
        self,
        *,
        seed: int,
        period: Period,
        ids: Ids,
        team_id: int,
        user_id: int,
        worker_name: str,
        nhs_numbers: NhsNumbers,
    ) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.period = period
        self.ids = ids
        self.team_id = team_id
        self.user_id = user_id
        self.worker_name = worker_name
        self.nhs = nhs_numbers
        self.chunk = Chunk()
        self.summary = Summary()
        self.concerns_per_person = Chooser(p.CONCERNS_PER_PERSON)
        self.age_band = Chooser(p.AGE_BANDS)
        self.gender = Chooser(p.GENDER)
        self.ethnicity = Chooser(p.ETHNICITY)
        self.psr = Chooser(p.PRIMARY_SUPPORT_REASON)
        self.contact_safety = Chooser(p.CONTACT_SAFETY)
        self.abuse_type = Chooser(p.ABUSE_TYPE)
        self.abuse_type_count = Chooser(p.ABUSE_TYPE_COUNT)
        self.location = Chooser(p.LOCATION)
        self.source = {loc: Chooser(w) for loc, w in p.SOURCE_BY_LOCATION.items()}
        self.raised_via = Chooser(p.RAISED_VIA)
        self.decision = Chooser(p.DECISION)
        self.response = Chooser(p.PROPORTIONATE_RESPONSE)
        self.action_result = Chooser(p.ACTION_RESULT)
        self.risk_outcome = Chooser(p.RISK_OUTCOME)
        self.msp_asked = Chooser(p.MSP_ASKED)
        self.outcome_count = Chooser(p.OUTCOMES_PER_ENQUIRY)
        self.achievement = Chooser(p.ACHIEVEMENT)
        self.lacked_capacity = Chooser(p.LACKED_CAPACITY)
        self.enquiry_mu = math.log(p.ENQUIRY_MEDIAN_DAYS)

    def take_chunk(self) -> Chunk:
        chunk, self.chunk = self.chunk, Chunk()
        return chunk

    def draw_concern_count(self) -> int:
        return int(self.concerns_per_person(self.rng))

    # People ---------------------------------------------------------------

    def add_person(self, concern_count: int) -> None:
        """One adult with ``concern_count`` concerns, each in a case of its own."""
        rng = self.rng
        period = self.period
        # The adult's concerns cluster within a few months of each other.
        centre = rng.randrange(period.days)
        last = period.days - 1
        offsets = []
        for _ in range(concern_count):
            offset = centre + rng.randint(-120, 120)
            if offset < 0:
                offset = -offset
            elif offset > last:
                offset = 2 * last - offset
            offsets.append(offset)
        offsets.sort()
        days = [period.first_day + datetime.timedelta(days=o) for o in offsets]

        gender = self.gender(rng)
        low, high = self.age_band(rng)
        age = rng.randint(low, high)
        born = days[0] - datetime.timedelta(days=int(age * 365.2425) + rng.randrange(365))
        if gender == Gender.FEMALE:
            given = rng.choice(text.GIVEN_NAMES_FEMALE)
        elif gender == Gender.MALE:
            given = rng.choice(text.GIVEN_NAMES_MALE)
        else:
            given = rng.choice(text.GIVEN_NAMES_ANY)
        family = rng.choice(text.SURNAME_STARTS) + rng.choice(text.SURNAME_ENDS)
        address = (
            f"{text.ADDRESS_NOTE}, {rng.randint(1, 250)} {rng.choice(text.STREETS)}, {text.TOWN}"
        )
        nhs_number = self.nhs.next() if rng.random() < p.HAS_NHS_NUMBER else ""
        ethnicity = self.ethnicity(rng)
        psr = self.psr(rng)
        communication = rng.choice(text.COMMUNICATION_NEEDS) if rng.random() < 0.08 else ""
        safety = (self.contact_safety(rng), self.contact_safety(rng), self.contact_safety(rng))

        person_id = self.ids.take("people")
        died: datetime.date | None = None
        first_received: datetime.datetime | None = None
        result: str | None = None
        for index, day in enumerate(days):
            is_last = index == len(days) - 1
            received, result, died_on = self.add_case(
                person_id, f"{given} {family}", day, previous=result, can_die=is_last
            )
            first_received = first_received or received
            died = died or died_on

        s = self.summary
        s.people += 1
        if nhs_number:
            s.nhs_numbers += 1
        if died:
            s.deaths += 1
        s.count("genders", str(gender))
        s.count("ethnicities", str(ethnicity))
        s.count("primary_support_reasons", str(psr))
        s.count("age_bands_at_first_concern", age_band(_years_between(born, days[0])))
        keys = search_keys_of(
            given_name=given, family_name=family, preferred_name="", address=address, postcode=""
        )
        self.chunk.people.append(
            (
                person_id, given, family, born, died, nhs_number, address, gender, ethnicity,
                psr, communication, *safety, self.team_id, first_received, self.user_id, 1,
                *(keys[k] for k in SEARCH_KEYS),
            )
        )  # fmt: skip

    # Cases ----------------------------------------------------------------

    def add_case(
        self,
        person_id: int,
        person_name: str,
        day: datetime.date,
        *,
        previous: str | None,
        can_die: bool,
    ) -> tuple[datetime.datetime, str, datetime.date | None]:
        """A case with one concern raised on ``day``. ``previous`` is the
        decision on the person's last concern, if any. Returns when the concern
        was received, the decision, and the date the person died if they died
        during the enquiry."""
        rng = self.rng
        s = self.summary
        end = self.period.end
        case_id = self.ids.take("cases")
        received = datetime.datetime.combine(day, datetime.time(8), UTC) + datetime.timedelta(
            seconds=rng.randrange(10 * 3600)
        )
        self.add_concern(case_id, day, received, person_name)

        triage_at = received + _uniform_days(rng, p.TRIAGE_AFTER_DAYS)
        decided_at = triage_at + _uniform_days(rng, p.DECISION_AFTER_DAYS)
        # A person's concerns tend to meet the s42 criteria, or not, alike.
        if previous is not None and rng.random() < p.SAME_DECISION_AGAIN:
            result = previous
        else:
            result = self.decision(rng)
        has_enquiry = result != DecisionResult.NONE
        if has_enquiry:
            started_at = decided_at + _uniform_days(rng, p.ENQUIRY_AFTER_DAYS)
            length = min(rng.lognormvariate(self.enquiry_mu, p.ENQUIRY_SIGMA), p.ENQUIRY_MAX_DAYS)
            closing_at = started_at + datetime.timedelta(days=length)
        else:
            started_at = decided_at
            closing_at = decided_at + _uniform_days(rng, p.NO_ENQUIRY_CLOSING_DAYS)
        closed_at = closing_at + _uniform_days(rng, p.CLOSING_DAYS)

        version = 1
        state = CaseState.RAISED
        enquiry_type = ""
        lead_worker: int | None = None
        enquiry_started: datetime.datetime | None = None
        closed: datetime.datetime | None = None
        died: datetime.date | None = None
        if triage_at < end:
            state, version = CaseState.TRIAGE, version + 1
        if decided_at < end:
            state, version = CaseState.DECIDED, version + 1
            self.add_decision(case_id, result, decided_at)
        if has_enquiry and started_at < end:
            state, version = CaseState.ENQUIRY, version + 1
            enquiry_type = str(result)
            lead_worker = self.user_id
            enquiry_started = started_at
            s.count("enquiries_started", f"{reporting_year(started_at.date())} {result}")
        if closing_at < end and (enquiry_started or not has_enquiry):
            state, version = CaseState.CLOSING, version + 1
        if closed_at < end and state == CaseState.CLOSING:
            state, version = CaseState.CLOSED, version + 1
            closed = closed_at

        if enquiry_started:
            added, died = self.add_enquiry_record(
                case_id, enquiry_started, closing_at, closed, can_die=can_die
            )
            version += added
        elif closed:
            self.chunk.closures.append(
                (
                    self.ids.take("closures"), case_id, closed, self.user_id,
                    ClosureReason.NO_ENQUIRY, "", "", "", "", None, text.OPEN_DOOR, "",
                )
            )  # fmt: skip
            s.count("closures", ClosureReason.NO_ENQUIRY)

        reference = f"SYN-{day.year}-{case_id:07d}"
        self.chunk.cases.append(
            (
                case_id, reference, person_id, self.team_id, lead_worker, state, enquiry_type,
                received, enquiry_started, closed, version,
            )
        )  # fmt: skip
        s.cases += 1
        s.count("states", str(state))
        return received, result, died

    def add_concern(
        self, case_id: int, day: datetime.date, received: datetime.datetime, person_name: str
    ) -> None:
        rng = self.rng
        s = self.summary
        types = [self.abuse_type(rng)]
        wanted = self.abuse_type_count(rng)
        while len(types) < wanted:
            extra = self.abuse_type(rng)
            if extra not in types:
                types.append(extra)
        location = self.location(rng)
        if AbuseType.ORGANISATIONAL in types and location in (
            LocationOfRisk.OWN_HOME,
            LocationOfRisk.COMMUNITY,
        ):
            location = LocationOfRisk.CARE_HOME_RESIDENTIAL
        sources = [self.source[location](rng)]
        if rng.random() < p.SECOND_SOURCE:
            second = self.source[location](rng)
            if second != sources[0]:
                sources.append(second)
        if types[0] == AbuseType.SELF_NEGLECT:
            sources = [SourceOfRisk.KNOWN]  # the person themselves
        elif types[0] == AbuseType.ORGANISATIONAL:
            sources = [SourceOfRisk.SERVICE_PROVIDER]

        via = self.raised_via(rng)
        raised_by = self.user_id if via == RaisedVia.STAFF else None
        anonymous = via == RaisedVia.PUBLIC and rng.random() < 0.3
        confidential = not anonymous and rng.random() < 0.05
        if anonymous:
            name, role, organisation = "", "", ""
        elif via == RaisedVia.SELF:
            name, role, organisation = person_name, "", ""
        elif via == RaisedVia.STAFF:
            name, role, organisation = self.worker_name, "Social worker", "Adult social care"
        else:
            name = f"{rng.choice(text.GIVEN_NAMES_ANY)} {rng.choice(text.SURNAME_STARTS)}"
            role = rng.choice(text.REFERRER_ROLES)
            organisation = f"{text.TOWN} partner agency" if via == RaisedVia.PARTNER else ""
        self.chunk.concerns.append(
            (
                self.ids.take("concerns"), case_id, day, received, via, raised_by, anonymous,
                confidential, name, role, organisation,
                rng.choice(text.WHAT_HAPPENED[types[0]]), types, location, sources,
                rng.choice(text.IMMEDIATE_ACTIONS),
                rng.choice((YesNoUnknown.YES, YesNoUnknown.YES, YesNoUnknown.UNKNOWN)),
                rng.choice(text.PERSON_WISHES),
            )
        )  # fmt: skip
        s.concerns += 1
        s.count("concerns_by_year", reporting_year(day))
        s.count("raised_via", str(via))
        s.count("locations", str(location))
        for t in types:
            s.count("abuse_types", str(t))
        for source in sources:
            s.count("sources", str(source))

    def add_decision(self, case_id: int, result: str, decided_at: datetime.datetime) -> None:
        rng = self.rng
        yes = YesNoUnknown.YES
        no = YesNoUnknown.NO
        needs, needs_evidence = yes, text.EVIDENCE_YES[0]
        at_risk, at_risk_evidence = yes, text.EVIDENCE_YES[1]
        unable, unable_evidence = yes, text.EVIDENCE_YES[2]
        response, details = "", ""
        if result == DecisionResult.OTHER:
            # Other enquiries: not all three criteria met, often a carer.
            needs, needs_evidence = no, text.EVIDENCE_NOT_NEEDS
        elif result == DecisionResult.NONE:
            if rng.random() < 0.7:
                at_risk, at_risk_evidence = no, text.EVIDENCE_NO_RISK
                unable, unable_evidence = no, text.EVIDENCE_CAN_PROTECT
            else:
                unable, unable_evidence = no, text.EVIDENCE_CAN_PROTECT
            response = self.response(rng)
            details = rng.choice(text.RESPONSE_DETAILS)
        self.chunk.decisions.append(
            (
                self.ids.take("decisions"), case_id, needs, needs_evidence, at_risk,
                at_risk_evidence, unable, unable_evidence, result, response, details, decided_at,
                self.user_id,
            )
        )  # fmt: skip
        self.summary.count("decisions", result)

    # The enquiry ----------------------------------------------------------

    def add_enquiry_record(
        self,
        case_id: int,
        started: datetime.datetime,
        closing: datetime.datetime,
        closed: datetime.datetime | None,
        *,
        can_die: bool,
    ) -> tuple[int, datetime.date | None]:
        """Desired outcomes, a capacity assessment and, if the case closed, the
        closure. Returns how many case versions the outcomes added, and the
        date the person died if the enquiry ended with their death."""
        rng = self.rng
        s = self.summary
        end = self.period.end
        died: datetime.date | None = None
        action_result = self.action_result(rng)
        msp_asked = self.msp_asked(rng)
        lacked = self.lacked_capacity(rng)
        achievement = self.achievement(rng)
        versions = 0
        ratings: list[str] = []

        if msp_asked == MspAsked.EXPRESSED:
            count = self.outcome_count(rng)
            for number in range(1, count + 1):
                created = started + datetime.timedelta(
                    seconds=rng.uniform(0, min(10 * DAY, (closing - started).total_seconds()))
                )
                if created >= end:
                    break
                versions += 1
                ratings.append(
                    self.add_outcome(
                        case_id, created, closing, closed, achievement, last=number == count
                    )
                )

        assessed = started + (closing - started) * rng.uniform(0.1, 0.7)
        if assessed < end and (
            lacked == LackedCapacity.YES
            or (lacked == LackedCapacity.NO and rng.random() < p.ASSESSED_WITH_CAPACITY)
        ):
            self.add_capacity(case_id, assessed, lacks=lacked == LackedCapacity.YES)

        if closed is None:
            return versions, None
        reason = ClosureReason.ENQUIRY_CONCLUDED
        if action_result == ActionResult.CEASED:
            reason = ClosureReason.PERSON_DECLINED
        elif can_die and rng.random() < p.PERSON_DIED:
            reason = ClosureReason.PERSON_DIED
            died = (closing - datetime.timedelta(days=1)).date()
        elif rng.random() < p.MOVED_AWAY:
            reason = ClosureReason.MOVED_AWAY
        risk_outcome = self.risk_outcome(rng) if action_result in RISK_OUTCOME_RESULTS else ""
        support = (rng.random() < p.CAPACITY_SUPPORTED) if lacked == LackedCapacity.YES else None
        self.chunk.closures.append(
            (
                self.ids.take("closures"), case_id, closed, self.user_id, reason, action_result,
                risk_outcome, msp_asked, lacked, support, text.OPEN_DOOR,
                overall_achievement(ratings) or "",
            )
        )  # fmt: skip
        s.count("closures", reason)
        s.count("action_results", action_result)
        if risk_outcome:
            s.count("risk_outcomes", risk_outcome)
        s.count("msp_asked", msp_asked)
        s.count("lacked_capacity", lacked)
        s.count("enquiries_concluded", reporting_year(closed.date()))
        return versions, died

    def add_outcome(
        self,
        case_id: int,
        created: datetime.datetime,
        closing: datetime.datetime,
        closed: datetime.datetime | None,
        overall: str,
        *,
        last: bool,
    ) -> str:
        """Adds the outcome and returns its rating ("" when not rated)."""
        rng = self.rng
        s = self.summary
        outcome_id = self.ids.take("outcomes")
        version = 1
        revisions = [created]
        if rng.random() < p.OUTCOME_REVISED:
            revised = created + (closing - created) / 2
            if revised < self.period.end:
                revisions.append(revised)
                version += 1
        representative = rng.random() < p.REPRESENTATIVE_WORDS
        words = WhoseWords.REPRESENTATIVE if representative else WhoseWords.PERSON
        rep_name = (
            f"{rng.choice(text.GIVEN_NAMES_ANY)} {rng.choice(text.SURNAME_STARTS)}"
            if representative
            else ""
        )
        rep_relationship = rng.choice(text.REPRESENTATIVE_RELATIONSHIPS) if representative else ""
        for number, at in enumerate(revisions, start=1):
            self.chunk.revisions.append(
                (
                    self.ids.take("revisions"), outcome_id, number,
                    rng.choice(text.DESIRED_OUTCOMES), words, rep_name, rep_relationship,
                    text.REVISION_REASON if number > 1 else "", at, self.user_id,
                )
            )  # fmt: skip
        # Each outcome is rated on closing. The enquiry's overall achievement
        # decides the ratings: all fully, all not, or for "partially" some
        # fully and at least one (the last) partially.
        achievement, rated_at, rated_by, view = "", None, None, ""
        if closed is not None:
            achievement = overall
            if overall == PARTIALLY and not last and rng.random() < p.FULLY_WITHIN_PARTIALLY:
                achievement = FULLY
            rated_at, rated_by = closing, self.user_id
            view = rng.choice(text.PERSON_VIEWS)
            version += 1
            s.count("achievements", achievement)
        self.chunk.outcomes.append(
            (
                outcome_id, case_id, created, self.user_id, achievement, view, rated_at, rated_by,
                version,
            )
        )  # fmt: skip
        s.outcomes += 1
        s.outcome_revisions += len(revisions)
        return achievement

    def add_capacity(self, case_id: int, at: datetime.datetime, *, lacks: bool) -> None:
        able, unable = Ability.ABLE, Ability.UNABLE
        retain = unable if lacks else able
        use = unable if lacks and self.rng.random() < 0.6 else able
        self.chunk.capacity.append(
            (
                self.ids.take("capacity"), case_id, at, self.user_id, text.CAPACITY_DECISION,
                at.date(), self.worker_name, text.CAPACITY_SUPPORT, able, text.CAPACITY_ABLE,
                retain, text.CAPACITY_UNABLE if lacks else text.CAPACITY_ABLE, use,
                text.CAPACITY_UNABLE if use == unable else text.CAPACITY_ABLE, able,
                text.CAPACITY_ABLE, YesNoUnknown.YES if lacks else YesNoUnknown.NO,
                text.CAPACITY_IMPAIRMENT if lacks else "",
            )
        )  # fmt: skip
        self.summary.capacity_assessments += 1
