"""motivation_alerts_for: alerts for many participants, with the events that may explain them."""

from __future__ import annotations

import datetime
from decimal import Decimal

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kvp.audit.models import AuditEvent
from kvp.catalogue.models import Participation
from kvp.motivation.alerts import motivation_alert_facts, motivation_alerts_for
from kvp.motivation.models import CheckIn
from kvp.overview.alerts import alerts_by_participant, alerts_refresh
from kvp.overview.models import Alert
from kvp.participants.audit_types import COUNSELLOR
from kvp.plans.models import Proposal
from kvp.plans.services import proposal_answer, proposal_submit
from tests import factories
from tests.conftest import World
from tests.i18n import nb
from tests.motivation.builders import answered, placement
from tests.plans.builders import access_for, running_case

TODAY = datetime.date(2026, 11, 2)


def declined_proposal(world: World, on: datetime.date) -> Proposal:
    case = running_case(world.participant, world.counsellor)
    user = world.participant_user
    with time_machine.travel(datetime.datetime(on.year, on.month, on.day, 10, tzinfo=datetime.UTC), tick=False):
        proposal = proposal_submit(
            actor=user,
            access=access_for(user, world.participant),
            case=case,
            measure_type="driving_licence",
            text="Jeg vil ta førerkort.",
            language="nb",
        )
        return proposal_answer(
            actor=world.counsellor,
            access=access_for(world.counsellor, world.participant),
            proposal=proposal,
            seen_version=proposal.version,
            answer=Proposal.Status.DECLINED,
            reason="Ikke nå: vi prioriterer norsk først.",
        )


def test_it_shows_a_drop_with_the_declined_proposal_before_it(world: World) -> None:
    answered(world.participant, datetime.date(2026, 9, 28), value=4)
    declined_proposal(world, datetime.date(2026, 10, 12))
    answered(world.participant, datetime.date(2026, 10, 26), value=4, say_in_plan=1, listened_to=2)
    found = motivation_alerts_for([world.participant.pk], TODAY)
    (alert,) = found[world.participant.pk]
    assert (alert.need, alert.kind) == ("autonomy", "drop")
    (event,) = alert.events
    assert (event.on, event.kind) == (datetime.date(2026, 10, 12), "proposal_declined")
    assert event.title  # the measure's name


def test_it_alerts_a_drop_between_two_check_ins_on_the_same_day(world: World) -> None:
    morning = answered(world.participant, datetime.date(2026, 10, 26), say_in_plan=3, listened_to=4)  # 3.5
    overdue = answered(world.participant, datetime.date(2026, 10, 19), say_in_plan=1, listened_to=1)  # 1.0
    assert morning.answered_at is not None
    CheckIn.objects.filter(pk=morning.pk).update(answered_at=morning.answered_at - datetime.timedelta(hours=3))
    CheckIn.objects.filter(pk=overdue.pk).update(answered_at=morning.answered_at + datetime.timedelta(hours=6))
    alerts = motivation_alerts_for([world.participant.pk], TODAY)[world.participant.pk]
    drop = next(alert for alert in alerts if (alert.need, alert.kind) == ("autonomy", "drop"))
    assert drop.params == {"before": Decimal("3.5"), "now": Decimal("1.0")}


