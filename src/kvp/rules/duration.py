"""Programme duration, extension, interruptions and start (sotjl. chapter 4 as amended 1.1.2019; S1, S14).

Current regime (decisions from 1.1.2019): up to 2 years, extended with up to 1 more year when
"særlige grunner" apply, so at most 3 years per programme (S1, S14). Legacy regime (decisions
before 2019): up to 1 year plus up to 1 more year (S5, S16). Which section of the act holds the
duration rule is not confirmed [U], so the code and the letters cite the rule, not a section number.

Periods are counted in calendar terms and end dates are inclusive: a 2-year programme starting
2026-01-05 may end at the latest on 2028-01-04. Every length is a parameter of DurationRules.

Re-entry after a temporary interruption (avbrudd) has no limit on the number of re-entries since
2019 (S1), and a new programme later is allowed without a count limit (S1): there is nothing to
check for either, so this module deliberately has no re-entry rule.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from kvp.rules.dates import add_months, add_years

ONE_DAY = datetime.timedelta(days=1)

# An interruption (avbrudd) from its first to its last day, both inclusive.
Interruption = tuple[datetime.date, datetime.date]


class Regime(StrEnum):
    CURRENT = "current"  # decisions on or after 2019-01-01: 2 + 1 years (S1, S14)
    LEGACY = "legacy"  # decisions before 2019: 1 + 1 years (S5, S16)


class PeriodProblem(StrEnum):
    END_BEFORE_START = "end_before_start"
    TOO_LONG = "too_long"


class ExtensionProblem(StrEnum):
    NO_SPECIAL_REASON = "no_special_reason"
    NOT_LATER = "not_later"
    BEYOND_MAXIMUM = "beyond_maximum"
    EXTENSION_TOO_LONG = "extension_too_long"


class StartProblem(StrEnum):
    START_BEFORE_APPLICATION = "start_before_application"
    START_TOO_LATE = "start_too_late"


@dataclass(frozen=True, kw_only=True)
class DurationRules:
    """Lengths and assumptions, with documented defaults; [U] marks an unverified choice.

    - current_from=2019-01-01: decision date from which the current regime applies (S1).
    - current_ordinary_years=2, current_extension_years=1: the duration rule, S1, S14.
    - legacy_ordinary_years=1, legacy_extension_years=1: pre-2019 rule, S5, S16.
    - start_deadline_months=6 [U]: start no later than 6 months after the application (kommune
      pages, S13; legal basis not found).
    - interruptions_extend_programme=True [U]: interruption days do not count towards the maximum
      length, so they move the latest end later. Only the COVID rule (16.3.-31.12.2020, S15) is
      documented; the general rule is an assumption. Set False to count interruptions as programme time.
    """

    current_from: datetime.date = datetime.date(2019, 1, 1)
    current_ordinary_years: int = 2
    current_extension_years: int = 1
    legacy_ordinary_years: int = 1
    legacy_extension_years: int = 1
    start_deadline_months: int = 6
    interruptions_extend_programme: bool = True

    def __post_init__(self) -> None:
        lengths = (
            self.current_ordinary_years,
            self.current_extension_years,
            self.legacy_ordinary_years,
            self.legacy_extension_years,
            self.start_deadline_months,
        )
        if any(length < 0 for length in lengths) or self.current_ordinary_years == 0 or self.legacy_ordinary_years == 0:
            raise ValueError("lengths must be non-negative and the ordinary length positive")

    def ordinary_years(self, regime: Regime) -> int:
        return self.current_ordinary_years if regime is Regime.CURRENT else self.legacy_ordinary_years

    def extension_years(self, regime: Regime) -> int:
        return self.current_extension_years if regime is Regime.CURRENT else self.legacy_extension_years


DEFAULT_DURATION_RULES = DurationRules()


# --- calendar helpers -------------------------------------------------------------------------


def period_last_day(start: datetime.date, years: int) -> datetime.date:
    """Last day of a period of `years` calendar years from `start`, end inclusive (S1: lengths in years).

    Normally the day before the same date `years` later (2026-01-05 + 2 years → 2028-01-04). A start on
    29 February has no same date in a common year; its period then ends on 28 February, so it is as
    long as a period starting 28 February and never shorter than one starting 1 March.
    """
    anniversary = add_years(start, years)
    if anniversary.day != start.day:  # 29 February moved to 28 February: that day is the last day
        return anniversary
    return anniversary - ONE_DAY


# --- regime and period ------------------------------------------------------------------------


def regime_for(*, decision_date: datetime.date, rules: DurationRules = DEFAULT_DURATION_RULES) -> Regime:
    """Current regime for decisions from 1.1.2019 (the duration rule as amended, S1), legacy before."""
    return Regime.CURRENT if decision_date >= rules.current_from else Regime.LEGACY


def merge_interruptions(
    interruptions: Iterable[Interruption], *, start: datetime.date, until: datetime.date
) -> list[Interruption]:
    """Interruptions clipped to [start, until], sorted, with overlapping and adjacent ones merged."""
    clipped: list[Interruption] = []
    for first, last in interruptions:
        if last < first:
            raise ValueError(f"interruption ends before it starts: {first} - {last}")
        first, last = max(first, start), min(last, until)
        if first <= last:
            clipped.append((first, last))
    merged: list[Interruption] = []
    for first, last in sorted(clipped):
        if merged and first <= merged[-1][1] + ONE_DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def days_in_programme(*, start: datetime.date, until: datetime.date, interruptions: Iterable[Interruption] = ()) -> int:
    """Calendar days from `start` to `until` (both inclusive) not covered by an interruption; 0 if until < start."""
    if until < start:
        return 0
    interrupted = sum(
        (last - first).days + 1 for first, last in merge_interruptions(interruptions, start=start, until=until)
    )
    return (until - start).days + 1 - interrupted


def latest_end(
    *,
    start: datetime.date,
    regime: Regime,
    interruptions: Iterable[Interruption] = (),
    extended: bool = False,
    rules: DurationRules = DEFAULT_DURATION_RULES,
) -> datetime.date:
    """The last allowed end date: ordinary length, or ordinary + extension when `extended` (S1, S14).

    With rules.interruptions_extend_programme ([U], default True; only the COVID rule S15 is
    documented) interruption days do not count towards the maximum: the end moves later until the
    days in the programme equal those of an uninterrupted programme. Interruptions before the start
    are ignored; those after the (moved) end do not matter.
    """
    years = rules.ordinary_years(regime) + (rules.extension_years(regime) if extended else 0)
    return _last_day(start=start, years=years, interruptions=list(interruptions), rules=rules)


def _last_day(
    *, start: datetime.date, years: int, interruptions: list[Interruption], rules: DurationRules
) -> datetime.date:
    """Last day of `years` from `start`, moved later by interruption days when they do not count ([U])."""
    base = period_last_day(start, years)
    if not rules.interruptions_extend_programme or base < start:
        return base
    # Each pass adds the interruption days up to the current end, until no new ones are reached.
    end = base
    while (moved := base + datetime.timedelta(days=_interrupted_days(interruptions, start, end))) != end:
        end = moved
    return end


def _interrupted_days(interruptions: list[Interruption], start: datetime.date, until: datetime.date) -> int:
    return (until - start).days + 1 - days_in_programme(start=start, until=until, interruptions=interruptions)


def check_period(
    *,
    start: datetime.date,
    end: datetime.date,
    regime: Regime,
    interruptions: Iterable[Interruption] = (),
    rules: DurationRules = DEFAULT_DURATION_RULES,
) -> list[PeriodProblem]:
    """Problems with an ordinary programme period (S1, S14; legacy S16)."""
    if end < start:
        return [PeriodProblem.END_BEFORE_START]
    if end > latest_end(start=start, regime=regime, interruptions=interruptions, rules=rules):
        return [PeriodProblem.TOO_LONG]
    return []


def check_extension(
    *,
    start: datetime.date,
    current_end: datetime.date,
    new_end: datetime.date,
    special_reason: str | None,
    regime: Regime,
    interruptions: Iterable[Interruption] = (),
    rules: DurationRules = DEFAULT_DURATION_RULES,
) -> list[ExtensionProblem]:
    """Problems with an extension ("særlige grunner", S1, S14; legacy S16).

    - NO_SPECIAL_REASON: the reason is missing or blank; an extension without one is rejected.
    - NOT_LATER: the new end is not after the current end.
    - BEYOND_MAXIMUM: past the absolute maximum for the regime (ordinary + extension years: 3 years
      current, 2 years legacy; derived from S1, S14), moved by interruptions as in latest_end.
    - EXTENSION_TOO_LONG: more than the extension length (1 year) beyond the original maximum, the
      ordinary latest end. With the default lengths this coincides with BEYOND_MAXIMUM (3 = 2 + 1),
      give or take leap days; both are reported so a message can name the rule that is broken.

    check_prolongation calls this only beyond the ordinary maximum; a prolongation that stays inside it
    needs no special reason.
    """
    spans = list(interruptions)
    problems: list[ExtensionProblem] = []
    if special_reason is None or not special_reason.strip():
        problems.append(ExtensionProblem.NO_SPECIAL_REASON)
    if new_end <= current_end:
        problems.append(ExtensionProblem.NOT_LATER)
    if new_end > latest_end(start=start, regime=regime, interruptions=spans, extended=True, rules=rules):
        problems.append(ExtensionProblem.BEYOND_MAXIMUM)
    original_maximum = latest_end(start=start, regime=regime, interruptions=spans, rules=rules)
    extension_last_day = _last_day(
        start=original_maximum + ONE_DAY, years=rules.extension_years(regime), interruptions=spans, rules=rules
    )
    if new_end > extension_last_day:
        problems.append(ExtensionProblem.EXTENSION_TOO_LONG)
    return problems


def check_prolongation(
    *,
    start: datetime.date,
    current_end: datetime.date,
    new_end: datetime.date,
    special_reason: str | None,
    regime: Regime,
    interruptions: Iterable[Interruption] = (),
    rules: DurationRules = DEFAULT_DURATION_RULES,
) -> list[ExtensionProblem]:
    """Problems with moving a running programme's end later, whichever rule the new end falls under.

    Up to the ordinary maximum (two years since 2019, moved by interruptions as in latest_end) the programme
    is simply given for longer, as long as the entry conditions are met: no special reason is needed, and a
    programme granted for one year may go on to two (S1, S14). Only beyond the ordinary maximum is it an
    exceptional extension, which needs "særlige grunner" and stays within the absolute maximum
    (check_extension).
    """
    if new_end <= current_end:
        return [ExtensionProblem.NOT_LATER]
    spans = list(interruptions)
    if new_end <= latest_end(start=start, regime=regime, interruptions=spans, rules=rules):
        return []
    return check_extension(
        start=start, current_end=current_end, new_end=new_end, special_reason=special_reason, regime=regime,
        interruptions=spans, rules=rules,
    )  # fmt: skip


def halfway_date(*, start: datetime.date, end: datetime.date) -> datetime.date:
    """The programme's halfway point, by which work-directed activities must be in the plan.

    Forskrift om kvalifiseringsprogram § 1 (S5, pre-2019 wording; current wording [U]). The middle
    day of start..end (both inclusive). With an even number of days (an odd difference end - start)
    there are two middle days and the later one is chosen: it has as many days before it as from it
    to the end, and the deadline is never earlier than the true middle. Calendar days; interruptions
    are not taken into account.
    """
    if end < start:
        raise ValueError("end is before start")
    return start + datetime.timedelta(days=((end - start).days + 1) // 2)


def start_deadline(*, application_date: datetime.date, rules: DurationRules = DEFAULT_DURATION_RULES) -> datetime.date:
    """Latest start date: rules.start_deadline_months (default 6, [U]) after the application (S13)."""
    return add_months(application_date, rules.start_deadline_months)


def check_start(
    *, application_date: datetime.date, start: datetime.date, rules: DurationRules = DEFAULT_DURATION_RULES
) -> list[StartProblem]:
    """Start on or after the application date and no later than the start deadline (S13, legal basis [U])."""
    if start < application_date:
        return [StartProblem.START_BEFORE_APPLICATION]
    if start > start_deadline(application_date=application_date, rules=rules):
        return [StartProblem.START_TOO_LATE]
    return []
