"""Flags on a participant's history of measures: the practice loop, lock-in in courses, and long courses
without contact with working life (E4, E9, E11).

A flag does not judge the participant: it says what the history shows, why that matters, and what to
consider instead. Messages are English msgids marked with `N_`; the app translates them and the values
named in `Flag.labels`, then formats the message with `params | labels`. `Flag.episodes` names the
measures the flag is about, by their titles.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from kvp.rules.measures import MeasureType
from kvp.rules.texts import N_

Param = str | int | Decimal  # a value shown in a message

# Classroom measures: time in them keeps a person away from work (lock-in, E9). Vocational Norwegian is
# not one: it combines language practice at a workplace with tuition.
COURSES = frozenset(
    {
        MeasureType.LABOUR_MARKET_COURSE,
        MeasureType.NORWEGIAN_COURSE,
        MeasureType.MASTERY_COURSE,
        MeasureType.DIGITAL_SKILLS,
    }
)
# The average length of a month in days (365.25 / 12): time in courses is counted in days and shown in months.
MONTH_DAYS = Decimal("30.4375")


class Outcome(StrEnum):
    HIRED = "hired"  # got a job, at the workplace or elsewhere
    QUALIFIED = "qualified"  # completed with a formal qualification
    ENDED_WITHOUT_HIRE = "ended_without_hire"
    ONGOING = "ongoing"
    CANCELLED = "cancelled"  # did not take place as planned; the flags leave it out


@dataclass(frozen=True)
class Episode:
    """One measure the participant took part in. `ends_on` is the end (planned, while ongoing), or None when
    no end date is recorded: an ongoing measure then runs until today, and a measure that has ended counts
    as its start day only, since its length is unknown and the flags never guess it longer."""

    measure_type: MeasureType
    title: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    outcome: Outcome
    formal_qualification_gained: bool
    work_contact: bool  # any contact with an employer during it

    def __post_init__(self) -> None:
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise ValueError(f"the measure {self.title!r} ends before it starts")
        if self.outcome is Outcome.QUALIFIED and not self.formal_qualification_gained:
            raise ValueError(f"the measure {self.title!r} ended as qualified but records no formal qualification")

    def breaks_loop(self) -> bool:
        """A job or a formal qualification ends a practice loop (E4)."""
        return self.outcome in (Outcome.HIRED, Outcome.QUALIFIED) or self.formal_qualification_gained

    def last_day(self, today: datetime.date) -> datetime.date:
        """The measure's last day, planned or actual; for an ongoing one without an end date, today."""
        if self.ends_on is not None:
            return self.ends_on
        return max(today, self.starts_on) if self.outcome is Outcome.ONGOING else self.starts_on

    def days_until(self, today: datetime.date) -> tuple[datetime.date, datetime.date] | None:
        """The days [first, last] of this measure up to and including today; None if it starts later."""
        if self.starts_on > today:
            return None
        return self.starts_on, min(self.last_day(today), today)


