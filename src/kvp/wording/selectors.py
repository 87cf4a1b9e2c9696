"""The office's language-check outcomes per category and month (E12): counts for reflection, with
small numbers (fewer than five) hidden so that no single writer or text can be picked out."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.utils.translation import get_language

from kvp.accounts.models import Office
from kvp.rules.dates import months_back
from kvp.wording.checking import category_labels, language_or_default
from kvp.wording.models import WordingOutcome

SMALL = 5  # counts from 1 to SMALL - 1 are shown as "fewer than 5"
MONTHS = 12


@dataclass(frozen=True)
class Count:
    value: int

    @property
    def suppressed(self) -> bool:
        return 0 < self.value < SMALL


def kept_share(texts: Count, kept: Count) -> int | None:
    """The share kept as written, in percent, only when both numbers may be shown."""
    if texts.value < SMALL or kept.suppressed:
        return None
    return round(100 * kept.value / texts.value)


@dataclass(frozen=True)
class MonthRow:
    month: datetime.date
    texts: Count
    kept: Count
    per_category: tuple[Count, ...]

    @property
    def kept_percent(self) -> int | None:
        return kept_share(self.texts, self.kept)


@dataclass(frozen=True)
class Summary:
    office: Office
    categories: tuple[tuple[str, str], ...]  # (value, label)
    months: tuple[MonthRow, ...]
    totals: tuple[tuple[str, Count], ...]  # (label, texts with the category)
    texts: Count
    kept: Count
    per_source: tuple[tuple[str, Count], ...]

    @property
    def kept_percent(self) -> int | None:
        return kept_share(self.texts, self.kept)


def office_summary(office: Office, *, today: datetime.date) -> Summary:
    months = months_back(today, MONTHS)
    rows = WordingOutcome.objects.filter(office=office, month__gte=months[0], month__lte=months[-1]).values_list(
        "month", "categories", "kept_as_written", "source"
    )
    texts: Counter[datetime.date] = Counter()
    kept: Counter[datetime.date] = Counter()
    found: Counter[tuple[datetime.date, str]] = Counter()
    sources: Counter[str] = Counter()
    for month, categories, was_kept, source in rows:
        texts[month] += 1
        kept[month] += bool(was_kept)
        sources[source] += 1
        for category in set(categories):
            found[month, category] += 1
    lang = language_or_default((get_language() or "nb")[:2])
    labels = category_labels(lang)
    order = [value for value, _label in labels]
    return Summary(
        office=office,
        categories=labels,
        months=tuple(
            MonthRow(
                month=month,
                texts=Count(texts[month]),
                kept=Count(kept[month]),
                per_category=tuple(Count(found[month, category]) for category in order),
            )
            for month in months
        ),
        totals=tuple((label, Count(sum(found[month, value] for month in months))) for value, label in labels),
        texts=Count(sum(texts.values())),
        kept=Count(sum(kept.values())),
        per_source=tuple((str(label), Count(sources[value])) for value, label in WordingOutcome.Source.choices),
    )
