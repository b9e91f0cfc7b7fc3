"""What a reason says: whether written words give a reason at all, and what
an "other" closure reason means.

Pure functions, no database: the checks, the record rules and the closing
gate all use them, so one list decides what counts as an empty reason.
"""

import re
from collections.abc import Iterable
from typing import Protocol

# The default placeholder phrases: words that fill a box without giving a
# reason. Administrators can edit the list in the guard settings.
DEFAULT_PLACEHOLDERS = (
    "no further action",
    "nfa",
    "n/a",
    "na",
    "not applicable",
    "none",
    "nothing",
    "no",
    "nil",
    "unable to say",
    "unknown",
    "not known",
    "don't know",
    "tbc",
    "to follow",
    "x",
    "-",
    "?",
    ".",
    "see notes",
    "see above",
    "see case notes",
    "as above",
    "as per notes",
)
DEFAULT_PLACEHOLDER_TEXT = "\n".join(DEFAULT_PLACEHOLDERS)

EMPTY_REASON_MESSAGE = (
    "Give the reason in your own words: '{text}' does not say why. Write what was "
    "decided and why, or what was done."
)


class HasPlaceholders(Protocol):
    @property
    def placeholder_phrases(self) -> str: ...


def phrases(config: HasPlaceholders | None = None) -> tuple[str, ...]:
    """The placeholder phrases in force: the settings' list, one a line, or
    the defaults."""
    text = DEFAULT_PLACEHOLDER_TEXT if config is None else config.placeholder_phrases
    return tuple(p for p in (_normal(line) for line in text.splitlines()) if p)


