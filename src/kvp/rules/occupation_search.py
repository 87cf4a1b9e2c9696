"""Finding an occupation by searching in your own words (E1, E2).

The participant writes what they did or want to do ("vaskehjelp", "sjåfør", "kitchen"); the search matches
SSB's titles and the everyday words in `OCCUPATION_WORDS`, ignoring case and accents ("sjafor" finds
"sjåfør"), and matches the start of a word while they are still typing. The best matches come first: the
title itself, then a title that starts with the text, then an everyday word, then a word inside a title or
an everyday word ("pleier" inside "sykepleier").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum

from kvp.rules.occupation_words import OCCUPATION_WORDS
from kvp.rules.occupations import OCCUPATIONS

# A query this short matches only the start of a word: two letters inside words match nearly everything.
SHORTEST_INSIDE = 3
# Letters that Unicode does not decompose into a base letter and an accent.
_UNACCENTED = str.maketrans({"ø": "o", "æ": "ae", "đ": "d", "ł": "l", "ı": "i"})
_WORD = re.compile(r"\w+")


class MatchKind(IntEnum):
    """How an occupation matched, best first."""

    EXACT_TITLE = 0
    TITLE_PREFIX = 1
    SYNONYM = 2
    WORD_INSIDE = 3


@dataclass(frozen=True)
class OccupationMatch:
    code: str
    title: str
    kind: MatchKind


def fold(text: str) -> str:
    """Lower case without accents, so "Sjåfør", "sjafor" and "SJÅFØR" compare equal."""
    lowered = text.casefold().translate(_UNACCENTED)
    return "".join(char for char in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(char))


def _plain(text: str) -> str:
    """The folded words of a text, one space apart: punctuation does not count."""
    return " ".join(_WORD.findall(fold(text)))


@dataclass(frozen=True)
class _Entry:
    code: str
    title: str
    folded_title: str
    synonyms: tuple[str, ...]
    words: frozenset[str]


def _entry(code: str, title: str) -> _Entry:
    synonyms = tuple(_plain(word) for word in OCCUPATION_WORDS.get(code, ()))
    folded_title = _plain(title)
    words = {word for text in (folded_title, *synonyms) for word in text.split()}
    return _Entry(code, title, folded_title, synonyms, frozenset(words))


_ENTRIES = [_entry(code, title) for code, title in OCCUPATIONS.items()]


def _word_match(token: str, words: frozenset[str]) -> int | None:
    """0 when a word starts with the token, 1 when a word holds it, None when none does."""
    if any(word.startswith(token) for word in words):
        return 0
    if len(token) >= SHORTEST_INSIDE and any(token in word for word in words):
        return 1
    return None


def _rank(entry: _Entry, query: str, tokens: list[str]) -> tuple[MatchKind, int] | None:
    if entry.folded_title == query:
        return MatchKind.EXACT_TITLE, 0
    if entry.folded_title.startswith(query):
        return MatchKind.TITLE_PREFIX, 0
    if query in entry.synonyms:
        return MatchKind.SYNONYM, 0
    if any(synonym.startswith(query) for synonym in entry.synonyms):
        return MatchKind.SYNONYM, 1
    matches = [_word_match(token, entry.words) for token in tokens]
    if None in matches:
        return None
    return MatchKind.WORD_INSIDE, max(match or 0 for match in matches)


def search_occupations(text: str, limit: int = 12) -> list[OccupationMatch]:
    """The occupations matching `text`, best first and at most `limit`; none for an empty text."""
    query = _plain(text)
    if not query:
        return []
    tokens = query.split()
    ranked = []
    for entry in _ENTRIES:
        rank = _rank(entry, query, tokens)
        if rank is not None:
            ranked.append((rank, entry.folded_title, entry))
    ranked.sort(key=lambda row: (row[0], row[1]))
    return [OccupationMatch(entry.code, entry.title, rank[0]) for rank, _title, entry in ranked[:limit]]
