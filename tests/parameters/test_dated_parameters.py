"""Dated, per-office, append-only rule parameters: a change never rewrites what was settled under the old value."""

import datetime
import importlib
from types import SimpleNamespace

import pytest
import time_machine
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kvp.audit.models import AppendOnlyError
from kvp.parameters.models import ParameterValue
from kvp.parameters.selectors import read_once, rules_by_span, rules_for
from kvp.parameters.services import first_open_day, parameter_change
from kvp.programme.benefits import benefit_for_period
from kvp.programme.letters import build_letter
from kvp.programme.models import Absence, Case, Decision, Payment
from kvp.rules.benefit import Span
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.conftest import World, client_for

D = datetime.date
JUNE, JULY = Span(D(2026, 6, 1), D(2026, 6, 30)), Span(D(2026, 7, 1), D(2026, 7, 31))


@pytest.fixture(autouse=True)
def _today() -> object:
    with time_machine.travel(datetime.datetime(2026, 8, 15, 10, 0, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def case(world: World) -> Case:
    return factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)  # from 1.6.2026, monthly


def change(world: World, name: str, value: str, valid_from: datetime.date, office: object = None) -> ParameterValue:
    return parameter_change(actor=world.administrator, name=name, office=office,  # type: ignore[arg-type]
                            valid_from=valid_from, value=value, reason="Endret praksis")  # fmt: skip


def approve(world: World, case: Case, period: int) -> None:
    client_for(world.counsellor).post(reverse("payment_approve", args=[case.pk]), {"periode": str(period)})


def test_a_statement_for_a_past_period_uses_the_values_in_force_then(world: World, case: Case) -> None:
    june_before, july_before = benefit_for_period(case, JUNE), benefit_for_period(case, JULY)
    change(world, "benefit.days_per_year", "250", D(2026, 7, 1))
    assert benefit_for_period(case, JUNE) == june_before
    assert benefit_for_period(case, JULY).total_ore > july_before.total_ore
    across = benefit_for_period(case, Span(D(2026, 6, 22), D(2026, 7, 10)))
    assert [(line.start, line.end) for line in across.lines] == [(D(2026, 6, 22), D(2026, 6, 30)),
                                                                 (D(2026, 7, 1), D(2026, 7, 10))]  # fmt: skip
    assert across.lines[0].amount_ore // 7 < across.lines[1].amount_ore // 8  # the higher daily rate from July


def test_a_change_never_alters_an_approved_payment(world: World, case: Case) -> None:
    approve(world, case, 0)
    june = Payment.objects.get()
    with pytest.raises(ValidationError) as refused:
        change(world, "benefit.days_per_year", "250", D(2026, 6, 30))
    assert refused.value.error_list[0].code == "settled"
    assert first_open_day(world.office) == D(2026, 7, 1)
    change(world, "benefit.days_per_year", "250", D(2026, 7, 1))
    approve(world, case, 1)
    july = Payment.objects.get(period_start=D(2026, 7, 1))
    assert july.back_pay_ore == 0  # June is not recalculated with the new value
    assert Payment.objects.get(pk=june.pk).settled_ore == june.settled_ore == june.gross_ore
    assert july.gross_ore == benefit_for_period(case, JULY).total_ore > 23 * 107191


def test_a_change_never_alters_a_sent_letter(world: World, case: Case) -> None:
    grant = factories.decision(case, world.counsellor, "grant")
    Decision.objects.filter(pk=grant.pk).update(reserve_deduction=False, decided_on=D(2026, 5, 15))
    absence = Absence.objects.create(case=case, starts_on=D(2026, 7, 3), ends_on=D(2026, 7, 3), kind="other",
                                     documentation="none", registered_by=world.counsellor,
                                     registered_at=datetime.datetime(2026, 7, 3, 12, tzinfo=datetime.UTC))  # fmt: skip
    client_for(world.counsellor).post(reverse("deduction_decide", args=[absence.pk]))  # the time to answer is up
    letter = Decision.objects.get(kind=Decision.Kind.DEDUCTION)
    sent = build_letter(letter.snapshot)
    with pytest.raises(ValidationError):
        change(world, "benefit.days_per_year", "250", D(2026, 7, 1))  # the letter of 15.8 rests on July's rate
    change(world, "benefit.days_per_year", "250", D(2026, 8, 16))
    letter.refresh_from_db()
    assert build_letter(letter.snapshot) == sent
    assert "redusert med 1\u00a0071,91\u00a0kr" in sent.sections[0][1]  # July's daily rate at 260 days


def test_an_office_value_wins_over_the_national_one_for_a_local_rule(world: World) -> None:
    today = D(2026, 8, 15)
    change(world, "caseload.office_cap", "20", today)
    change(world, "caseload.office_cap", "10", today, office=world.office)
    assert rules_for(world.office, on=today).caseload.office_cap == 10
    assert rules_for(world.other_office, on=today).caseload.office_cap == 20
    assert rules_for(None, on=today).caseload.office_cap == 20
    change(world, "caseload.office_cap", "", D(2026, 9, 1), office=world.office)  # back to the national value
    assert rules_for(world.office, on=D(2026, 9, 1)).caseload.office_cap == 20
    assert rules_for(world.office, on=D(2026, 8, 31)).caseload.office_cap == 10


def test_a_national_rule_has_no_office_values(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        change(world, "benefit.days_per_year", "250", D(2026, 9, 1), office=world.office)
    assert refused.value.error_list[0].code == "national"


def test_the_history_is_append_only_in_the_database(world: World) -> None:
    value = change(world, "caseload.office_cap", "20", D(2026, 9, 1))
    with pytest.raises(AppendOnlyError):
        value.save()
    with pytest.raises(AppendOnlyError):
        value.delete()
    for statement in ["UPDATE parameters_parametervalue SET value = '30'", "DELETE FROM parameters_parametervalue"]:
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    with pytest.raises(DatabaseError), transaction.atomic():
        ParameterValue.objects.filter(pk=value.pk).update(value="30")
    assert ParameterValue.objects.get().value == "20"


def test_it_reads_the_values_once_per_request(world: World, case: Case) -> None:
    change(world, "benefit.days_per_year", "250", D(2026, 7, 1))
    with CaptureQueriesContext(connection) as queries:
        client_for(world.participant_user).get(reverse("my_payments"))
    reads = [query for query in queries.captured_queries if "parameters_parametervalue" in query["sql"]]
    assert len(reads) == 1
    with read_once(), CaptureQueriesContext(connection) as queries:
        rules_for(world.office, on=D(2026, 6, 1))
        rules_for(world.other_office, on=D(2026, 7, 1))
        rules_by_span(world.office, start=D(2026, 6, 1), end=D(2026, 7, 31))
    assert len(queries.captured_queries) == 1
    with CaptureQueriesContext(connection) as queries:  # outside a request nothing is kept
        rules_for(world.office, on=D(2026, 6, 1))
        rules_for(world.office, on=D(2026, 6, 1))
    assert len(queries.captured_queries) == 2


def test_it_carries_the_undated_values_over_as_national_values_from_the_start(world: World) -> None:
    migration = importlib.import_module("kvp.parameters.migrations.0003_carry_over_undated_values")
    moment = "timestamp with time zone" if connection.vendor == "postgresql" else "datetime"  # as Django made it
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE programme_ruleparameter (id integer PRIMARY KEY, name varchar(64), "
                       f"value varchar(64), changed_by_id integer, changed_at {moment})")  # fmt: skip
        cursor.execute("INSERT INTO programme_ruleparameter VALUES (1, 'benefit.days_per_year', '250', %s, %s)",
                       [world.administrator.pk, datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.UTC)])  # fmt: skip
    migration.carry_over(apps, SimpleNamespace(connection=connection))
    carried = ParameterValue.objects.get()
    assert (carried.valid_from, carried.office, carried.changed_by) == (D(2007, 11, 1), None, world.administrator)
    assert carried.changed_at == datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.UTC)
    assert rules_for(world.office, on=D(2026, 6, 1)).benefit.days_per_year == 250
