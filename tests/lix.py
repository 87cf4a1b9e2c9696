"""LIX (läsbarhetsindex, Björnsson 1968), the readability measure used for Scandinavian text: the average
sentence length in words plus the percentage of long words (more than six letters). Below 30 is very easy,
30–40 easy (everyday text, the aim for the participant's pages), 40–50 medium, above 50 hard.

Counted here: a word is a run of letters (digits, placeholders such as %(day)s and HTML tags are not words);
a sentence ends at . ! ? or : and at the end of a text (a label or a heading is a sentence of its own).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{[^}]*\}\}|<[^>]+>")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")
LONG = 6


def _sentences(text: str) -> list[str]:
    return [part for part in SENTENCE_END.split(text) if WORD.search(part)]


def lix(texts: Iterable[str]) -> float:
    """LIX of the texts taken together, each ending a sentence; 0 for no words."""
    words = sentences = long_words = 0
    for text in texts:
        for line in PLACEHOLDER.sub(" ", text).splitlines():
            for sentence in _sentences(line):
                found = WORD.findall(sentence)
                words += len(found)
                long_words += sum(1 for word in found if len(word.replace("-", "")) > LONG)
                sentences += 1
    if not words:
        return 0.0
    return words / sentences + 100 * long_words / words
