import pytest

from kvp.rules.case_status import (
    ALLOWED_TRANSITIONS,
    CaseStatus,
    EndReason,
    TransitionProblem,
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
        (S.EXTENDED, S.EXTENDED),  # one extension only (sotjl. § 33: up to one more year)
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
