"""The plan through the REST API: read with its checks, and the participant's proposals (sotjl. § 42)."""

from __future__ import annotations

from django.urls import reverse

from kvp.plans.models import Proposal
from tests.conftest import World, client_for
from tests.i18n import nb
from tests.plans.builders import plan_with_activity, running_case


def test_it_gives_the_plan_with_its_checks_and_their_sources(world: World) -> None:
    activity = plan_with_activity(world.participant, world.counsellor, hours_per_week=20)
    body = client_for(world.participant_user).get(reverse("api_participant_plan", args=[world.participant.pk])).json()
    assert body["version"] == 2
    assert [row["title"] for row in body["activities"]] == [activity.title]
    assert body["goals"][0]["text"] == "Jeg vil bli kokk."
    assert {"forskrift § 1 tredje ledd; sotjl. § 30", "E2"} <= {check["cites"] for check in body["checks"]}


def test_the_participant_proposes_through_the_api_and_bad_input_changes_nothing(world: World) -> None:
    running_case(world.participant, world.counsellor)
    client = client_for(world.participant_user)
    url = reverse("api_plan_proposals", args=[world.participant.pk])
    bad = client.post(url, {"measure_type": "other", "text": " ", "language": "nb"}, content_type="application/json")
    assert bad.status_code == 400
    stranger = client.post(
        url,
        {
            "measure_type": "other",
            "text": "Endre timene",
            "language": "nb",
            "activity": "00000000-0000-0000-0000-000000000000",
        },
        content_type="application/json",
    )
    assert stranger.status_code == 400
    assert nb("Choose one of your plan's activities.") in stranger.content.decode()
    assert not Proposal.objects.exists()
    good = client.post(
        url, {"measure_type": "driving_licence", "text": "Førerkort", "language": "so"}, content_type="application/json"
    )
    assert good.status_code == 201
    assert good.json()["status"] == "open"
