"""The leader's barrier page: the catch-22 with its exact rule pair, who it catches, and the fix (E5, E6)."""

from __future__ import annotations

import datetime

from django.urls import reverse

from kvp.catalogue.barrier_scan import office_barriers
from kvp.catalogue.models import Offer, Participation, Provider
from kvp.catalogue.services import offer_save
from kvp.overview.alerts import alerts_by_participant, alerts_refresh, barrier_alerts_for
from kvp.plans.mapping import mapping_update
from tests import factories
from tests.catalogue.builders import offer, provider
from tests.conftest import World, client_for
from tests.i18n import nb
from tests.plans.builders import access_for, running_case


def _catch22(world: World) -> tuple[Offer, Offer]:
    municipality = provider(world.office, world.leader, name="Drammen helsehus", is_employer=True, sector="health_care")
    placement = offer(
        municipality,
        world.leader,
        measure_type="work_practice",
        title="Arbeidspraksis på helsehus",
        norwegian_needed="b1",
        gives=["active_placement"],
        formal_qualification="",
    )
    course = offer(
        provider(world.office, world.leader, organisation_number="923609016"),
        world.leader,
        title="Norsk B1 i arbeidstid",
        norwegian_needed="a2",
        prerequisites=["active_placement"],
        gives=["norwegian:b1"],
    )
    # Beginners reach A2 without conditions, so only the B1 step is blocked.
    offer(course.provider, world.leader, title="Norsk for nybegynnere", norwegian_needed="", gives=["norwegian:a2"])
    return placement, course


def _levels(world: World, participant: object, level: str) -> None:
    values = {f"norwegian_{skill}": level for skill in ("listening", "reading", "speaking", "writing")}
    mapping_update(
        actor=world.counsellor,
        access=access_for(world.counsellor, participant),  # type: ignore[arg-type]
        section="norwegian",
        seen_version=0,
        values=values,
    )


def test_the_catch22_is_found_with_its_rule_pair_and_catches_only_those_below_b1(world: World) -> None:
    placement, course = _catch22(world)
    running_case(world.participant, world.counsellor)
    _levels(world, world.participant, "a2")
    fluent = factories.participant(world.office, world.counsellor, first_name="Olena", last_name="Kovalenko")
    running_case(fluent, world.counsellor)
    _levels(world, fluent, "b1")
    found = office_barriers(world.office.pk)
    [report] = found.scan.barriers
    assert {(rule.offer_id, rule.requires.code) for rule in report.catch22.rules} == {
        (str(placement.pk), "norwegian:b1"),
        (str(course.pk), "active_placement"),
    }
    assert report.participants == (str(world.participant.pk),)
    page = client_for(world.leader).get(reverse("barriers")).content.decode()
    assert "Amina Hassan" in page
    assert "Olena Kovalenko" not in page


def test_removing_either_rule_clears_the_catch22(world: World) -> None:
    for which in (0, 1):
        Offer.objects.all().delete()
        Provider.objects.all().delete()
        pair = _catch22(world)
        target = pair[which]
        fields = {"norwegian_needed": "a2"} if which == 0 else {"prerequisites": []}
        offer_save(actor=world.leader, provider=target.provider, offer=target, seen_version=1, fields=fields)
        assert office_barriers(world.office.pk).scan.barriers == ()


def test_refusals_citing_a_job_guarantee_come_first(world: World) -> None:
    running_case(world.participant, world.counsellor)
    truck = offer(
        provider(world.office, world.leader),
        world.leader,
        measure_type="labour_market_course",
        title="Truckførerkurs",
        prerequisites=["job_guarantee"],
        norwegian_needed="",
    )
    for _ in range(3):
        Participation.objects.create(
            participant=world.participant,
            offer=truck,
            status="refused",
            reason="prerequisite_missing",
            refused_for="job_guarantee",
            created_by=world.counsellor,
        )
    Participation.objects.create(
        participant=world.participant, offer=truck, status="refused", reason="no_place", created_by=world.counsellor
    )
    found = office_barriers(world.office.pk)
    assert found.blocking_prerequisites[0].prerequisite.code == "job_guarantee"
    assert found.refusals_by_reason[0] == ("prerequisite_missing", 3)


def test_the_daily_alerts_mark_those_caught_with_the_rules_of_the_catch22(world: World) -> None:
    placement, course = _catch22(world)
    running_case(world.participant, world.counsellor)
    _levels(world, world.participant, "a2")
    fluent = factories.participant(world.office, world.counsellor, first_name="Olena", last_name="Kovalenko")
    running_case(fluent, world.counsellor)
    _levels(world, fluent, "b1")
    today = datetime.date(2026, 11, 27)
    found = barrier_alerts_for([str(world.participant.pk), str(fluent.pk)], today)
    assert set(found) == {str(world.participant.pk)}
    (alert,) = found[str(world.participant.pk)]
    assert alert.kind == "catch22:norwegian:b1>active_placement"
    assert alert.evidence == "E5"
    assert any(placement.title in item for item in alert.items)
    assert any(course.title in item for item in alert.items)
    alerts_refresh(today=today, participant_ids=[str(world.participant.pk)])
    (shown,) = [
        a for a in alerts_by_participant([world.participant.pk])[str(world.participant.pk)] if a.kind == alert.kind
    ]
    assert shown.label == nb("Catch-22")
