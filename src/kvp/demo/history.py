"""Case histories for the demo office: status paths whose dates follow each other.

A history is first laid out in days after the application (day 0), then put on the calendar: an
open case so that today falls inside its current stage (an active programme has started and not
yet reached its end date), a closed case so that it ended before a given date. Steps fall on
working days; the programme's end date may be any day.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar

from kvp.rules.case_status import CaseStatus, EndReason
from kvp.rules.deadlines import is_working_day

APPLIED, ASSESSED, GRANTED, REFUSED = CaseStatus.APPLIED, CaseStatus.ASSESSED, CaseStatus.GRANTED, CaseStatus.REFUSED
ACTIVE, EXTENDED, ENDED = CaseStatus.ACTIVE, CaseStatus.EXTENDED, CaseStatus.ENDED
STARTED = frozenset({ACTIVE, EXTENDED})

T = TypeVar("T")
Path = tuple[CaseStatus, ...]
PROGRAMME_MONTHS = (6, 9, 12, 12, 12, 12, 18, 24)  # first grant: up to two years, most often one
EXTENSION_MONTHS = (3, 6, 6, 12)  # the duration rule (S1): up to one more year


@dataclass(frozen=True)
class Mix:
    """How often each path occurs, and why programmes that started came to an end."""

    paths: tuple[tuple[Path, int], ...]
    end_reasons: tuple[tuple[EndReason, int], ...]


_ASSESSED_PATH: Path = (APPLIED, ASSESSED)
_STARTED_PATH: Path = (APPLIED, ASSESSED, GRANTED, ACTIVE)
# Before the programme starts, a case can only end because the application was withdrawn or the person moved.
_BEFORE_START_REASONS = ((EndReason.WITHDRAWN, 3), (EndReason.MOVED, 1))

CURRENT = Mix(
    paths=(
        ((APPLIED,), 8),
        (_ASSESSED_PATH, 7),
        ((*_ASSESSED_PATH, GRANTED), 5),
        ((*_ASSESSED_PATH, REFUSED), 5),
        (_STARTED_PATH, 42),
        ((*_STARTED_PATH, EXTENDED), 10),
        ((*_STARTED_PATH, ENDED), 14),
        ((*_STARTED_PATH, EXTENDED, ENDED), 4),
        ((APPLIED, ENDED), 1),
        ((*_ASSESSED_PATH, ENDED), 2),
        ((*_ASSESSED_PATH, GRANTED, ENDED), 2),
    ),
    end_reasons=(
        (EndReason.COMPLETED_WORK, 30),
        (EndReason.COMPLETED_EDUCATION, 12),
        (EndReason.COMPLETED_OTHER, 10),
        (EndReason.OTHER_BENEFIT, 15),
        (EndReason.NON_ATTENDANCE, 10),
        (EndReason.MOVED, 8),
        (EndReason.CONDITIONS_NO_LONGER_MET, 8),
    ),
)
# An earlier case of someone who applied again: closed, and more often interrupted than completed.
EARLIER = Mix(
    paths=(
        ((*_STARTED_PATH, ENDED), 6),
        ((*_STARTED_PATH, EXTENDED, ENDED), 1),
        ((*_ASSESSED_PATH, REFUSED), 2),
        ((APPLIED, ENDED), 1),
    ),
    end_reasons=(
        (EndReason.COMPLETED_WORK, 10),
        (EndReason.COMPLETED_OTHER, 5),
        (EndReason.OTHER_BENEFIT, 10),
        (EndReason.NON_ATTENDANCE, 12),
        (EndReason.MOVED, 8),
        (EndReason.CONDITIONS_NO_LONGER_MET, 5),
    ),
)
# A new application not yet given to a counsellor.
NEW_APPLICATION = Mix(paths=(((APPLIED,), 1),), end_reasons=CURRENT.end_reasons)


@dataclass(frozen=True)
class Step:
    on: datetime.date
    status: CaseStatus


@dataclass(frozen=True)
class History:
    steps: tuple[Step, ...]  # from APPLIED to the current status, on working days
    end_reason: EndReason | None
    planned_start: datetime.date | None  # set by the grant; the programme starts that day if it starts
    granted_until: datetime.date | None  # the end date in the grant
    ends_on: datetime.date | None  # the programme's end date, moved by an extension

    @property
    def status(self) -> CaseStatus:
        return self.steps[-1].status

    @property
    def applied_on(self) -> datetime.date:
        return self.steps[0].on

    @property
    def last_on(self) -> datetime.date:
        return self.steps[-1].on

    def on(self, *statuses: CaseStatus) -> datetime.date | None:
        """The day the case reached one of `statuses`, or None."""
        return next((step.on for step in self.steps if step.status in statuses), None)

    @property
    def decided_on(self) -> datetime.date | None:
        return self.on(GRANTED, REFUSED)

    @property
    def starts_on(self) -> datetime.date | None:
        return self.on(ACTIVE)

    @property
    def ended_on(self) -> datetime.date | None:
        return self.on(ENDED)


def months_in_days(count: int) -> int:
    return round(count * 365.25 / 12)


class _Layout:
    """The days after the application on which each step happens, and the programme period once granted."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.days = [0]
        self.granted = False
        self.planned_start = 0
        self.granted_until = 0
        self.ends = 0

    def advance(self, current: CaseStatus, target: CaseStatus, end_reason: EndReason) -> None:
        self.days.append(self.days[-1] + self._gap(current, target, end_reason))

    def next_step_day(self, current: CaseStatus) -> int | None:
        """The day an open case would take its next step; None for a closed case."""
        day, rng = self.days[-1], self.rng
        if current is APPLIED:
            return day + rng.randint(7, 35)
        if current is ASSESSED:
            return day + rng.randint(3, 21)
        if current is GRANTED:
            return self.planned_start
        if current in STARTED:
            return self.ends
        return None

    def _gap(self, current: CaseStatus, target: CaseStatus, end_reason: EndReason) -> int:
        day, rng = self.days[-1], self.rng
        if target is GRANTED:
            gap = rng.randint(3, 21)
            self.granted = True
            self.planned_start = day + gap + rng.randint(1, 28)
            self.ends = self.granted_until = self.planned_start + months_in_days(rng.choice(PROGRAMME_MONTHS))
            return gap
        if target is ACTIVE:
            return self.planned_start - day
        if target is EXTENDED:
            gap = self.ends - day - rng.randint(7, 45)  # decided some weeks before the programme would end
            self.ends += months_in_days(rng.choice(EXTENSION_MONTHS))
            return gap
        if target is ENDED and current in STARTED:
            return _time_to_end(rng, end_reason, remaining=self.ends - day)
        if target is ENDED and current is GRANTED:
            return rng.randint(1, self.planned_start - day)
        if target is ASSESSED:
            return rng.randint(7, 35)
        return rng.randint(3, 30)  # a decision after the assessment, or an end before the grant


