"""Follow-up after the programme ends (E16) and the outcome report it feeds (E17).

E16: follow-up after the end of the programme is a success factor; the product follows up at 3, 6 and
12 months. E17: nationally, 28 % of the 2015 starters were employed after completing the programme; an
office's outcomes are shown beside that figure. Small numbers are suppressed so no person can be
recognised in a report.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from kvp.rules.case_status import EndReason
from kvp.rules.dates import add_months
from kvp.rules.texts import N_


class Situation(StrEnum):
    """The person's situation when followed up."""

    WORK_FULL_TIME = "work_full_time"
    WORK_PART_TIME = "work_part_time"
    EDUCATION = "education"
    OTHER_BENEFIT = "other_benefit"
    OTHER = "other"
    NOT_REACHED = "not_reached"


class Benefit(StrEnum):
    """Which other benefit, when the situation is OTHER_BENEFIT."""

    AAP = "aap"
    DAGPENGER = "dagpenger"
    SOSIALHJELP = "sosialhjelp"
    UFORETRYGD = "uforetrygd"
    OTHER = "other"


class Channel(StrEnum):
    """How the person was reached (or tried)."""

    PHONE = "phone"
    IN_PERSON = "in_person"
    VIDEO = "video"
    MESSAGE = "message"
    LETTER = "letter"
    OTHER = "other"


IN_WORK = frozenset({Situation.WORK_FULL_TIME, Situation.WORK_PART_TIME})

# Everyone who took part gets after-care, except those who moved away, died or withdrew (E16).
AFTERCARE_END_REASONS = frozenset(EndReason) - {
    EndReason.MOVED,
    EndReason.MOVED_WITHIN_OSLO,
    EndReason.DIED,
    EndReason.WITHDRAWN,
}

# E17: share employed after completing, 2015 starters (Lima & Furuberg, NAV).
NATIONAL_EMPLOYED_PERCENT = Decimal("28")
NATIONAL_BASELINE_TEXT = N_("Nationally, %(percent)s %% of those who started in 2015 were employed after completing.")


