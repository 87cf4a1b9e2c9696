"""The rule parameters page: administrators add dated values with a reason, leaders read them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from kvp.parameters.models import ParameterValue
from kvp.parameters.registry import OPEN_ASSUMPTIONS, PARAMETERS
from kvp.parameters.selectors import rules_for
from kvp.rules.absence import Absence as RuleAbsence
from kvp.rules.absence import AbsenceKind, Documentation, Verdict, assess_absence
from kvp.rules.benefit import WorkIncomeMethod
from tests.conftest import World, client_for
from tests.i18n import nb

URL = "rule_parameters"


def change(name: str, value: str, *, valid_from: str = "", reason: str = "Ny praksis", **more: str) -> dict[str, str]:
    day = valid_from or timezone.localdate().isoformat()
    return {"name": name, "value": value, "valid_from": day, "reason": reason, **more}


def test_it_uses_the_documented_default_until_an_administrator_sets_a_value(world: World) -> None:
    today = timezone.localdate()
    assert rules_for(world.office, on=today).absence.self_declaration_days == 3
    response = client_for(world.administrator).post(reverse(URL), change("absence.self_declaration_days", "5"))
    assert response.status_code == 302
    five_days = RuleAbsence(datetime.date(2026, 6, 1), datetime.date(2026, 6, 5), AbsenceKind.OWN_ILLNESS,
                            Documentation.SELF_DECLARATION)  # fmt: skip
    assert assess_absence(five_days, rules_for(world.office, on=today).absence).verdict is Verdict.VALID
    assert rules_for(world.office, on=today - datetime.timedelta(days=1)).absence.self_declaration_days == 3
    stored = ParameterValue.objects.get()
    assert (stored.changed_by, stored.reason, stored.office) == (world.administrator, "Ny praksis", None)


def test_it_returns_to_the_default_when_the_value_is_emptied(world: World) -> None:
    client = client_for(world.administrator)
    today = timezone.localdate()
    client.post(reverse(URL), change("eligibility.max_age_exclusive", "66"))
    assert rules_for(None, on=today).eligibility.max_age_exclusive == 66
    tomorrow = today + datetime.timedelta(days=1)
    client.post(reverse(URL), change("eligibility.max_age_exclusive", "", valid_from=tomorrow.isoformat()))
    assert rules_for(None, on=today).eligibility.max_age_exclusive == 66
    assert rules_for(None, on=tomorrow).eligibility.max_age_exclusive == 67
    assert ParameterValue.objects.count() == 2  # the history keeps both


@pytest.mark.parametrize(
    ("name", "value", "reason", "message"),
    [
        ("absence.self_declaration_days", "tre", "Ny praksis", "Not a valid value. Write it like this: %(example)s"),
        ("eligibility.max_age_exclusive", "10", "Ny praksis",
         "This value does not fit with the rule's other values, for example a minimum above a maximum."),
        ("benefit.days_per_year", "250", "", "Say why the value changes."),
    ],
)  # fmt: skip
def test_it_refuses_a_bad_value_and_changes_nothing(
    world: World, name: str, value: str, reason: str, message: str
) -> None:
    response = client_for(world.administrator).post(reverse(URL), change(name, value, reason=reason))
    assert response.status_code == 400
    expected = nb(message) % {"example": "12"} if "%(" in message else nb(message)
    assert expected in response.content.decode()
    assert not ParameterValue.objects.exists()


def test_it_shows_leaders_the_values_and_history_but_does_not_let_them_change_them(world: World) -> None:
    client_for(world.administrator).post(reverse(URL), change("caseload.office_cap", "20", reason="Mindre kontor"))
    client = client_for(world.leader)
    page = client.get(reverse(URL)).content.decode()
    assert "Mindre kontor" in page
    assert "Ada Admin" in page
    assert client.post(reverse(URL), change("benefit.days_per_year", "250")).status_code == 403
    assert ParameterValue.objects.count() == 1


def test_it_schedules_a_value_for_the_future(world: World) -> None:
    later = timezone.localdate() + datetime.timedelta(days=30)
    client_for(world.administrator).post(
        reverse(URL), change("caseload.office_cap", "20", valid_from=later.isoformat())
    )
    assert rules_for(world.office, on=timezone.localdate()).caseload.office_cap != 20
    assert rules_for(world.office, on=later).caseload.office_cap == 20
    assert nb("scheduled") in client_for(world.leader).get(reverse(URL)).content.decode()


def test_it_takes_a_work_income_method_by_name_and_lists_the_methods_when_the_name_is_wrong(world: World) -> None:
    client = client_for(world.administrator)
    response = client.post(reverse(URL), change("benefit.work_income_method", "per_hour"))
    assert response.status_code == 400
    example = nb("Not a valid value. Write it like this: %(example)s") % {"example": "krone_for_krone / hours_worked"}
    assert example in response.content.decode()
    assert client.post(reverse(URL), change("benefit.work_income_method", "hours_worked")).status_code == 302
    assert rules_for(world.office, on=timezone.localdate()).benefit.work_income_method is WorkIncomeMethod.HOURS_WORKED


def test_it_shows_the_leader_every_open_assumption(world: World) -> None:
    page = client_for(world.leader).get(reverse(URL)).content.decode()
    assert nb("Open assumptions") in page
    assert page.count(nb("Open assumption") + "</strong>") == sum(parameter.is_open for parameter in PARAMETERS)
    with translation.override("nb"):
        assert all(escape(str(item.text)) in page for item in OPEN_ASSUMPTIONS)
    with translation.override("en"):
        leap_day = "Someone born on 29 February turns a year older on 1 March in a common year"
        assert any(str(item.text).startswith(leap_day) for item in OPEN_ASSUMPTIONS)
    assert {"benefit.work_income_method", "benefit.age_limit", "absence.self_declaration_days"} <= {
        parameter.name for parameter in PARAMETERS if parameter.is_open
    }
