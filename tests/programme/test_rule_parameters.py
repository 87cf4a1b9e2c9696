import datetime

import pytest
from django.urls import reverse

from kvp.programme.models import RuleParameter
from kvp.programme.parameters import current_rules
from kvp.rules.absence import Absence as RuleAbsence
from kvp.rules.absence import AbsenceKind, AbsenceParameters, Documentation, Verdict, assess_absence
from kvp.rules.eligibility import EligibilityRules
from tests.conftest import World, client_for
from tests.i18n import nb

URL = "rule_parameters"


def test_it_uses_the_documented_default_until_an_administrator_sets_a_value(world: World) -> None:
    assert current_rules()[AbsenceParameters].self_declaration_days == 3
    response = client_for(world.administrator).post(reverse(URL), {"name": "absence.self_declaration_days",
                                                                   "value": "5"})  # fmt: skip
    assert response.status_code == 302
    parameters = current_rules()[AbsenceParameters]
    five_days = RuleAbsence(datetime.date(2026, 6, 1), datetime.date(2026, 6, 5), AbsenceKind.OWN_ILLNESS,
                            Documentation.SELF_DECLARATION)  # fmt: skip
    assert assess_absence(five_days, parameters).verdict is Verdict.VALID
    assert RuleParameter.objects.get().changed_by == world.administrator


def test_it_returns_to_the_default_when_the_value_is_emptied(world: World) -> None:
    client = client_for(world.administrator)
    client.post(reverse(URL), {"name": "eligibility.max_age_exclusive", "value": "66"})
    assert current_rules()[EligibilityRules].max_age_exclusive == 66
    client.post(reverse(URL), {"name": "eligibility.max_age_exclusive", "value": ""})
    assert current_rules()[EligibilityRules].max_age_exclusive == 67


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("absence.self_declaration_days", "tre", "Not a valid value. Write it like this: %(example)s"),
        ("eligibility.max_age_exclusive", "10",
         "This value does not fit with the rule's other values, for example a minimum above a maximum."),
    ],
)  # fmt: skip
def test_it_refuses_a_bad_value_and_changes_nothing(world: World, name: str, value: str, message: str) -> None:
    response = client_for(world.administrator).post(reverse(URL), {"name": name, "value": value})
    assert response.status_code == 400
    expected = nb(message) % {"example": "12"} if "%(" in message else nb(message)
    assert expected in response.content.decode()
    assert not RuleParameter.objects.exists()


def test_it_shows_leaders_the_values_but_does_not_let_them_change_them(world: World) -> None:
    client = client_for(world.leader)
    assert client.get(reverse(URL)).status_code == 200
    assert client.post(reverse(URL), {"name": "benefit.days_per_year", "value": "250"}).status_code == 403
    assert not RuleParameter.objects.exists()