def _time_to_end(rng: random.Random, reason: EndReason, *, remaining: int) -> int:
    """Days from the start (or extension) to the end, of `remaining` days left in the programme."""
    if reason is EndReason.COMPLETED_WORK:
        return rng.randint(remaining // 3, remaining)  # a job may come before the programme ends
    if reason in {EndReason.COMPLETED_EDUCATION, EndReason.COMPLETED_OTHER}:
        return remaining - rng.randint(0, 14)
    return rng.randint(30, remaining - 1)


CLOSED_EVES = {(12, 24), (12, 31)}  # NAV offices are closed on Christmas Eve and New Year's Eve


def workday(day: datetime.date, today: datetime.date) -> datetime.date:
    """Move a day the office is closed (weekend, public holiday, Christmas Eve, New Year's Eve) to a working
    day: back up to today, on after it. Past days stay past and future days future."""
    step = datetime.timedelta(days=-1 if day <= today else 1)
    while not is_working_day(day) or (day.month, day.day) in CLOSED_EVES:
        day += step
    return day


def _weighted(rng: random.Random, options: tuple[tuple[T, int], ...]) -> T:
    return rng.choices([value for value, _ in options], weights=[weight for _, weight in options])[0]


def case_history(
    rng: random.Random, mix: Mix, *, today: datetime.date, closed_by: datetime.date, spread_days: int
) -> History:
    """A history drawn from `mix`. Open cases surround `today`; closed ones end up to `spread_days` before
    `closed_by`."""
    path = _weighted(rng, mix.paths)
    end_reason = _weighted(rng, mix.end_reasons if ACTIVE in path else _BEFORE_START_REASONS)  # if it ends
    layout = _Layout(rng)
    for current, target in pairwise(path):
        layout.advance(current, target, end_reason)
    last = layout.days[-1]
    next_day = layout.next_step_day(path[-1])
    if next_day is None:
        day_zero = closed_by - datetime.timedelta(days=last + rng.randint(0, spread_days))
    else:
        day_zero = today - datetime.timedelta(days=rng.randint(last, next_day - 1))

    def on(day: int) -> datetime.date:
        return day_zero + datetime.timedelta(days=day)

    return History(
        steps=tuple(Step(workday(on(day), today), status) for day, status in zip(layout.days, path, strict=True)),
        end_reason=end_reason if path[-1] is ENDED else None,
        planned_start=workday(on(layout.planned_start), today) if layout.granted else None,
        granted_until=on(layout.granted_until) if layout.granted else None,
        ends_on=on(layout.ends) if layout.granted else None,
    )
