"""Free text written by workers, and the phrases some checks look for.

Only text a worker wrote is read: case notes, contact records, the section 42
decision, the closure, feedback to the referrer and letters (drafts and sent).
The person's own words (desired outcomes, their reasons for declining) are
never scanned: the guard does not judge what a person said.
"""

import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from msp.practice.checks.base import listed, plural
from msp.practice.snapshot import CaseSnapshot


@dataclass(frozen=True)
class WorkerText:
    source: str  # "case note", "contact record", ...
    text: str


def worker_texts(s: CaseSnapshot) -> Iterator[WorkerText]:
    for note in s.notes:
        yield WorkerText("case note", note.text)
    for contact in s.contacts:
        yield WorkerText("contact record", f"{contact.notes}\n{contact.coercion_conclusion}")
    if s.decision is not None:
        d = s.decision
        yield WorkerText(
            "section 42 decision",
            "\n".join(
                (
                    d.care_and_support_needs_evidence,
                    d.experiencing_or_at_risk_evidence,
                    d.unable_to_protect_self_evidence,
                    d.response_details,
                )
            ),
        )
    reasons = (s.involvement.outcomes_not_asked_reason, s.involvement.not_told_reason)
    if any(r.strip() for r in reasons):
        yield WorkerText("involvement record", "\n".join(reasons))
    if s.closure is not None:
        yield WorkerText("closure record", f"{s.closure.reason_details}\n{s.closure.open_door}")
    for feedback in s.feedback:
        yield WorkerText("feedback to the referrer", feedback.what_was_said)
    for letter in s.letters:
        yield WorkerText("sent letter" if letter.sent else "draft letter", letter.text)


# Sources a case has only one of: "the closure record", not "a closure record".
SINGLE_RECORDS = frozenset({"section 42 decision", "closure record", "involvement record"})


def where(sources: list[str]) -> str:
    """'2 case notes and the section 42 decision'"""
    counts = Counter(sources)
    parts = []
    for source, n in counts.items():
        if source in SINGLE_RECORDS:
            parts.append(f"the {source}")
        else:
            parts.append(plural(n, source))
    return listed(parts)


LIFESTYLE = re.compile(r"\blife[\s-]?style\s+choices?\b|\bunwise\s+decisions?\b", re.IGNORECASE)

INVESTIGATE = re.compile(r"\binvestigat\w*", re.IGNORECASE)
# Investigations by the police or a regulator are real investigations.
LEGITIMATE = re.compile(
    r"\bpolice\b|\bcriminal\b|\bregulat\w*|\bCQC\b|\bCare Quality Commission\b"
    r"|\bHSE\b|\bHealth and Safety Executive\b",
    re.IGNORECASE,
)
NEAR = 60  # characters either side


def says_investigation(text: str) -> bool:
    """True when "investigat..." is used for our own work: not within a few
    words of the police or a regulator."""
    for match in INVESTIGATE.finditer(text):
        around = text[max(0, match.start() - NEAR) : match.end() + NEAR]
        if not LEGITIMATE.search(around):
            return True
    return False


def says_lifestyle_choice(text: str) -> bool:
    return bool(LIFESTYLE.search(text))


# Phones and word processors type curly apostrophes ("doesn\u2019t"): every wording rule
# is written with straight ones, so the texts it reads have their quotes made straight.
STRAIGHT_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})


# --- Service language in the person's own words ---------------------------------------
#
# "Reduce risk of further skin breakdown and ensure care package meets assessed
# needs" is the worker's summary, typed in the box for the person's own words.
# People say what they want in the first person ("I want my carers back");
# services write in the terms of assessments and plans. A text marked as the
# person's own words reads as service language when it has no first-person word
# and uses at least two of these terms.

SERVICE_TERMS = (
    r"care\s+package|package\s+of\s+care",
    r"assessed\s+needs?|needs?\s+(are|is|to\s+be|being)\s+met|meets?\s+(her|his|their)?\s*needs",
    r"\bensur(e|es|ed|ing)\b",
    r"\b(reduc\w*|minimis\w*|mitigat\w*)\s+(the\s+)?risks?\b|\brisks?\s+(of\s+\w+\s+)?(is\s+|are\s+)?"
    r"(reduced|minimised|mitigated|managed)\b|\brisk\s+of\s+(neglect|abuse|harm)\b",
    r"\bskin\s+(breakdown|integrity)\b|\bpressure\s+(area|care|damage)\b",
    r"\bservice\s+user\b|\bthe\s+(adult|person|client)\b",
    r"\b(safeguarding|protection|care|support)\s+plan\b",
    r"\bplacement\b|\bcare\s+provider\b|\bprovision\b",
    r"\bcompl(y|iance|iant)\b|\bconcordance\b|\bengage(ment|s)?\s+with\b",
    r"\bmulti[\s-]?agency\b|\bsafeguarded\b|\bmonitor(ed|ing)?\b",
)
_SERVICE = tuple(re.compile(term, re.IGNORECASE) for term in SERVICE_TERMS)
FIRST_PERSON = re.compile(r"\b(I|I'm|I'd|I've|I'll|me|my|mine|myself|we|us|our)\b", re.IGNORECASE)
SERVICE_TERMS_NEEDED = 2


