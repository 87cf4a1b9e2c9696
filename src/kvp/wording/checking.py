"""The language check as the app uses it: the text cut into plain and highlighted pieces for the page,
and the categories a saved text had (E12). The text is never stored or logged here.

The checker (kvp.rules.language_check) loads language models, so it is imported on first use rather
than when Django loads the URL configuration: pages and commands that never check a text start fast."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kvp.common.i18n import translated

if TYPE_CHECKING:
    from kvp.rules.language_check import Category, Finding

SUPPORTED_LANGUAGES = ("nb", "nn", "en")  # kvp.rules.language_check.SUPPORTED_LANGUAGES (tested equal)

MAX_CHARS = 20_000  # longer texts are not checked while typing (saving is never affected)
DEFAULT_LANGUAGE = "nb"


@dataclass(frozen=True)
class Remark:
    number: int
    text: str
    category: Category
    label: str
    explanation: str
    suggestion: str | None
    evidence: str


@dataclass(frozen=True)
class Piece:
    text: str
    remark: Remark | None = None


@dataclass(frozen=True)
class CheckResult:
    pieces: tuple[Piece, ...]
    remarks: tuple[Remark, ...]

    @property
    def categories(self) -> frozenset[str]:
        return frozenset(remark.category.value for remark in self.remarks)


def language_or_default(lang: str | None) -> str:
    return lang if lang in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def categories() -> tuple[Category, ...]:
    from kvp.rules.language_check import Category

    return tuple(Category)


def in_note_language(message: str, lang: str) -> str:
    """One of the checker's texts in the note's language (they follow the note, not the page)."""
    from kvp.rules.language_check_data.messages import CONTEXT

    return translated(message, language_or_default(lang), context=CONTEXT)


def category_labels(lang: str) -> tuple[tuple[str, str], ...]:
    """Every category as (value, label in `lang`), in the checker's order."""
    from kvp.rules.language_check import category_label

    return tuple((category.value, in_note_language(category_label(category), lang)) for category in categories())


def parse_categories(value: str) -> frozenset[str]:
    """Categories from a hidden field; anything that is not a category is ignored (it is only a hint)."""
    if not value:
        return frozenset()
    known = {category.value for category in categories()}
    return frozenset(part for part in (p.strip() for p in value.split(",")) if part in known)


class CheckRefused(Exception):
    """The checker refused the text (its LanguageCheckError); the page says so calmly, saving goes on."""


def check(text: str, lang: str) -> CheckResult:
    """The text with its flagged spans. Raises CheckRefused if the checker refuses the text."""
    from kvp.rules.language_check import LanguageCheckError, check_text

    try:
        found = check_text(text, lang)
    except LanguageCheckError as error:
        raise CheckRefused(str(error)) from error
    findings = sorted(found, key=lambda finding: (finding.start, finding.end))
    pieces: list[Piece] = []
    remarks: list[Remark] = []
    at = 0
    for finding in findings:
        if finding.start < at or finding.end <= finding.start or finding.end > len(text):
            continue  # overlapping or out of range: the earlier span is already marked
        if finding.start > at:
            pieces.append(Piece(text[at : finding.start]))
        remark = _remark(len(remarks) + 1, text, finding, lang)
        remarks.append(remark)
        pieces.append(Piece(remark.text, remark))
        at = finding.end
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return CheckResult(pieces=tuple(pieces), remarks=tuple(remarks))


def categories_of(text: str, lang: str) -> frozenset[str]:
    """The categories found in a saved text; none if the checker cannot read it (saving goes on)."""
    if not text.strip() or len(text) > MAX_CHARS:
        return frozenset()
    try:
        return check(text, language_or_default(lang)).categories
    except CheckRefused:
        return frozenset()


def _remark(number: int, text: str, finding: Finding, lang: str) -> Remark:
    from kvp.rules.language_check import category_label

    return Remark(
        number=number,
        text=text[finding.start : finding.end],
        category=finding.category,
        label=in_note_language(category_label(finding.category), lang),
        explanation=in_note_language(finding.explanation, lang),
        suggestion=in_note_language(finding.suggestion, lang) if finding.suggestion else None,
        evidence=finding.evidence,
    )