@dataclass(frozen=True)
class AftercareRules:
    """When follow-ups fall due and how reports suppress small numbers. E16 gives 3, 6 and 12 months;
    the other defaults are [U] our own."""

    first_months: int = 3  # E16
    second_months: int = 6  # E16
    third_months: int = 12  # E16
    shown_days_before: int = 14  # [U] a follow-up appears in the worklist two weeks before it is due
    retry_after_days: int = 7  # [U] someone not reached is tried again a week later
    max_attempts: int = 3  # [U] after this many tries without reaching the person, the follow-up is closed
    smallest_count_shown: int = 5  # [U] counts below this are shown as "fewer than 5"

    def __post_init__(self) -> None:
        for name, least in (
            ("first_months", 1),
            ("second_months", 1),
            ("third_months", 1),
            ("shown_days_before", 0),
            ("retry_after_days", 1),
            ("max_attempts", 1),
            ("smallest_count_shown", 1),
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < least:
                raise ValueError(f"{name} must be a whole number of at least {least}")
        if not self.first_months < self.second_months < self.third_months:
            raise ValueError("the follow-ups must come in order: first < second < third")

    @property
    def months(self) -> tuple[int, int, int]:
        return (self.first_months, self.second_months, self.third_months)


def needs_aftercare(end_reason: EndReason, *, started: bool) -> bool:
    """E16: follow-up after the end for everyone who took part, unless they moved, died or withdrew."""
    return started and end_reason in AFTERCARE_END_REASONS


def due_dates(ended_on: datetime.date, rules: AftercareRules) -> list[tuple[int, datetime.date]]:
    """E16: the follow-ups (months after the end, due date) for a programme that ended on `ended_on`."""
    return [(months, add_months(ended_on, months)) for months in rules.months]


def still_scheduled(ended_on: datetime.date, today: datetime.date, rules: AftercareRules) -> bool:
    """E16: the daily job schedules missing follow-ups only while the last one is not yet past."""
    return add_months(ended_on, rules.third_months) >= today


def shows_on(due_on: datetime.date, retry_on: datetime.date | None, rules: AftercareRules) -> datetime.date:
    """E16: the day an open follow-up appears among the counsellor's tasks: some days before it is due,
    or on the retry day after an attempt that did not reach the person."""
    if retry_on is not None:
        return retry_on
    return due_on - datetime.timedelta(days=rules.shown_days_before)


def is_reached(situation: Situation | None) -> bool:
    """E16: a recorded situation other than "not reached" completes the follow-up."""
    return situation is not None and situation is not Situation.NOT_REACHED


def is_settled(situation: Situation | None, attempts: int, rules: AftercareRules) -> bool:
    """E16: a follow-up is done when the person is reached, or after `max_attempts` tries without reaching them
    (then it counts as not reached in the outcome report)."""
    return is_reached(situation) or attempts >= rules.max_attempts


def retry_on(contacted_on: datetime.date, rules: AftercareRules) -> datetime.date:
    """E16: when to try again after not reaching the person."""
    return contacted_on + datetime.timedelta(days=rules.retry_after_days)


class RecordProblem(StrEnum):
    FUTURE = "future"
    BEFORE_END = "before_end"
    BENEFIT_MISSING = "benefit_missing"
    BENEFIT_UNEXPECTED = "benefit_unexpected"
    ALREADY_DONE = "already_done"


RECORD_MESSAGES = {
    RecordProblem.FUTURE: N_("The date of the contact cannot be in the future."),
    RecordProblem.BEFORE_END: N_("The contact cannot be before the programme ended."),
    RecordProblem.BENEFIT_MISSING: N_("Choose which benefit the person receives."),
    RecordProblem.BENEFIT_UNEXPECTED: N_("A benefit is only chosen when the person receives another benefit."),
    RecordProblem.ALREADY_DONE: N_("This follow-up is already recorded."),
}


def record_problems(
    *,
    contacted_on: datetime.date,
    today: datetime.date,
    ended_on: datetime.date,
    situation: Situation,
    benefit: Benefit | None,
    done: bool,
) -> list[RecordProblem]:
    """E16: what is wrong with a follow-up record, if anything."""
    problems = []
    if done:
        problems.append(RecordProblem.ALREADY_DONE)
    if contacted_on > today:
        problems.append(RecordProblem.FUTURE)
    if contacted_on < ended_on:
        problems.append(RecordProblem.BEFORE_END)
    if situation is Situation.OTHER_BENEFIT and benefit is None:
        problems.append(RecordProblem.BENEFIT_MISSING)
    if situation is not Situation.OTHER_BENEFIT and benefit is not None:
        problems.append(RecordProblem.BENEFIT_UNEXPECTED)
    return problems


@dataclass(frozen=True)
class FollowUpFact:
    """One follow-up in a report: when it is due and what was found (None if nothing recorded yet;
    NOT_REACHED if the last attempt did not reach the person)."""

    months: int
    due_on: datetime.date
    situation: Situation | None


@dataclass(frozen=True)
class OutcomeRow:
    """Outcomes at one follow-up point. Counts below the smallest shown are None ("fewer than 5"), and so
    is a share whose count or base is suppressed. Shares are percent of those reached."""

    months: int
    due: int | None
    reached: int | None
    in_work: int | None
    in_education: int | None
    work_percent: Decimal | None
    work_or_education_percent: Decimal | None


def shown_count(count: int, rules: AftercareRules) -> int | None:
    """E17 reports: a count below the smallest shown is suppressed (None) so no one can be recognised."""
    return count if count >= rules.smallest_count_shown else None


def percent(part: int, whole: int, rules: AftercareRules) -> Decimal | None:
    """E17 reports: part of whole in percent with one decimal, or None when either count is suppressed."""
    if shown_count(part, rules) is None or shown_count(whole, rules) is None:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def outcome_rows(facts: Iterable[FollowUpFact], today: datetime.date, rules: AftercareRules) -> list[OutcomeRow]:
    """E16, E17: per follow-up point, how many were due, reached, in work and in education, with shares."""
    by_months: dict[int, list[FollowUpFact]] = {months: [] for months in rules.months}
    for fact in facts:
        by_months.setdefault(fact.months, []).append(fact)
    rows = []
    for months in sorted(by_months):
        due: Sequence[FollowUpFact] = [fact for fact in by_months[months] if fact.due_on <= today]
        reached = [fact for fact in due if is_reached(fact.situation)]
        work = sum(1 for fact in reached if fact.situation in IN_WORK)
        education = sum(1 for fact in reached if fact.situation is Situation.EDUCATION)
        rows.append(
            OutcomeRow(
                months=months,
                due=shown_count(len(due), rules),
                reached=shown_count(len(reached), rules),
                in_work=shown_count(work, rules),
                in_education=shown_count(education, rules),
                work_percent=percent(work, len(reached), rules),
                work_or_education_percent=percent(work + education, len(reached), rules),
            )
        )
    return rows
