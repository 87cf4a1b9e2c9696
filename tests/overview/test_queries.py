"""The overview costs a constant number of SQL queries per page, whatever the caseload or office size."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kvp.overview.views import PAGE_SIZE
from tests import factories
from tests.conftest import World, client_for
from tests.overview.builders import full_participant

ALL_FILTERS = (
    "?vis=new&vis=waiting&vis=meeting_today&vis=overdue_proposal&vis=no_contact&vis=flagged&vis=ending_soon"
    "&vis=reminder_due&dager=3&fase=start&fase=middle&fase=ending&sprak=so&tolk=nei&aktivitet=education&kategori=a"
)


def _queries(client: object, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)  # type: ignore[attr-defined]
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("query", ["", "?sorter=-contact", ALL_FILTERS])
def test_it_costs_the_same_for_5_and_40_participants(world: World, query: str) -> None:
    small = factories.staff("small_counsellor", world.office, is_counsellor=True)
    for number in range(5):
        full_participant(world.office, small, number, author=small)
    for number in range(40):
        full_participant(world.office, world.counsellor, 100 + number, author=world.counsellor)
    path = reverse("overview") + query
    small_client, large_client = client_for(small), client_for(world.counsellor)
    _queries(small_client, path), _queries(large_client, path)  # warm-up: first-request caches
    assert _queries(small_client, path) == _queries(large_client, path)


def test_it_costs_the_same_for_a_leader_whatever_the_office_size(world: World) -> None:
    for number in range(PAGE_SIZE + 5):
        full_participant(world.office, world.counsellor, number, author=world.counsellor)
    leader_client = client_for(world.leader)
    path = reverse("overview")
    _queries(leader_client, path)
    first = _queries(leader_client, path)
    for number in range(PAGE_SIZE, 2 * PAGE_SIZE + 10):
        full_participant(world.office, world.colleague, number, author=world.colleague)
    assert _queries(leader_client, path) == first
    assert _queries(leader_client, path + "?side=2") == first


def test_a_rows_open_proposals_are_counted_through_its_plan_not_the_offices_open_proposals(world: World) -> None:
    full_participant(world.office, world.counsellor, 1, author=world.counsellor)
    with CaptureQueriesContext(connection) as captured:
        client_for(world.counsellor).get(reverse("overview"))
    [rows] = [q["sql"] for q in captured.captured_queries if "open_proposals" in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {'QUERY PLAN ' if connection.vendor == 'sqlite' else ''}{rows}")
        plan = " ".join(str(line[-1]) for line in cursor.fetchall())
    if connection.vendor == "sqlite":  # PostgreSQL chooses by its statistics, which a test database hardly has
        assert "plans_propo_plan_id_dbef77_idx" in plan
        assert "plans_propo_status_abc7d3_idx" not in plan
