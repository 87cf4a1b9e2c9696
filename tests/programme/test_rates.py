import datetime
from decimal import Decimal

from django.urls import reverse

from kvp.programme.models import Rate
from kvp.programme.selectors import rate_table
from kvp.rules.benefit import Person, benefit_statement
from kvp.rules.rate_history import KNOWN_RATES
from tests.conftest import World, client_for
from tests.i18n import nb


def test_it_seeds_the_rates_known_from_the_sources(db: None) -> None:
    assert rate_table() == KNOWN_RATES


def test_it_uses_a_new_rate_an_administrator_adds(world: World) -> None:
    url = reverse("admin:programme_rate_add")
    data = {"series": "base_amounts", "valid_from": "2027-05-01", "value": "142000", "source": "Prop. 2027"}
    assert client_for(world.administrator).post(url, data).status_code == 302
    person = Person(birth_date=datetime.date(1980, 1, 1))
    day = datetime.date(2027, 5, 3)
    line = benefit_statement(person=person, start=day, end=day, rates=rate_table()).lines[0]
    assert line.rates.base_amount == Decimal(142000)


def test_it_refuses_a_second_value_for_the_same_date_and_changes_nothing(world: World) -> None:
    url = reverse("admin:programme_rate_add")
    data = {"series": "base_amounts", "valid_from": "2025-05-01", "value": "1", "source": ""}
    response = client_for(world.administrator).post(url, data)
    assert nb("This rate already has a value from that date.") in response.content.decode()
    assert Rate.objects.get(series="base_amounts", valid_from="2025-05-01").value == Decimal(130160)


def test_it_refuses_a_rate_of_zero(world: World) -> None:
    url = reverse("admin:programme_rate_add")
    data = {"series": "factors", "valid_from": "2027-01-01", "value": "0", "source": ""}
    response = client_for(world.administrator).post(url, data)
    assert nb("A rate must be greater than zero.") in response.content.decode()
    assert not Rate.objects.filter(valid_from="2027-01-01").exists()