def reads_as_service_language(text: str) -> bool:
    """Whether words recorded as the person's own read as a service's summary:
    no first-person word, and at least two kinds of service term."""
    text = text.translate(STRAIGHT_QUOTES)
    if FIRST_PERSON.search(text):
        return False
    return sum(1 for term in _SERVICE if term.search(text)) >= SERVICE_TERMS_NEEDED


# What workers write in "who was present" when nobody else was there (the
# contact form suggests "no one else").
NOBODY = frozenset(
    {
        "",
        "no one",
        "no-one",
        "noone",
        "nobody",
        "none",
        "n/a",
        "na",
        "nil",
        "-",
        "alone",
        "just the person",
        "only the person",
        "the person only",
        "just her",
        "just him",
        "just them",
    }
)


# After "no one else", words that bring someone in after all ("No one, but her
# son arrived later").
SOMEONE_AFTER_ALL = re.compile(
    r"\b(but|except|apart from|other than|until|arrived|joined|came (in|back|home))\b"
)


def someone_else_present(who_was_present: str) -> bool:
    """The words name someone else present. "No one else", alone or followed
    by a comment ("No one else, he said", "No one else: her son was at
    work"), names no one, unless the comment brings someone in ("but")."""
    words = re.sub(r"\s+", " ", who_was_present).strip().lower()
    first, _, rest = re.split(r"([,;:(]|\s[-\u2013\u2014]\s)", words + ",", maxsplit=1)
    first = re.sub(r"[.!]", "", first).strip()
    first = re.sub(r"\s+else$", "", first)
    if first not in NOBODY:
        return True
    return bool(SOMEONE_AFTER_ALL.search(rest))


# --- Statements about capacity and restrictions ---------------------------------------
#
# A worker who believes the person "lacks capacity", or who records that someone
# "stopped her son visiting", has written down a fact the capacity and
# best-interests checks need in structured form. These find such sentences, so
# the checks can quote them when the matching record is missing. Statements
# that deny or doubt ("has capacity", "no concerns about capacity", "does not
# lack capacity", "assess whether she lacks capacity") are not statements.


@dataclass(frozen=True)
class Statement:
    source: str  # where it was written: "case note", "concern", ...
    sentence: str  # the sentence, quoted in the finding
    kind: str = ""  # for restrictions: the kind of restriction it describes


def statement_texts(s: CaseSnapshot) -> Iterator[WorkerText]:
    """Worker text, and what the concern says happened: a referrer's account
    of a restriction or of a lack of capacity is a fact to follow up, not a
    judgment of their words."""
    yield from worker_texts(s)
    for concern in s.concerns:
        yield WorkerText("concern", concern.what_happened)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
QUOTE_LIMIT = 200


def sentences(text: str) -> Iterator[str]:
    for part in SENTENCE_END.split((text or "").translate(STRAIGHT_QUOTES)):
        part = part.strip()
        if part:
            yield part


def quoted(sentence: str) -> str:
    if len(sentence) > QUOTE_LIMIT:
        sentence = sentence[: QUOTE_LIMIT - 1].rstrip() + "…"
    return f"“{sentence}”"


# Words just before a phrase that deny it: "does not lack capacity", "nobody
# stopped him", "never took control of her money".
NEGATED_BEFORE = re.compile(
    r"(\bnot|n't|\bnever|\bno one|\bnobody|\bno longer believe|\bwhether|\bif)\s+(\w+\s+){0,2}$",
    re.IGNORECASE,
)
# Anywhere in the sentence before the phrase: doubt or a question, not a statement.
DOUBTED = re.compile(
    r"\bno\s+(evidence|reason|indication|suggestion|sign|concerns?)\b"
    r"|\b(not|n't)\s+(think|believe|consider|suggest|appear|seem)\w*"
    r"|\bunlikely\b|\bassess(ed|ing)?\s+whether\b|\bto\s+(see|check|find out)\s+(whether|if)\b",
    re.IGNORECASE,
)

