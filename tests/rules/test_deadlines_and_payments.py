import datetime
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvp.rules.benefit import Span
from kvp.rules.case_status import KOSTRA_END_CODE, EndReason
from kvp.rules.dates import add_months
from kvp.rules.deadlines import appeal_deadline, interim_notice_due, needs_interim_notice
from kvp.rules.payments import Schedule, offset_overpayment, payment_periods

D = datetime.date


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        (D(2026, 3, 2), D(2026, 3, 23)),  # a Monday three weeks later
        (D(2026, 3, 14), D(2026, 4, 7)),  # 4 April is Saturday; 5-6 April Easter: next working day 7 April
        (D(2026, 5, 3), D(2026, 5, 26)),  # 24 May Whit Sunday, 25 May Whit Monday
        (D(2026, 12, 5), D(2026, 12, 28)),  # 26 December Saturday and a holiday, 27 Sunday
    ],
)
def test_it_moves_an_appeal_deadline_off_weekends_and_public_holidays(received: D, deadline: D) -> None:
    assert appeal_deadline(received) == deadline


@pytest.mark.parametrize(
    ("received", "due"),
    [(D(2026, 1, 15), D(2026, 2, 15)), (D(2026, 1, 31), D(2026, 2, 28)), (D(2024, 1, 31), D(2024, 2, 29))],
)
def test_it_dues_a_decision_or_interim_notice_one_month_after_the_application(received: D, due: D) -> None:
    assert interim_notice_due(received) == due


def test_it_asks_for_an_interim_notice_only_when_the_month_has_passed_without_a_decision() -> None:
    received = D(2026, 1, 15)
    assert not needs_interim_notice(
        application_received=received, today=D(2026, 2, 14), decided=False, notice_sent=False
    )
    assert needs_interim_notice(application_received=received, today=D(2026, 2, 15), decided=False, notice_sent=False)
    assert not needs_interim_notice(application_received=received, today=D(2026, 3, 1), decided=True, notice_sent=False)
    assert not needs_interim_notice(application_received=received, today=D(2026, 3, 1), decided=False, notice_sent=True)


def test_it_makes_monthly_payment_periods_clipped_to_the_programme() -> None:
    periods = payment_periods(schedule=Schedule.MONTHLY, start=D(2026, 1, 20), end=D(2026, 3, 10), anchor=D(2026, 1, 1))
    assert periods == [
        Span(D(2026, 1, 20), D(2026, 1, 31)),
        Span(D(2026, 2, 1), D(2026, 2, 28)),
        Span(D(2026, 3, 1), D(2026, 3, 10)),
    ]


def test_it_makes_fortnightly_periods_from_the_offices_anchor() -> None:
    periods = payment_periods(
        schedule=Schedule.BIWEEKLY, start=D(2026, 1, 20), end=D(2026, 2, 20), anchor=D(2026, 1, 5)
    )
    assert periods == [
        Span(D(2026, 1, 20), D(2026, 2, 1)),
        Span(D(2026, 2, 2), D(2026, 2, 15)),
        Span(D(2026, 2, 16), D(2026, 2, 20)),
    ]


@given(
    schedule=st.sampled_from(Schedule),
    start=st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 1, 1)),
    length=st.integers(0, 800),
)
def test_it_covers_every_day_exactly_once(schedule: Schedule, start: D, length: int) -> None:
    end = start + datetime.timedelta(days=length)
    periods = payment_periods(schedule=schedule, start=start, end=end, anchor=D(2019, 12, 30))
    assert periods[0].start == start
    assert periods[-1].end == end
    assert all(b.start - a.end == datetime.timedelta(days=1) for a, b in pairwise(periods))


def test_it_offsets_an_overpayment_over_later_payments() -> None:
    first = offset_overpayment(due_ore=1_000_000, overpaid_ore=700_000)
    assert (first.paid_ore, first.offset_ore, first.remaining_overpayment_ore) == (500_000, 500_000, 200_000)
    second = offset_overpayment(due_ore=1_000_000, overpaid_ore=first.remaining_overpayment_ore)
    assert (second.paid_ore, second.remaining_overpayment_ore) == (800_000, 0)
    assert offset_overpayment(due_ore=100, overpaid_ore=100, max_share=Decimal(0)).paid_ore == 100


def test_it_refuses_negative_amounts() -> None:
    with pytest.raises(ValueError, match="negative"):
        offset_overpayment(due_ore=-1, overpaid_ore=0)


@pytest.mark.parametrize(
    ("reason", "code"),
    [(EndReason.MOVED, 5), (EndReason.NON_ATTENDANCE, 4), (EndReason.COMPLETED_WORK, 3),
     (EndReason.CONDITIONS_NO_LONGER_MET, 3), (EndReason.MOVED_WITHIN_OSLO, 6)],
)  # fmt: skip
def test_it_maps_end_reasons_to_kostra_codes(reason: EndReason, code: int) -> None:
    assert KOSTRA_END_CODE[reason] == code


def test_it_has_a_kostra_code_for_every_end_reason_but_a_death() -> None:
    assert set(KOSTRA_END_CODE) == set(EndReason) - {EndReason.DIED}


def test_it_adds_months_without_inventing_days() -> None:
    assert add_months(D(2026, 8, 31), 1) == D(2026, 9, 30)
    assert add_months(D(2026, 12, 15), 2) == D(2027, 2, 15)
