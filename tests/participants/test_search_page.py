"""A search hit says ahead when opening the participant will ask for a reason (a colleague's participant)."""

import pytest
from django.urls import reverse

from tests.conftest import World, client_for


@pytest.mark.parametrize(("role", "asks"), [("counsellor", False), ("colleague", True), ("leader", False)])
def test_a_hit_says_whether_opening_it_asks_for_a_reason(world: World, role: str, asks: bool) -> None:
    response = client_for(world.user(role)).post(
        reverse("participant_search"), {"national_id": world.participant.national_id}
    )
    assert response.status_code == 200
    assert response.context["found"] == world.participant
    assert response.context["needs_reason"] is asks
