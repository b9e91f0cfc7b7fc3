"""Whether a wording's question and answers speak in the same voice. Pure
functions: words in, plain-English problems out.

A question put to the person ("Did you feel listened to?") is answered in the
first person ("Yes, I felt listened to"); a question about the person ("Did the
person feel listened to?") is answered in the third person ("Yes, they felt
listened to"). Answers with no pronoun ("No", "Don't know") suit either."""

import re
from collections.abc import Sequence

from msp.survey.codes import Voice

SECOND = frozenset({"you", "your", "yours", "yourself", "you're", "you've", "you'd"})
FIRST = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"})
THIRD = frozenset(
    {"they", "them", "their", "theirs", "themselves", "they're", "they've", "they'd"}
    | {"he", "him", "his", "she", "her", "hers", "person", "person's", "individual"}
    | {"individual's"}
)

_APOSTROPHE = "\u2019"
_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?")


def words(text: str) -> set[str]:
    return {w.replace(_APOSTROPHE, "'") for w in _WORD.findall(text.lower())}


def _quote(found: set[str]) -> str:
    return ", ".join(f"“{w}”" for w in sorted(found))


def question_problem(text: str, voice: str) -> str:
    """What is wrong with the question's voice, or ""."""
    found = words(text)
    if voice == Voice.TO_PERSON:
        if not found & SECOND:
            return "The question for the person must speak to them as “you”"
        if found & THIRD:
            return (
                "The question for the person must not talk about them as "
                f"{_quote(found & THIRD)}: ask “you”"
            )
        return ""
    wrong = found & (SECOND | FIRST)
    if wrong:
        return (
            f"This question is about the person, so it must not use {_quote(wrong)}: "
            "say “the person” or “they”"
        )
    return ""


def answer_problems(labels: Sequence[str], voice: str) -> list[str]:
    """What is wrong with each answer's voice (one message per wrong answer)."""
    wrong_words = SECOND | THIRD if voice == Voice.TO_PERSON else SECOND | FIRST
    fix = "“I”" if voice == Voice.TO_PERSON else "“they”"
    problems = []
    for label in labels:
        wrong = words(label) & wrong_words
        if wrong:
            problems.append(f"The answer “{label}” uses {_quote(wrong)}: answer with {fix}")
    return problems