@dataclass(frozen=True)
class FlagRules:
    """Thresholds an administrator may change. The defaults are [U] our own."""

    loop_practices: int = 2  # E4: work practices in a row without hire or qualification
    course_months_without_qualification: int = 9  # E9: months in courses with no formal qualification
    long_course_weeks: int = 16  # E9, E11: a course longer than this should include contact with working life

    def __post_init__(self) -> None:
        for name, least in (
            ("loop_practices", 2),
            ("course_months_without_qualification", 1),
            ("long_course_weeks", 1),
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < least:
                raise ValueError(f"{name} must be a whole number of at least {least}")


DEFAULT_FLAG_RULES = FlagRules()


class FlagCode(StrEnum):
    PRACTICE_LOOP = "practice_loop"
    LOCK_IN = "lock_in"
    NO_WORK_CONTACT = "no_work_contact"


@dataclass(frozen=True)
class Flag:
    """One finding. To show it: translate `message` and each value of `labels`, then
    `message % (params | translated labels)`, and list `episodes` below it."""

    code: FlagCode
    message: str  # an N_ text with %(name)s placeholders
    params: dict[str, Param]  # data values: the app formats numbers for the reader
    labels: dict[str, str]  # N_ texts the app translates before formatting
    evidence: str  # the evidence code the flag rests on (E1-E19)
    episodes: tuple[str, ...]  # titles of the measures the flag is about, oldest first


def practice_flags(
    episodes: Sequence[Episode], *, today: datetime.date, rules: FlagRules = DEFAULT_FLAG_RULES
) -> list[Flag]:
    """All flags on a participant's measures as of `today`, in FlagCode order. Cancelled measures and
    measures that start after today are left out."""
    history = sorted(
        (e for e in episodes if e.outcome is not Outcome.CANCELLED and e.starts_on <= today),
        key=lambda e: (e.starts_on, e.title),
    )
    flags = [_practice_loop(history, rules), _lock_in(history, today, rules), _no_work_contact(history, today, rules)]
    return [flag for flag in flags if flag is not None]


def _practice_loop(history: list[Episode], rules: FlagRules) -> Flag | None:
    """The latest work practices, in a row, ended without a job and without a formal qualification (E4).
    Walking back from the newest measure, a job or a qualification in any measure ends the run; ongoing
    practices and other measures neither count nor break it."""
    run: list[Episode] = []
    for episode in reversed(history):
        if episode.breaks_loop():
            break
        if episode.measure_type is MeasureType.WORK_PRACTICE and episode.outcome is Outcome.ENDED_WITHOUT_HIRE:
            run.append(episode)
    if len(run) < rules.loop_practices:
        return None
    run.reverse()
    return Flag(
        code=FlagCode.PRACTICE_LOOP,
        message=N_(
            "The last %(count)s work practices ended without a job and without a formal qualification. "
            "More practice of the same kind rarely leads to work. Consider having the participant's experience "
            "recognised, for example through the experience route to a trade certificate (praksiskandidat), "
            "a measure that gives a formal qualification, or a wage subsidy with a job in view."
        ),
        params={"count": len(run)},
        labels={},
        evidence="E4",
        episodes=tuple(e.title for e in run),
    )


def _merged_days(spans: list[tuple[datetime.date, datetime.date]]) -> int:
    """The number of calendar days covered by the spans, each day once even where spans overlap."""
    total = 0
    current: tuple[datetime.date, datetime.date] | None = None
    for first, last in sorted(spans):
        if current is not None and first <= current[1] + datetime.timedelta(days=1):
            current = (current[0], max(current[1], last))
            continue
        if current is not None:
            total += (current[1] - current[0]).days + 1
        current = (first, last)
    if current is not None:
        total += (current[1] - current[0]).days + 1
    return total


def _lock_in(history: list[Episode], today: datetime.date, rules: FlagRules) -> Flag | None:
    """Time in courses that gave no formal qualification beyond the limit (E9: training measures have large
    lock-in effects). Ongoing courses count up to today; days in parallel courses count once."""
    counted: list[Episode] = []
    spans: list[tuple[datetime.date, datetime.date]] = []
    for episode in history:
        span = episode.days_until(today)
        if episode.measure_type in COURSES and not episode.formal_qualification_gained and span is not None:
            counted.append(episode)
            spans.append(span)
    days = _merged_days(spans)
    if days <= rules.course_months_without_qualification * MONTH_DAYS:
        return None
    return Flag(
        code=FlagCode.LOCK_IN,
        message=N_(
            "The participant has spent about %(months)s months in courses that gave no formal qualification, "
            "more than the limit of %(limit)s months. Long periods in courses keep people away from work. "
            "Consider a measure that gives a formal qualification, vocational Norwegian combined with "
            "practice, or a wage subsidy with a job in view."
        ),
        params={
            "months": (Decimal(days) / MONTH_DAYS).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP),
            "limit": rules.course_months_without_qualification,
        },
        labels={},
        evidence="E9",
        episodes=tuple(e.title for e in counted),
    )


def _no_work_contact(history: list[Episode], today: datetime.date, rules: FlagRules) -> Flag | None:
    """A course longer than the limit with no contact with an employer (E11: practice combined with
    training works best). A course's length is its planned or actual length; for an ongoing course without
    an end date, its length so far (Episode.last_day)."""
    limit_days = rules.long_course_weeks * 7
    long_courses = [
        e
        for e in history
        if e.measure_type in COURSES and not e.work_contact and (e.last_day(today) - e.starts_on).days + 1 > limit_days
    ]
    if not long_courses:
        return None
    return Flag(
        code=FlagCode.NO_WORK_CONTACT,
        message=N_(
            "Courses longer than %(weeks)s weeks without any contact with an employer: %(count)s. Training "
            "works best combined with practice: add a workplace visit, a short practice period or vocational "
            "Norwegian alongside the course."
        ),
        params={"weeks": rules.long_course_weeks, "count": len(long_courses)},
        labels={},
        evidence="E11",
        episodes=tuple(e.title for e in long_courses),
    )
