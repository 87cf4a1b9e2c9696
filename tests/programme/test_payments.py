"""Absence and the benefit statement per payment period."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from kvp.programme.benefits import benefit_for_period, payment_periods
from kvp.programme.models import Absence, Case, Child, Decision, Rate
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.conftest import World, client_for
from tests.i18n import nb

D = datetime.date


@pytest.fixture(autouse=True)
def _today() -> object:
    with time_machine.travel(datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def case(world: World) -> Case:
    return factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)  # 1.6.2026 - 31.5.2028


def june_total(case: Case) -> int:
    return benefit_for_period(case, payment_periods(case)[0]).total_ore


def test_it_pays_june_2026_at_the_2026_rate(case: Case) -> None:
    # Born 1985 (the factory's default): full rate, 2.041 × 136,549 / 260 = 1,071.91 kr a day, 22 weekdays.
    assert payment_periods(case)[0].start == D(2026, 6, 1)
    assert june_total(case) == 22 * 107191


def test_it_shows_every_line_to_the_counsellor_and_the_participant(world: World, case: Case) -> None:
    Child.objects.create(participant=world.participant, birth_date=D(2019, 3, 1))
    pages = [
        client_for(world.counsellor).get(reverse("payments", args=[case.pk])),
        client_for(world.participant_user).get(reverse("my_payments")),
    ]
    total = f"{22 * (107191 + 3800) // 100:,},{22 * (107191 + 3800) % 100:02d}".replace(",", "\u00a0", 1)
    for page in (response.content.decode() for response in pages):
        assert "1\u00a0071,91\u00a0kr" in page  # the daily rate
        assert "1 × 38\u00a0kr" in page  # one child, 38 kroner a day in 2026
        assert total in page


def test_it_withholds_a_day_for_unexcused_absence(world: World, case: Case) -> None:
    factories.decision(case, world.counsellor, "grant")  # reserves deductions
    url = reverse("absence_create", args=[case.pk])
    data = {"starts_on": "2026-06-03", "ends_on": "2026-06-03", "kind": "other", "documentation": "none"}
    assert client_for(world.counsellor).post(url, data).status_code == 302
    assert june_total(case) == 21 * 107191


def test_it_keeps_the_benefit_for_documented_illness(world: World, case: Case) -> None:
    url = reverse("absence_create", args=[case.pk])
    data = {"starts_on": "2026-06-03", "ends_on": "2026-06-05", "kind": "own_illness",
            "documentation": "self_declaration"}  # fmt: skip
    client_for(world.counsellor).post(url, data)
    assert june_total(case) == 22 * 107191


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "message"),
    [
        ("2026-05-28", "2026-06-02", "The absence must be within the programme period, %(start)s to %(end)s."),
        ("2026-06-05", "2026-06-03", "The absence cannot end before it starts."),
    ],
)
def test_it_refuses_impossible_absence_and_saves_nothing(
    world: World, case: Case, starts_on: str, ends_on: str, message: str
) -> None:
    url = reverse("absence_create", args=[case.pk])
    data = {"starts_on": starts_on, "ends_on": ends_on, "kind": "other", "documentation": "none"}
    response = client_for(world.counsellor).post(url, data)
    assert response.status_code == 400
    expected = nb(message) % {"start": "01.06.2026", "end": "31.05.2028"} if "%(" in message else nb(message)
    assert expected in response.content.decode()
    assert not Absence.objects.exists()


def test_it_follows_the_offices_payment_schedule(world: World, case: Case) -> None:
    world.office.payment_schedule = "biweekly"
    world.office.payment_anchor = D(2026, 1, 5)
    world.office.save()
    case.refresh_from_db()
    first, second = payment_periods(case)[:2]
    # Fortnights run from Monday 5 January: 25 May - 7 June is the one the programme starts in.
    assert (first.start, first.end, second.start) == (D(2026, 6, 1), D(2026, 6, 7), D(2026, 6, 8))


def test_it_explains_a_missing_rate_instead_of_failing(world: World, case: Case) -> None:
    Rate.objects.filter(series="base_amounts").delete()
    response = client_for(world.counsellor).get(reverse("payments", args=[case.pk]))
    assert response.status_code == 200
    expected = nb(
        "No rate is recorded for %(day)s. An administrator must add the rate before the benefit can be calculated."
    )
    assert expected % {"day": "1. juni 2026"} in response.content.decode()


def test_it_reduces_the_benefit_for_sick_pay_the_counsellor_records(world: World, case: Case) -> None:
    url = reverse("other_income_create", args=[case.pk])
    data = {
        "income-kind": "sykepenger",
        "income-starts_on": "2026-06-01",
        "income-ends_on": "2026-06-05",
        "income-per_weekday_kroner": "500",
    }
    assert client_for(world.counsellor).post(url, data).status_code == 302
    assert june_total(case) == 22 * 107191 - 5 * 50000


def test_it_adds_the_child_supplement_for_a_recorded_child(world: World, case: Case) -> None:
    url = reverse("child_create", args=[case.pk])
    assert client_for(world.counsellor).post(url, {"child-birth_date": "2019-03-01"}).status_code == 302
    assert june_total(case) == 22 * (107191 + 3800)


def test_it_refuses_a_negative_amount_and_saves_nothing(world: World, case: Case) -> None:
    url = reverse("other_income_create", args=[case.pk])
    data = {
        "income-kind": "dagpenger",
        "income-starts_on": "2026-06-01",
        "income-ends_on": "2026-06-05",
        "income-per_weekday_kroner": "-1",
    }
    response = client_for(world.counsellor).post(url, data)
    assert response.status_code == 400
    assert june_total(case) == 22 * 107191


def test_it_pays_nothing_during_an_interruption_the_counsellor_registers(world: World, case: Case) -> None:
    url = reverse("interruption_create", args=[case.pk])
    data = {"interruption-starts_on": "2026-06-08", "interruption-ends_on": "2026-06-12",
            "interruption-reason": "Soner en kort dom"}  # fmt: skip
    assert client_for(world.counsellor).post(url, data).status_code == 302
    assert june_total(case) == 17 * 107191
    overlapping = data | {"interruption-starts_on": "2026-06-10", "interruption-ends_on": ""}
    response = client_for(world.counsellor).post(url, overlapping)
    assert nb("The programme is already interrupted in this period.") in response.content.decode()
    assert case.interruptions.count() == 1


def test_it_lets_the_participant_answer_an_absence_registration(world: World, case: Case) -> None:
    absence = Absence.objects.create(case=case, starts_on=D(2026, 6, 3), ends_on=D(2026, 6, 3), kind="other",
                                     documentation="none", registered_by=world.counsellor)  # fmt: skip
    own = client_for(world.participant_user)
    assert nb("Answer this registration") in own.get(reverse("my_payments")).content.decode()
    own.post(reverse("absence_response", args=[absence.pk]), {"text": "Jeg var hos legen, erklæring kommer."})
    absence.refresh_from_db()
    assert absence.participant_response == "Jeg var hos legen, erklæring kommer."
    page = client_for(world.counsellor).get(reverse("payments", args=[case.pk])).content.decode()
    assert "Jeg var hos legen, erklæring kommer." in page


def test_it_does_not_let_anyone_answer_for_someone_else(world: World, case: Case) -> None:
    other = factories.participant(world.office, world.counsellor, with_login=True, first_name="Olena")
    absence = Absence.objects.create(case=case, starts_on=D(2026, 6, 3), ends_on=D(2026, 6, 3), kind="other",
                                     documentation="none", registered_by=world.counsellor)  # fmt: skip
    assert other.user is not None
    response = client_for(other.user).post(reverse("absence_response", args=[absence.pk]), {"text": "Nei"})
    assert response.status_code == 404
    absence.refresh_from_db()
    assert absence.participant_response == ""


def test_it_deducts_only_after_a_decision_when_the_grant_did_not_reserve_it(world: World, case: Case) -> None:
    grant = factories.decision(case, world.counsellor, "grant")
    Decision.objects.filter(pk=grant.pk).update(reserve_deduction=False)
    url = reverse("absence_create", args=[case.pk])
    data = {"starts_on": "2026-06-03", "ends_on": "2026-06-03", "kind": "other", "documentation": "none"}
    client_for(world.counsellor).post(url, data)
    assert june_total(case) == 22 * 107191  # told first, not deducted yet
    absence = Absence.objects.get()
    decide = reverse("deduction_decide", args=[absence.pk])
    response = client_for(world.counsellor).post(decide, follow=True)
    expected = nb("The participant has %(days)s days to answer the registration before the deduction is decided.")
    assert expected % {"days": 7} in response.content.decode()
    assert june_total(case) == 22 * 107191
    client_for(world.participant_user).post(reverse("absence_response", args=[absence.pk]), {"text": "Jeg glemte det."})
    client_for(world.counsellor).post(decide)
    assert june_total(case) == 21 * 107191
    absence = Absence.objects.get()
    assert absence.deduction_decided_by == world.counsellor
    letter = absence.deduction_decision
    assert letter is not None
    assert letter.kind == Decision.Kind.DEDUCTION
    page = client_for(world.participant_user).get(reverse("decision_detail", args=[letter.pk])).content.decode()
    assert "Kvalifiseringsstønaden din blir redusert med 1\u00a0071,91\u00a0kr for 1 dag med fravær" in page
    assert "innen tre uker" in page


def test_a_case_without_a_recorded_grant_deducts_only_after_a_decision_of_its_own(world: World, case: Case) -> None:
    assert not case.decisions.exists()  # registered before the system: no grant says deductions are reserved
    absence = Absence.objects.create(case=case, starts_on=D(2026, 6, 3), ends_on=D(2026, 6, 3), kind="other",
                                     documentation="none", registered_by=world.counsellor)  # fmt: skip
    assert june_total(case) == 22 * 107191
    client_for(world.participant_user).post(reverse("absence_response", args=[absence.pk]), {"text": "Jeg glemte det."})
    client_for(world.counsellor).post(reverse("deduction_decide", args=[absence.pk]))
    absence.refresh_from_db()
    assert absence.deduction_decision is not None
    assert absence.deduction_decision.kind == Decision.Kind.DEDUCTION
    assert june_total(case) == 21 * 107191


WEEK = {"week-week_start": "2026-06-08", "week-day_0": "present", "week-day_1": "own_illness:self_declaration",
        "week-day_2": "own_illness:self_declaration", "week-day_3": "other:none", "week-day_4": "present"}  # fmt: skip


def test_it_registers_a_weeks_attendance_as_absence_runs(world: World, case: Case) -> None:
    factories.decision(case, world.counsellor, "grant")  # reserves deductions
    url = reverse("attendance_week_create", args=[case.pk])
    assert client_for(world.counsellor).post(url, WEEK).status_code == 302
    runs = [(a.starts_on, a.ends_on, a.kind) for a in Absence.objects.order_by("starts_on")]
    assert runs == [(D(2026, 6, 9), D(2026, 6, 10), "own_illness"), (D(2026, 6, 11), D(2026, 6, 11), "other")]
    assert june_total(case) == 21 * 107191  # the self-declared illness keeps the benefit


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"week-week_start": "2026-06-09"}, "Choose the Monday the week starts."),
        ({"week-week_start": "2026-06-15", "week-day_4": "other:none"},
         "Only granted leave can be registered ahead of time."),
    ],
)  # fmt: skip
def test_it_refuses_a_wrong_week_and_saves_nothing(
    world: World, case: Case, changes: dict[str, str], message: str
) -> None:
    response = client_for(world.counsellor).post(reverse("attendance_week_create", args=[case.pk]), WEEK | changes)
    assert response.status_code == 400
    assert nb(message) in response.content.decode()
    assert not Absence.objects.exists()


def test_it_refuses_a_day_already_registered(world: World, case: Case) -> None:
    url = reverse("attendance_week_create", args=[case.pk])
    client_for(world.counsellor).post(url, WEEK)
    response = client_for(world.counsellor).post(url, WEEK)
    assert nb("Absence is already registered on %(day)s.") % {"day": "09.06.2026"} in response.content.decode()
    assert Absence.objects.count() == 2


def test_work_income_reduces_by_the_hours_worked_where_the_rule_says_so_and_warns_above_half_time(
    world: World, case: Case
) -> None:
    factories.parameter_value("benefit.work_income_method", "hours_worked", world.administrator)
    url = reverse("other_income_create", args=[case.pk])
    work = {"income-kind": "work_income", "income-starts_on": "2026-06-01", "income-ends_on": "2026-06-30",
            "income-per_weekday_kroner": "300"}  # fmt: skip
    response = client_for(world.counsellor).post(url, work)
    assert response.status_code == 400
    assert (
        nb("Give the hours worked a week: work reduces the benefit by the hours worked.") in response.content.decode()
    )
    assert client_for(world.counsellor).post(url, work | {"income-hours_per_week": "22.5"}).status_code == 302
    assert june_total(case) == 22 * (107191 - 64315)  # 22.5 of 37.5 hours: 60 % of 1,071.91 kr a day
    page = client_for(world.counsellor).get(reverse("payments", args=[case.pk])).content.decode()
    warning = nb(
        "From %(start)s, %(hours)s hours of paid work a week is more than %(limit)s %% of a full-time week, more "
        "than can be combined with the programme. Review the plan with the participant."
    ) % {"start": "1. juni 2026", "hours": "22,5", "limit": "50"}
    assert warning in page
    own = client_for(world.participant_user).get(reverse("my_payments")).content.decode()
    assert warning not in own
