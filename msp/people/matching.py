"""How names, addresses and postcodes are folded for search, and how alike two words are.

Pure functions, no database: the search keys stored on each person come from here, and
so does the final say on whether a person matches a query, on every database engine.
Folding drops accents, case, apostrophes and punctuation ("Zoë O'Brien-Smith" becomes
"zoe obrien smith obriensmith"); likeness is the share of three-letter pieces two words
have in common, as PostgreSQL's pg_trgm counts them, so a misspelling ("Boothroid")
still finds the name ("Boothroyd")."""

import re
import unicodedata

# Letters that have no accent-free decomposition in Unicode.
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th"})
_DROP = re.compile("['\u2019\u2018`\u00b4]")  # apostrophes, straight and curly
_NOT_WORD = re.compile(r"[^0-9a-z]+")

# Two words are alike when this share of their pieces is shared (0 to 1).
LIKENESS = 0.45


def fold(text: str) -> str:
    """Lower case, accents and apostrophes dropped, anything else that is not a
    letter or digit turned into a single space."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_LETTERS)
    return " ".join(_NOT_WORD.sub(" ", _DROP.sub("", text)).split())


def name_key(*names: str) -> str:
    """The words of every name, plus each name written without its spaces or
    hyphens, so that "Smith-Jones", "Smith Jones" and "Smithjones" meet."""
    words: list[str] = []
    for name in names:
        folded = fold(name)
        parts = folded.split()
        for word in [*parts, "".join(parts)] if len(parts) > 1 else parts:
            if word not in words:
                words.append(word)
    return " ".join(words)


def postcode_key(postcode: str) -> str:
    return "".join(ch for ch in postcode.upper() if ch.isalnum())


def trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def likeness(a: str, b: str) -> float:
    """Shared pieces over all pieces, as pg_trgm's ``similarity`` of two words."""
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb)


def word_score(word: str, key_words: list[str]) -> float:
    """How well one folded query word meets a key: 3 for the same word, 2 for the
    start of a word, 1.5 inside a word, the likeness for a near spelling (of words
    of letters only: "12" is not near "13"), else 0."""
    best = 0.0
    for key_word in key_words:
        if key_word == word:
            return 3.0
        if key_word.startswith(word):
            best = max(best, 2.0)
        elif word in key_word:
            best = max(best, 1.5)
        elif len(word) >= 3 and word.isalpha():
            alike = likeness(word, key_word)
            if alike >= LIKENESS:
                best = max(best, alike)
    return best
