import datetime

from django.urls import reverse

from kvp.programme.models import AftercareFollowUp
from kvp.reports.outcomes import aftercare_outcomes
from tests import factories
from tests.conftest import World, client_for
from tests.programme.aftercare_builders import ended_case

d = datetime.date
LAST_YEAR_END = d(2025, 6, 2)


def ended(world: World, count: int, situation: str, ended_on: datetime.date = LAST_YEAR_END) -> None:
    for _ in range(count):
        person = factories.participant(world.office, world.counsellor)
        case = ended_case(person, world.counsellor, ended_on=ended_on)
        AftercareFollowUp.objects.filter(case=case, months=3).update(status="done", situation=situation)


def test_the_report_shows_shares_for_the_year_and_hides_small_numbers(world: World) -> None:
    ended(world, 5, "work_full_time")
    ended(world, 2, "work_part_time")
    ended(world, 3, "education")
    ended(world, 6, "other_benefit")
    ended(world, 4, "not_reached")
    ended(world, 7, "work_full_time", ended_on=d(2024, 12, 31))  # another year
    outcomes = aftercare_outcomes(world.office.pk, 2025, d(2026, 11, 27))
    assert outcomes.people == 20
    three = outcomes.rows[0]
    assert (three.due, three.reached, three.in_work, three.in_education) == (20, 16, 7, None)
    assert str(three.work_percent) == "43.8"
    assert str(three.work_or_education_percent) == "62.5"
    twelve = outcomes.rows[2]
    assert (twelve.months, twelve.due, twelve.reached) == (12, 20, None)  # due, nobody recorded yet


def test_a_small_office_sees_fewer_than_5(world: World) -> None:
    ended(world, 3, "work_full_time")
    outcomes = aftercare_outcomes(world.office.pk, 2025, d(2026, 11, 27))
    assert outcomes.people is None
    assert outcomes.rows[0].work_percent is None
    page = client_for(world.leader).get(reverse("aftercare_outcomes"), {"ar": "2025"})
    assert page.status_code == 200
    assert page.context["year"] == 2025


def test_a_bad_year_falls_back_to_last_year(world: World) -> None:
    page = client_for(world.leader).get(reverse("aftercare_outcomes"), {"ar": "1900"})
    assert page.context["year"] == datetime.date.today().year - 1
