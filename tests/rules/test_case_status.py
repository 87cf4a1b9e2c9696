import datetime

import pytest

from kvp.rules.case_status import (
    ALLOWED_TRANSITIONS,
    CaseStatus,
    EndReason,
    TransitionProblem,
    kostra_status,
    ran_in_year,
    transition_problem,
)

S = CaseStatus


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.APPLIED, S.ASSESSED),
        (S.ASSESSED, S.GRANTED),
        (S.ASSESSED, S.REFUSED),
        (S.GRANTED, S.ACTIVE),
        (S.ACTIVE, S.EXTENDED),
    ],
)
def test_it_allows_the_lifecycle_steps(current: CaseStatus, target: CaseStatus) -> None:
    assert transition_problem(current=current, target=target, end_reason=None) is None


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.APPLIED, S.GRANTED),  # no decision without an assessment (arbeidsevnevurdering)
        (S.APPLIED, S.ACTIVE),
        (S.REFUSED, S.ACTIVE),  # a refusal is changed by appeal, not by a status change
        (S.ENDED, S.ACTIVE),  # re-entry is a new case
        (S.EXTENDED, S.EXTENDED),  # one extension only (S1: up to one more year)
        (S.ACTIVE, S.GRANTED),
    ],
)
def test_it_refuses_steps_the_law_does_not_have(current: CaseStatus, target: CaseStatus) -> None:
    assert transition_problem(current=current, target=target, end_reason=None) is TransitionProblem.NOT_ALLOWED


def test_it_needs_an_end_reason_to_end() -> None:
    assert transition_problem(current=S.ACTIVE, target=S.ENDED, end_reason=None) is TransitionProblem.END_REASON_MISSING
    assert transition_problem(current=S.ACTIVE, target=S.ENDED, end_reason=EndReason.COMPLETED_WORK) is None


def test_it_allows_only_withdrawal_moving_or_death_before_the_start() -> None:
    assert transition_problem(current=S.APPLIED, target=S.ENDED, end_reason=EndReason.WITHDRAWN) is None
    assert (
        transition_problem(current=S.GRANTED, target=S.ENDED, end_reason=EndReason.COMPLETED_WORK)
        is TransitionProblem.END_REASON_NOT_ALLOWED
    )


def test_it_refuses_an_end_reason_on_other_steps() -> None:
    problem = transition_problem(current=S.APPLIED, target=S.ASSESSED, end_reason=EndReason.MOVED)
    assert problem is TransitionProblem.END_REASON_UNEXPECTED


def test_it_has_no_way_out_of_final_states() -> None:
    assert ALLOWED_TRANSITIONS[S.ENDED] == frozenset()
    assert ALLOWED_TRANSITIONS[S.REFUSED] == frozenset()


D = datetime.date


@pytest.mark.parametrize(
    ("starts_on", "ended_on", "ran"),
    [
        (D(2025, 3, 1), None, True),
        (D(2024, 3, 1), D(2025, 1, 1), True),  # ended on new year's day
        (D(2024, 3, 1), D(2024, 12, 31), False),  # not in the programme in 2025
        (D(2026, 1, 5), None, False),  # started after the year
        (None, None, False),  # never started
    ],
)
def test_it_knows_which_programmes_ran_in_the_year(
    starts_on: datetime.date | None, ended_on: datetime.date | None, ran: bool
) -> None:
    assert ran_in_year(year=2025, starts_on=starts_on, ended_on=ended_on) is ran


@pytest.mark.parametrize(
    ("ended_on", "reason", "code"),
    [
        (None, None, 1),  # still in the programme on 31 December
        (D(2026, 2, 1), EndReason.COMPLETED_WORK, 1),  # ended the year after
        (D(2025, 11, 1), EndReason.COMPLETED_WORK_PART_TIME, 3),
        (D(2025, 11, 1), EndReason.NON_ATTENDANCE, 4),
        (D(2025, 11, 1), EndReason.MOVED, 5),
        (D(2025, 11, 1), EndReason.MOVED_WITHIN_OSLO, 6),  # only Oslo's districts report 6
        (D(2025, 11, 1), EndReason.CONDITIONS_NO_LONGER_MET, 3),  # stopped, not after an interruption
        (D(2025, 11, 1), EndReason.DIED, None),  # no code fits a death: chosen by hand
    ],
)
def test_it_gives_the_kostra_status_on_31_december(
    ended_on: datetime.date | None, reason: EndReason | None, code: int | None
) -> None:
    assert kostra_status(year=2025, ended_on=ended_on, end_reason=reason) == code


def test_it_reports_interruptions_to_kostra() -> None:
    open_break = [(D(2025, 12, 1), None)]
    assert kostra_status(year=2025, ended_on=None, end_reason=None, interruptions=open_break) == 2
    assert kostra_status(year=2025, ended_on=D(2025, 12, 15), end_reason=EndReason.CONDITIONS_NO_LONGER_MET,
                         interruptions=open_break) == 7  # fmt: skip
    assert kostra_status(year=2025, ended_on=D(2025, 12, 15), end_reason=EndReason.MOVED,
                         interruptions=open_break) == 5  # fmt: skip
    assert kostra_status(year=2025, ended_on=D(2025, 12, 15), end_reason=EndReason.DIED,
                         interruptions=open_break) is None  # fmt: skip
    ended_break = [(D(2025, 6, 1), D(2025, 7, 1))]
    assert kostra_status(year=2025, ended_on=D(2025, 12, 15), end_reason=EndReason.CONDITIONS_NO_LONGER_MET,
                         interruptions=ended_break) == 3  # fmt: skip


def test_it_reports_leave_over_new_year_as_leave() -> None:
    over_new_year = [(D(2025, 12, 20), D(2026, 1, 5))]
    assert kostra_status(year=2025, ended_on=None, end_reason=None, leaves=over_new_year) == 2
    before = [(D(2025, 12, 1), D(2025, 12, 30))]
    assert kostra_status(year=2025, ended_on=None, end_reason=None, leaves=before) == 1
