"""Meetings with the participant: when they may be changed, when their outcome may be recorded, and when the
participant is reminded (E7, E16: close follow-up over time, meetings the participant can attend).

Pure rules: no Django. Times are aware datetimes; the app passes `timezone.now()`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum


class MeetingState(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    NO_SHOW = "no_show"  # the participant did not come
    CANCELLED = "cancelled"


# A meeting whose outcome is recorded: it may be corrected between held and did-not-come.
OUTCOMES = frozenset({MeetingState.HELD, MeetingState.NO_SHOW})


MAX_REMINDER_HOURS = 24 * 14


@dataclass(frozen=True)
class MeetingRules:
    """Thresholds an administrator may change. The defaults are [U] our own."""

    # E16: the participant is reminded the day before. A daily job reaches every meeting when this is 24 or more.
    reminder_hours_before: int = 24

    def __post_init__(self) -> None:
        value = self.reminder_hours_before
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_REMINDER_HOURS:
            raise ValueError(f"reminder_hours_before must be a whole number from 1 to {MAX_REMINDER_HOURS}")


DEFAULT_MEETING_RULES = MeetingRules()


def may_change(state: MeetingState) -> bool:
    """E16: only a planned meeting is edited, moved or cancelled; a held one is history."""
    return state is MeetingState.PLANNED


def may_record_outcome(state: MeetingState, starts_at: datetime.datetime, now: datetime.datetime) -> bool:
    """E7: held or did-not-come is recorded once the meeting has started (and may be corrected), never ahead."""
    return state is not MeetingState.CANCELLED and now >= starts_at


def may_publish_notes(state: MeetingState) -> bool:
    """E16: notes are shared with the participant only from a meeting that was held."""
    return state is MeetingState.HELD


def may_say_cannot_come(state: MeetingState, starts_at: datetime.datetime, now: datetime.datetime) -> bool:
    """E16: the participant may say they cannot come to a planned meeting until it starts."""
    return state is MeetingState.PLANNED and now < starts_at


def reminder_due(
    *,
    state: MeetingState,
    starts_at: datetime.datetime,
    reminded_for: datetime.datetime | None,
    now: datetime.datetime,
    rules: MeetingRules = DEFAULT_MEETING_RULES,
) -> bool:
    """E16: remind once per planned time, from `reminder_hours_before` before the meeting until it starts.

    A meeting moved to a new time is reminded again (`reminded_for` is the time last reminded of).
    """
    if state is not MeetingState.PLANNED or reminded_for == starts_at:
        return False
    return starts_at - datetime.timedelta(hours=rules.reminder_hours_before) <= now < starts_at
