"""Pages run a fixed number of SQL queries whatever the caseload (no N+1)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.conftest import World, client_for


def queries_for(client: object, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200  # type: ignore[attr-defined]
    return len(captured)


def test_it_lists_participants_with_a_constant_number_of_queries(world: World) -> None:
    client = client_for(world.leader)
    url = reverse("participant_list")
    few = queries_for(client, url)
    for index in range(30):
        person = factories.participant(world.office, world.counsellor, first_name=f"Person{index}")
        factories.case(person, world.counsellor)
    assert queries_for(client, url) == few


def test_it_shows_a_participant_page_with_a_constant_number_of_queries(world: World) -> None:
    client = client_for(world.counsellor)
    url = reverse("participant_detail", args=[world.participant.pk])
    factories.case(world.participant, world.counsellor)
    few = queries_for(client, url)
    client_for(world.colleague).get(url)
    assert queries_for(client, url) == few