def test_it_lists_a_placement_ended_without_a_job_and_a_counsellor_change(world: World) -> None:
    placement(
        world.participant,
        world.leader,
        datetime.date(2026, 8, 1),
        status=Participation.Status.ENDED,
        ends_on=datetime.date(2026, 10, 1),
    )
    placement(  # hired: not a reason for a drop
        world.participant,
        world.leader,
        datetime.date(2026, 8, 1),
        status=Participation.Status.ENDED,
        ends_on=datetime.date(2026, 10, 2),
        hired=True,
    )
    with time_machine.travel(datetime.datetime(2026, 10, 10, 9, tzinfo=datetime.UTC), tick=False):
        AuditEvent.objects.create(
            actor=world.leader,
            actor_roles="leader",
            participant=world.participant,
            action=AuditEvent.Action.UPDATE,
            object_type=COUNSELLOR,
            basis="leader",
        )
    answered(world.participant, datetime.date(2026, 9, 1), value=2)
    answered(world.participant, datetime.date(2026, 10, 26), value=2)
    (alert, *_others) = motivation_alerts_for([world.participant.pk], TODAY)[world.participant.pk]
    assert (alert.need, alert.kind) == ("autonomy", "low")
    assert [(event.on, event.kind) for event in alert.events] == [
        (datetime.date(2026, 10, 10), "counsellor_changed"),
        (datetime.date(2026, 10, 1), "placement_ended"),
    ]


def test_participants_without_alerts_are_left_out(world: World) -> None:
    other = factories.participant(world.office, world.counsellor, first_name="Yonas")
    answered(world.participant, datetime.date(2026, 10, 1), value=4)
    answered(world.participant, datetime.date(2026, 10, 30), value=4)
    assert motivation_alerts_for([world.participant.pk, other.pk], TODAY) == {}
    assert motivation_alerts_for([], TODAY) == {}


def test_it_reads_many_participants_in_a_constant_number_of_queries(world: World) -> None:
    def queries(ids: list[object]) -> int:
        with CaptureQueriesContext(connection) as captured:
            motivation_alerts_for(ids, TODAY)  # type: ignore[arg-type]
        return len(captured)

    people = [world.participant]
    answered(world.participant, datetime.date(2026, 9, 30), value=4)
    answered(world.participant, datetime.date(2026, 10, 30), value=1)
    few = queries([p.pk for p in people])
    for index in range(15):
        person = factories.participant(world.office, world.counsellor, first_name=f"Person{index}")
        answered(person, datetime.date(2026, 9, 30), value=5)
        answered(person, datetime.date(2026, 10, 30), value=2)
        people.append(person)
    many = queries([p.pk for p in people])
    assert many == few <= 5
    assert len(motivation_alerts_for([p.pk for p in people], TODAY)) == 16


def test_the_daily_job_stores_the_drop_with_the_declined_proposal_beside_it(world: World) -> None:
    answered(world.participant, datetime.date(2026, 9, 28), value=4)
    declined_proposal(world, datetime.date(2026, 10, 12))
    answered(world.participant, datetime.date(2026, 10, 26), value=4, say_in_plan=1, listened_to=2)
    alerts_refresh(today=TODAY, participant_ids=[str(world.participant.pk)])
    stored = Alert.objects.get(participant=world.participant, kind="motivation_drop:autonomy")
    shown = next(
        a for a in alerts_by_participant([world.participant.pk])[str(world.participant.pk)] if a.kind == stored.kind
    )
    assert shown.label == nb("Motivation dropped")
    (item,) = shown.items
    assert item.startswith("12.10.2026")
    again = alerts_refresh(today=TODAY, participant_ids=[str(world.participant.pk)])
    assert (again.created, again.updated, again.removed) == (0, 0, 0)


def test_refreshing_only_the_motivation_alerts_keeps_the_others(world: World) -> None:
    answered(world.participant, datetime.date(2026, 9, 28), value=4)
    declined_proposal(world, datetime.date(2026, 10, 12))
    answered(world.participant, datetime.date(2026, 10, 26), value=4, say_in_plan=1, listened_to=2)
    key = str(world.participant.pk)
    alerts_refresh(today=TODAY, participant_ids=[key])
    before = set(Alert.objects.values_list("kind", flat=True))
    assert {"no_contact", "motivation_drop:autonomy"} <= before
    CheckIn.objects.all().delete()
    alerts_refresh(today=TODAY, participant_ids=[key], sources=[motivation_alert_facts], kinds="motivation_")
    assert set(Alert.objects.values_list("kind", flat=True)) == {k for k in before if not k.startswith("motivation_")}
