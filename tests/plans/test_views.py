"""The plan pages through the browser's eyes: what each party sees and what bad input does."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.html import escape

from kvp.plans.models import Goal, Mapping, Plan, Proposal
from kvp.plans.services import proposal_answer, proposal_submit
from tests.conftest import World, client_for
from tests.i18n import CONFLICT, nb
from tests.plans.builders import access_for, plan_with_activity, plan_with_goal, running_case


def test_the_plan_page_shows_the_checks_with_their_source(world: World) -> None:
    plan_with_activity(world.participant, world.counsellor, hours_per_week=20, works_alone=True, language_practice=True)
    page = client_for(world.counsellor).get(reverse("plan", args=[world.participant.pk])).content.decode()
    assert "forskrift § 1 tredje ledd" in page
    assert "E14" in page  # a solitary placement is not language practice
    assert "E2" in page  # the mapping is not complete


def test_the_participant_sees_the_decline_reason(world: World) -> None:
    case = running_case(world.participant, world.counsellor)
    user = world.participant_user
    proposal = proposal_submit(
        actor=user,
        access=access_for(user, world.participant),
        case=case,
        measure_type="trade_certificate",
        text="Fagbrev som kokk",
        language="nb",
    )
    proposal_answer(
        actor=world.counsellor,
        access=access_for(world.counsellor, world.participant),
        proposal=proposal,
        seen_version=1,
        answer="declined",
        reason="Du trenger først 5 års praksis; vi ser på det i mai.",
    )
    page = client_for(user).get(reverse("plan", args=[world.participant.pk])).content.decode()
    assert "Du trenger først 5 års praksis; vi ser på det i mai." in page


def test_a_goal_saved_from_an_old_page_says_the_plan_changed(world: World) -> None:
    plan_with_goal(world.participant, world.counsellor)
    url = reverse("goal_add", args=[world.participant.pk])
    client_for(world.counsellor).post(url, {"version": 1, "text": "Førerkort klasse B", "language": "nb"})
    response = client_for(world.participant_user).post(
        url, {"version": 1, "text": "Jobb i barnehage", "language": "nb"}
    )
    assert response.status_code == 400
    version_2 = nb("Version %(number)s") % {"number": 2}
    goal_added = nb("Goal added: %(title)s") % {"title": "Førerkort klasse B"}
    assert escape(nb(CONFLICT) % {"changes": f"{version_2}: {goal_added}"}) in response.content.decode()
    assert list(Goal.objects.values_list("text", flat=True)) == ["Jeg vil bli kokk.", "Førerkort klasse B"]


def test_an_activity_ending_before_it_starts_is_refused_and_nothing_is_saved(world: World) -> None:
    case, _goal = plan_with_goal(world.participant, world.counsellor)
    response = client_for(world.counsellor).post(
        reverse("activity_add", args=[world.participant.pk]),
        {
            "version": 1,
            "measure_type": "driving_licence",
            "title": "Førerkort",
            "hours_per_week": "4",
            "starts_on": "2026-12-01",
            "ends_on": "2026-11-01",
        },
    )
    assert response.status_code == 400
    assert nb("The activity must end on or after its start.") in response.content.decode()
    assert Plan.objects.get(case=case).activities.count() == 0


def test_the_worklist_shows_overdue_proposals_first(world: World) -> None:
    case = running_case(world.participant, world.counsellor)
    user = world.participant_user
    for day, text in ((datetime.date(2026, 1, 5), "Yrkesnorsk"), (datetime.date(2099, 1, 5), "Førerkort")):
        proposal_submit(
            actor=user,
            access=access_for(user, world.participant),
            case=case,
            today=day,
            measure_type="other",
            text=text,
            language="nb",
        )
    page = client_for(world.counsellor).get(reverse("worklist")).content.decode()
    assert page.count(nb("Overdue")) == 1
    assert page.index(nb("Overdue")) < page.index("2099")
    assert client_for(world.colleague).get(reverse("worklist")).content.decode().count("Amina") == 0
    assert Proposal.objects.count() == 2


def test_the_participant_fills_in_their_part_of_the_mapping_but_not_the_counsellors(world: World) -> None:
    client = client_for(world.participant_user)
    url = reverse("mapping", args=[world.participant.pk])
    page = client.get(url).content.decode()
    assert 'name="about-strengths"' in page
    assert 'name="norwegian-norwegian_reading"' not in page
    response = client.post(
        reverse("mapping_section", args=[world.participant.pk, "norwegian"]),
        {"norwegian-version": 0, "norwegian-norwegian_reading": "c1"},
    )
    assert response.status_code == 403
    assert not Mapping.objects.filter(norwegian_reading="c1").exists()
