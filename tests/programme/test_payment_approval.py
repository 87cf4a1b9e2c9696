"""Approved payments per period: in arrears, in order, with back pay and overpayment offset."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from kvp.programme.models import Absence, Case, Child, Payment
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.conftest import World, client_for
from tests.i18n import nb

DAILY = 107191  # 2.041 × 136,549 / 260 in øre
JUNE, JULY = 22, 23  # weekdays in June and July 2026


@pytest.fixture(autouse=True)
def _today() -> object:
    with time_machine.travel(datetime.datetime(2026, 8, 15, 10, 0, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def case(world: World) -> Case:
    return factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)  # from 1.6.2026, monthly


def approve(world: World, case: Case, period: int) -> str:
    url = reverse("payment_approve", args=[case.pk])
    return client_for(world.counsellor).post(url, {"periode": str(period)}, follow=True).content.decode()


def test_it_approves_a_period_that_has_ended(world: World, case: Case) -> None:
    approve(world, case, 0)
    payment = Payment.objects.get()
    assert (payment.period_start, payment.gross_ore, payment.net_ore) == (datetime.date(2026, 6, 1), JUNE * DAILY,
                                                                          JUNE * DAILY)  # fmt: skip
    assert payment.approved_by == world.counsellor


def test_it_approves_periods_in_order_and_only_after_they_end(world: World, case: Case) -> None:
    assert nb("Approve the payment periods in order, the earliest first.") in approve(world, case, 1)
    approve(world, case, 0)
    approve(world, case, 1)
    assert nb("The benefit is paid in arrears: approve the period after it has ended.") in approve(world, case, 2)
    assert Payment.objects.count() == 2


def test_it_takes_back_an_overpayment_from_the_next_payment(world: World, case: Case) -> None:
    factories.decision(case, world.counsellor, "grant")  # reserves deductions
    approve(world, case, 0)
    Absence.objects.create(case=case, starts_on="2026-06-03", ends_on="2026-06-03", kind="other",
                           documentation="none", registered_by=world.counsellor)  # fmt: skip
    approve(world, case, 1)
    july = Payment.objects.get(period_start=datetime.date(2026, 7, 1))
    assert (july.gross_ore, july.offset_ore, july.net_ore, july.overpayment_left_ore) == (
        JULY * DAILY, DAILY, JULY * DAILY - DAILY, 0,
    )  # fmt: skip


def test_it_offsets_no_more_than_the_configured_share(world: World, case: Case) -> None:
    factories.decision(case, world.counsellor, "grant")  # reserves deductions
    factories.parameter_value("payments.max_offset_share", "0,01", world.administrator)
    approve(world, case, 0)
    Absence.objects.create(case=case, starts_on="2026-06-03", ends_on="2026-06-05", kind="other",
                           documentation="none", registered_by=world.counsellor)  # fmt: skip
    approve(world, case, 1)
    july = Payment.objects.get(period_start=datetime.date(2026, 7, 1))
    assert july.offset_ore == JULY * DAILY // 100
    assert july.overpayment_left_ore == 3 * DAILY - JULY * DAILY // 100


def test_it_pays_back_what_an_earlier_period_was_owed(world: World, case: Case) -> None:
    approve(world, case, 0)
    Child.objects.create(participant=world.participant, birth_date=datetime.date(2019, 3, 1))
    approve(world, case, 1)
    july = Payment.objects.get(period_start=datetime.date(2026, 7, 1))
    assert july.back_pay_ore == JUNE * 3800
    assert july.net_ore == JULY * (DAILY + 3800) + JUNE * 3800
