import datetime

import pytest

from kvp.rules.meetings import (
    MAX_REMINDER_HOURS,
    MeetingRules,
    MeetingState,
    may_change,
    may_publish_notes,
    may_record_outcome,
    may_say_cannot_come,
    reminder_due,
)

S = MeetingState
START = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=datetime.UTC)
H = datetime.timedelta(hours=1)
SECOND = datetime.timedelta(seconds=1)


@pytest.mark.parametrize(
    ("now", "due"),
    [
        (START - 24 * H - SECOND, False),  # just before the window opens
        (START - 24 * H, True),  # the window opens exactly 24 hours before
        (START - H, True),
        (START - SECOND, True),
        (START, False),  # once it starts, a reminder is too late
    ],
)
def test_it_reminds_from_the_configured_hours_before_until_the_meeting_starts(
    now: datetime.datetime, due: bool
) -> None:
    assert reminder_due(state=S.PLANNED, starts_at=START, reminded_for=None, now=now) is due


def test_it_reminds_once_per_planned_time_and_again_after_a_move() -> None:
    now = START - 2 * H
    assert not reminder_due(state=S.PLANNED, starts_at=START, reminded_for=START, now=now)
    assert reminder_due(state=S.PLANNED, starts_at=START, reminded_for=START - 48 * H, now=now)


@pytest.mark.parametrize("state", [S.HELD, S.NO_SHOW, S.CANCELLED])
def test_it_reminds_of_planned_meetings_only(state: MeetingState) -> None:
    assert not reminder_due(state=state, starts_at=START, reminded_for=None, now=START - H)


def test_it_reads_the_window_from_the_rules() -> None:
    rules = MeetingRules(reminder_hours_before=48)
    assert reminder_due(state=S.PLANNED, starts_at=START, reminded_for=None, now=START - 48 * H, rules=rules)
    assert not reminder_due(state=S.PLANNED, starts_at=START, reminded_for=None, now=START - 49 * H, rules=rules)


@pytest.mark.parametrize("hours", [0, -1, MAX_REMINDER_HOURS + 1, True, 1.5])
def test_it_refuses_a_reminder_window_out_of_range(hours: object) -> None:
    with pytest.raises(ValueError, match="reminder_hours_before"):
        MeetingRules(reminder_hours_before=hours)  # type: ignore[arg-type]


def test_it_accepts_the_window_edges() -> None:
    assert MeetingRules(reminder_hours_before=1).reminder_hours_before == 1
    assert MeetingRules(reminder_hours_before=MAX_REMINDER_HOURS).reminder_hours_before == MAX_REMINDER_HOURS


def test_it_changes_and_cancels_planned_meetings_only() -> None:
    assert may_change(S.PLANNED)
    assert not any(may_change(state) for state in (S.HELD, S.NO_SHOW, S.CANCELLED))


def test_it_records_an_outcome_once_the_meeting_has_started() -> None:
    assert not may_record_outcome(S.PLANNED, START, START - SECOND)
    assert may_record_outcome(S.PLANNED, START, START)
    assert may_record_outcome(S.HELD, START, START + H)  # a correction: held ↔ did not come
    assert not may_record_outcome(S.CANCELLED, START, START + H)


def test_it_publishes_notes_from_held_meetings_only() -> None:
    assert may_publish_notes(S.HELD)
    assert not any(may_publish_notes(state) for state in (S.PLANNED, S.NO_SHOW, S.CANCELLED))


def test_the_participant_may_say_they_cannot_come_until_the_meeting_starts() -> None:
    assert may_say_cannot_come(S.PLANNED, START, START - SECOND)
    assert not may_say_cannot_come(S.PLANNED, START, START)
    assert not may_say_cannot_come(S.CANCELLED, START, START - H)