# "capacity", but not "capacity assessment", "capacity concerns" ...
_CAPACITY = (
    r"capacity\b(?!\s+(assess\w*|tests?|act|forms?|records?|reviews?|concerns?|issues?"
    r"|doubts?|queries|questions?))"
)
LACKS_CAPACITY = re.compile(
    rf"\b(lacks?|lacking|lacked)\s+(the\s+)?(mental\s+)?{_CAPACITY}"
    rf"|\b(no|without)\s+(mental\s+)?{_CAPACITY}"
    rf"|\b(doesn'?t|does\s+not|didn'?t|did\s+not)\s+have\s+(the\s+)?(mental\s+)?{_CAPACITY}"
    rf"|\b(hasn'?t|has\s+not)\s+got\s+(the\s+)?(mental\s+)?{_CAPACITY}"
    rf"|\bnot\s+(got\s+)?capacitous\b|\bincapacitous\b|\bhas\s+lost\s+(mental\s+)?{_CAPACITY}",
    re.IGNORECASE,
)

# A word between "stopped" and "visiting" that names who was stopped ("stopped
# her son visiting"), not another verb or a preposition ("stopped answering
# after our visit").
_WHO = (
    r"(?!(after|before|during|since|until|when|while|at|on|in|for|to|with|because|and|or"
    r"|but|our|my|your)\b)(?!\w+ing\b)[\w']+"
)

RESTRICTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "contact",
        re.compile(
            r"\b(stop(ped|ping|s)?|prevent(ed|ing|s)?|ban(ned|ning|s)?|bar(red|ring|s)?)\s+"
            rf"({_WHO}\s+){{1,3}}?(from\s+)?(visit\w*|seeing|contact\w*|calling|phoning|coming)\b"
            r"|\bno\s+longer\s+(allowed|permitted)\s+to\s+(visit|see)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "money",
        re.compile(
            r"\b(took|take|takes|taken|taking|has|have|had|given|gave|assumed)\s+control\s+of\s+"
            r"(his|her|their|the\s+person's)\s+(money|finances|bank\w*|benefits|pension|cards?)\b"
            r"|\bcontrol(s|led|ling)?\s+(his|her|their)\s+(money|finances|bank\w*|benefits)\b"
            r"|\b(kept|keeps|keeping|holds|took|takes)\s+(his|her|their)\s+(bank\s+)?cards?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "leaving",
        re.compile(
            r"\b(not|isn'?t|aren'?t|wasn'?t|weren'?t)\s+(being\s+)?(allowed|permitted)\s+to\s+"
            r"(leave|go\s+out|go\s+home)\b"
            r"|\blocked\s+(in|him\s+in|her\s+in|them\s+in)\b"
            r"|\bso\s+(that\s+)?(she|he|they)\s+(cannot|can'?t|can\s+not|could\s+not|couldn'?t)"
            r"\s+(leave|go\s+out|get\s+out)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "moving_home",
        re.compile(
            r"\bmoved\s+(him|her|them)\s+(in)?to\s+(a\s+)?(care|nursing|residential)\s+home\b",
            re.IGNORECASE,
        ),
    ),
)


def _stated(sentence: str, match: re.Match[str]) -> bool:
    """The phrase is asserted, not denied or doubted."""
    before = sentence[: match.start()]
    if DOUBTED.search(before):
        return False
    return not NEGATED_BEFORE.search(before)


def says_lacks_capacity(sentence: str) -> bool:
    return any(_stated(sentence, m) for m in LACKS_CAPACITY.finditer(sentence))


def restriction_kind(sentence: str) -> str:
    """The kind of restriction the sentence says was imposed, or ""."""
    for kind, pattern in RESTRICTIONS:
        if any(_stated(sentence, m) for m in pattern.finditer(sentence)):
            return kind
    return ""


def capacity_statements(s: CaseSnapshot) -> list[Statement]:
    """Sentences saying the person lacks capacity. Several checks ask, so the
    answer for the same texts is kept for the next ask (a few entries only:
    within one run of the guard, not as a store of case text)."""
    return list(_capacity_statements(tuple(statement_texts(s))))


@functools.lru_cache(maxsize=4)
def _capacity_statements(texts: tuple[WorkerText, ...]) -> tuple[Statement, ...]:
    return tuple(
        Statement(t.source, sentence)
        for t in texts
        for sentence in sentences(t.text)
        if says_lacks_capacity(sentence)
    )


def restriction_statements(s: CaseSnapshot) -> list[Statement]:
    found = []
    for t in statement_texts(s):
        for sentence in sentences(t.text):
            kind = restriction_kind(sentence)
            if kind:
                found.append(Statement(t.source, sentence, kind))
    return found


def said_in(statement: Statement) -> str:
    """'A case note says “...”'"""
    article = "The" if statement.source in SINGLE_RECORDS else "A"
    return f"{article} {statement.source} says {quoted(statement.sentence)}"


def capacity_in_question(s: CaseSnapshot) -> bool:
    """The record gives reason to think the person lacks capacity for some
    decision: an assessment found it, the closure says so, or worker text or
    the concern states it."""
    return s.capacity_lacking or bool(capacity_statements(s))


def gives_lack_of_capacity(reason: str) -> bool:
    """A reason (for not asking, not telling ...) that rests on the person
    lacking capacity."""
    return any(says_lacks_capacity(sentence) for sentence in sentences(reason))


# --- Acting against someone's wishes ---------------------------------------------------
#
# "Reported to the police even though she asked us not to": a worker who writes
# that we acted against the person's (or family's) wishes has recorded an
# override, which M3.c needs as a record with its lawful basis. The sentence
# must name something we did that reaches others (reported, referred, shared,
# the police ...): "He moved in against her wishes" is about the source of risk.

AGAINST_WISHES = re.compile(
    r"\bagainst\s+(his|her|their|the\s+person's|the\s+family's|[a-z]+'s)\s+"
    r"(\w+\s+)?(wishes|will|consent|objections?)\b"
    r"|\b(even\s+though|although|though|despite)\s+(she|he|they|the\s+person|the\s+family"
    r"|[A-Z]\w+)\s+(had\s+)?(asked|begged|told|wanted)\s+(us|me|the\s+\w+)\s+not\s+to\b"
    r"|\b(even\s+though|although|though|despite)\s+(she|he|they|the\s+person|the\s+family"
    r"|[A-Z]\w+)\s+(did\s+not|didn'?t|does\s+not|doesn'?t)\s+(want|agree|consent)\b"
    r"|\bdespite\s+(his|her|their)\s+(wishes|objections?|refusal)\b"
    r"|\bwithout\s+(his|her|their)\s+(consent|agreement)\b",
    re.IGNORECASE,
)
OUR_ACTION = re.compile(
    r"\b(report\w*|referr?\w*|shar\w*|disclos\w*|inform\w*|notif\w*|told\s+the|rang\s+the"
    r"|police|CQC|regulator|employer|PiPoT|safeguarding\s+lead)\b",
    re.IGNORECASE,
)


def says_acted_against_wishes(sentence: str) -> bool:
    return any(_stated(sentence, m) for m in AGAINST_WISHES.finditer(sentence)) and bool(
        OUR_ACTION.search(sentence)
    )


def override_statements(s: CaseSnapshot) -> list[Statement]:
    """Worker text saying we acted against someone's wishes (the concern is
    not read: a referrer's account is about what others did)."""
    return [
        Statement(t.source, sentence)
        for t in worker_texts(s)
        for sentence in sentences(t.text)
        if says_acted_against_wishes(sentence)
    ]


# --- Told the police although the person did not want them ---------------------------
#
# "Reg does not want the police" in the concern, and the risk assessment says
# the police were told: acting against his wishes, which M3.c needs as an
# override record with its lawful basis, whether or not telling them was right.

POLICE_NOT_WANTED = re.compile(
    r"\b(does\s+not|doesn'?t|did\s+not|didn'?t|do\s+not|don'?t|not)\s+want(s|ed)?\s+"
    r"(the\s+|any\s+)?police\b"
    r"|\bno\s+police\b"
    r"|\bnot\s+to\s+(tell|involve|call|contact|ring|report\s+\w+\s+to)\s+the\s+police\b"
    r"|\b(refus\w*|declin\w*)\s+(to\s+(involve|tell|call)\s+)?(the\s+)?police\b",
    re.IGNORECASE,
)
# A sentence that says they came round ("... but agreed after we talked").
AGREED_AFTER_ALL = re.compile(
    r"\b(agreed|agrees|consented|consents|changed\s+(her|his|their)\s+mind|now\s+wants?)\b",
    re.IGNORECASE,
)


def says_police_not_wanted(sentence: str) -> bool:
    return bool(POLICE_NOT_WANTED.search(sentence)) and not AGREED_AFTER_ALL.search(sentence)


def police_not_wanted_statements(s: CaseSnapshot) -> list[Statement]:
    """Sentences saying the person (or their family) did not want the police:
    in what the concern records of the person's wishes, and in worker text."""
    texts = [WorkerText("concern", c.person_wishes) for c in s.concerns]
    texts += list(worker_texts(s))
    return [
        Statement(t.source, sentence)
        for t in texts
        for sentence in sentences(t.text)
        if says_police_not_wanted(sentence)
    ]
