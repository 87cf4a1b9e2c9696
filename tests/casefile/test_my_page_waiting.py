"""Min side says what is waiting for the participant, each one tap away (kvp.casefile.selectors)."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from kvp.casefile.selectors import Waiting, WaitingRow, my_page_waiting
from kvp.dialog.services import thread_start
from kvp.followup.models import Meeting
from kvp.plans.models import Plan
from kvp.plans.services import plan_confirm, proposal_answer, proposal_submit
from tests.conftest import World, client_for
from tests.dialog.builders import counsellors
from tests.matching.access_rows import _accepted
from tests.motivation.builders import waiting
from tests.plans.builders import access_for, plan_with_activity


def rows(world: World) -> list[WaitingRow]:
    return my_page_waiting(participant=world.participant, user=world.participant_user, now=timezone.now())


def kinds(world: World) -> list[Waiting]:
    return [row.kind for row in rows(world)]


def test_nothing_waits_for_a_new_participant(world: World) -> None:
    assert rows(world) == []
    page = client_for(world.participant_user).get(reverse("my_page")).content.decode()
    assert "Ingenting venter på deg nå." in page


def test_a_place_accepted_by_the_counsellor_waits_for_the_participants_yes_or_no(world: World) -> None:
    proposal = _accepted(world)
    [row] = rows(world)
    assert (row.kind, row.url, row.subject) == (
        Waiting.PLACE_OFFERED,
        reverse("wishes", args=[world.participant.pk]),
        proposal.offer.title,
    )
    assert row.text == "Du får tilbud om en plass. Svar ja eller nei."


def test_a_plan_the_counsellor_approved_waits_for_the_participant(world: World) -> None:
    case = plan_with_activity(world.participant, world.counsellor).plan.case
    plan = Plan.objects.get(case=case)
    plan_confirm(
        actor=world.counsellor,
        access=access_for(world.counsellor, world.participant),
        case=case,
        seen_version=plan.version,
    )
    [row] = rows(world)
    assert (row.kind, row.url) == (Waiting.PLAN_TO_APPROVE, reverse("plan", args=[world.participant.pk]))


def test_a_changed_plan_waits_to_be_approved_again_and_not_once_approved(world: World) -> None:
    activity = plan_with_activity(world.participant, world.counsellor)
    case = activity.plan.case
    for user in (world.counsellor, world.participant_user):
        plan = Plan.objects.get(case=case)
        plan_confirm(actor=user, access=access_for(user, world.participant), case=case, seen_version=plan.version)
    assert rows(world) == []
    plan_with_activity_change(world, case)
    [row] = rows(world)
    assert row.kind is Waiting.PLAN_TO_APPROVE
    assert row.text == "Planen din er endret. Les den, og godkjenn den på nytt."


def plan_with_activity_change(world: World, case: object) -> None:
    from kvp.plans.services import goal_add

    plan = Plan.objects.get(case=case)
    goal_add(
        actor=world.counsellor,
        access=access_for(world.counsellor, world.participant),
        case=case,
        seen_version=plan.version,
        text="Lære mer norsk.",
        language="nb",
    )


def test_a_checkin_due_waits_and_links_to_its_questions(world: World) -> None:
    checkin = waiting(world.participant, timezone.localdate())
    [row] = rows(world)
    assert (row.kind, row.url) == (Waiting.CHECKIN_DUE, reverse("my_checkin_answer", args=[checkin.pk]))


def test_a_checkin_due_later_does_not_wait_yet(world: World) -> None:
    waiting(world.participant, timezone.localdate() + datetime.timedelta(days=3))
    assert rows(world) == []


def test_an_answered_proposal_waits_to_be_read_for_two_weeks(world: World) -> None:
    case = plan_with_activity(world.participant, world.counsellor).plan.case
    proposal = proposal_submit(
        actor=world.participant_user,
        access=access_for(world.participant_user, world.participant),
        case=case,
        measure_type="education",
        text="Jeg vil ta fagbrev.",
        language="nb",
    )
    assert rows(world) == []  # waiting for the counsellor, not for the participant
    proposal_answer(
        actor=world.counsellor,
        access=access_for(world.counsellor, world.participant),
        proposal=proposal,
        seen_version=proposal.version,
        answer="declined",
        reason="Vi tar norsk først.",
    )
    [row] = rows(world)
    assert row.kind is Waiting.PROPOSAL_ANSWERED
    assert row.text.startswith("Veilederen din sa nei til forslaget ditt fra ")
    assert row.url.endswith("#proposals-heading")
    later = timezone.now() + datetime.timedelta(days=15)
    assert my_page_waiting(participant=world.participant, user=world.participant_user, now=later) == []


def test_a_meeting_in_the_next_two_weeks_waits_with_its_time_and_topic(world: World) -> None:
    soon = timezone.now() + datetime.timedelta(days=3)
    meeting = Meeting.objects.create(
        participant=world.participant, starts_at=soon, topic="Oppstart", organiser=world.counsellor
    )
    Meeting.objects.create(
        participant=world.participant,
        starts_at=soon + datetime.timedelta(days=30),
        topic="Senere",
        organiser=world.counsellor,
    )
    [row] = rows(world)
    assert (row.kind, row.url, row.subject) == (Waiting.MEETING, reverse("my_meeting", args=[meeting.pk]), "Oppstart")
    assert row.text.startswith("Du har et møte med NAV ")


def test_unread_messages_wait_until_read(world: World) -> None:
    thread = thread_start(
        actor=world.counsellor, access=counsellors(world), subject="Møte", text="Passer tirsdag?", language="nb"
    )
    [row] = rows(world)
    assert (row.kind, row.url, row.text) == (
        Waiting.UNREAD_MESSAGES,
        reverse("my_dialog"),
        "Du har 1 ny melding fra NAV.",
    )
    client_for(world.participant_user).get(reverse("my_thread", args=[thread.pk]))
    assert rows(world) == []


def test_min_side_shows_what_waits_most_pressing_first_each_with_its_link(world: World) -> None:
    waiting(world.participant, timezone.localdate())
    _accepted(world)
    assert kinds(world) == [Waiting.PLACE_OFFERED, Waiting.CHECKIN_DUE]
    page = client_for(world.participant_user).get(reverse("my_page")).content.decode()
    for row in rows(world):
        assert f'href="{row.url}"' in page
        assert row.text in page