def _normal(text: str) -> str:
    """Lower case, curly quotes made straight, runs of spaces made one, and
    trailing full stops and spaces dropped ("N.F.A." and "nfa" match)."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"\s+", " ", text).strip()
    squeezed = text.rstrip(". ")
    if re.fullmatch(r"([a-z]\.)+[a-z]?", text):
        squeezed = text.replace(".", "")
    return squeezed or text


# Words after a placeholder that still give no reason: "No further action
# required", "None needed at this time".
_EMPTY_TAIL = re.compile(
    r"(\s+(is|was|were|are))?\s+(required|needed|necessary|indicated|warranted|planned"
    r"|taken|at (this|the) (time|stage|point)|at present|for now|currently)$"
)
# Whole clauses that add no reason to a placeholder beside them ("NFA, already
# known"). Fixed here, not in the settings: alone they are not placeholders.
_EMPTY_CLAUSES = frozenset(
    {"already known", "known to services", "not required", "not needed", "not necessary"}
)
# Where one clause ends and the next begins: "NFA, already known", "N/A - closed".
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-\u2013\u2014]\s|\s+and\s+")


def _says_nothing(clause: str, placeholders: tuple[str, ...]) -> bool:
    if not re.search(r"[a-z0-9]", clause) or clause in placeholders:
        return True
    if clause in _EMPTY_CLAUSES:
        return True
    shorter = clause
    while (cut := _EMPTY_TAIL.sub("", shorter)) != shorter:
        shorter = cut
    return shorter != clause and (shorter in placeholders or shorter in _EMPTY_CLAUSES)


def is_empty_reason(text: str | None, config: HasPlaceholders | None = None) -> bool:
    """True when ``text`` gives no reason: blank, or only placeholder phrases
    ("NFA", "n/a", "see notes" ...) from ``config`` (or the defaults), alone,
    with words that add nothing ("No further action required.") or joined to
    other such clauses ("NFA, already known")."""
    if not (text or "").strip():
        return True
    placeholders = phrases(config)
    said = _normal(text or "")
    if _says_nothing(said, placeholders):
        return True
    clauses = [_normal(c) for c in _CLAUSE_BREAK.split(said)]
    return all(_says_nothing(c, placeholders) for c in clauses if c)


def empty_reason_message(text: str | None) -> str:
    """The plain error shown next to a field whose words give no reason."""
    shown = (text or "").strip()
    if not shown:
        return "Enter the reason"
    return EMPTY_REASON_MESSAGE.format(text=shown[:40])


# ---------------------------------------------------------------------------
# Closure reasons. Codes are repeated as plain strings so the guard needs no
# models (see msp.enquiries.codes.ClosureReason, which must agree).

CONCLUDED = "enquiry_concluded"
NO_ENQUIRY = "no_enquiry"
DECLINED = "person_declined"
STOPPED_ENGAGING = "stopped_engaging"
NOT_CONTACTABLE = "could_not_contact"
RESOLVED = "resolved_proportionately"
PASSED_ON = "moved_away"
DIED = "person_died"
OTHER = "other"

# Endings where the person's involvement stopped without an agreed outcome:
# every check about a person who walked away runs for each of them.
WITHOUT_AGREED_OUTCOME = frozenset({DECLINED, STOPPED_ENGAGING, NOT_CONTACTABLE})

# What words in an "other" reason mean. The first listed reason whose pattern
# matches wins, so the more specific patterns come first.
_MEANINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        DIED,
        re.compile(r"\b(died|has died|passed away|deceased|death|rip)\b"),
    ),
    (
        NOT_CONTACTABLE,
        re.compile(
            r"\b(could ?n[o']?t|can ?n[o']?t|unable to|failed to|no way to) "
            r"(contact|reach|get hold of|locate|find|trace|make contact)"
            r"|\bno (reply|response|answer|contact)\b|\bnot (answering|contactable|reachable)\b"
            r"|\buncontactable\b|\bunreachable\b|\bno[- ]one (was )?(home|in)\b"
            r"|\b(whereabouts unknown|no fixed abode|moved on, address unknown)\b"
        ),
    ),
    (
        STOPPED_ENGAGING,
        re.compile(
            r"\b(stopped|ceased|refus\w*|not|no longer|won'?t|didn'?t|did not|disengag\w*) "
            r"?(engag\w*|respond\w*|answering|taking part|co-?operat\w*|working with)"
            r"|\bdisengag\w*|\bnon[- ]?engag\w*|\bnot engaging\b|\bdropped out\b"
            r"|\bcancelled (every|all|the) (visits?|appointments?)\b"
        ),
    ),
    (
        DECLINED,
        re.compile(
            r"\b(declin\w*|refus\w*|does ?n[o']?t want|did ?n[o']?t want|did not want"
            r"|not want\w*|withdr[ae]w\w* consent|no consent|withdrew|wants? (it|us|this) "
            r"to stop|asked (us )?to stop|wishe?s? (for )?no (further )?(action|involvement)"
            r"|no (longer )?wish)"
        ),
    ),
    (
        PASSED_ON,
        re.compile(
            r"\b(moved (out of|to another|away|to)|transferred to|passed to|referred to) "
            r"(another|other|the|a|neighbouring)? ?(council|local authority|authority|la)\b"
            r"|\bout of (area|borough|county)\b|\bother local authority\b"
        ),
    ),
    (
        RESOLVED,
        re.compile(
            r"\b(advice|information|signpost\w*) (given|provided|and (information|advice))"
            r"|\bgiven (advice|information)\b|\bresolved\b|\bsorted\b"
            r"|\bno further action (after|following) (advice|information)\b"
        ),
    ),
)


def meant_reason(reason: str, details: str = "") -> str:
    """The listed closure reason a closure means. A listed reason means
    itself; an "other" whose words say one of the listed reasons (e.g. "Did
    not respond to three letters" -> stopped engaging) means that reason; an
    "other" that says none stays "other"."""
    if reason != OTHER:
        return reason
    said = _normal(details)
    for code, pattern in _MEANINGS:
        if pattern.search(said):
            return code
    return OTHER


def ended_without_agreed_outcome(reason: str, details: str = "", action_result: str = "") -> bool:
    """The person's involvement ended without an agreed outcome: they
    declined, stopped engaging or could not be contacted (chosen from the
    list, or said in an "other" reason), or the enquiry ceased at their
    request."""
    return meant_reason(reason, details) in WITHOUT_AGREED_OUTCOME or action_result == "ceased"


def listed_reasons() -> Iterable[str]:
    """Every closure reason code the guard knows."""
    return (
        CONCLUDED,
        NO_ENQUIRY,
        DECLINED,
        STOPPED_ENGAGING,
        NOT_CONTACTABLE,
        RESOLVED,
        PASSED_ON,
        DIED,
        OTHER,
    )
