"""A small office to match: participants in the programme, offers with places, wishes."""

from __future__ import annotations

import datetime
from decimal import Decimal

from kvp.catalogue.models import Offer
from kvp.matching.models import MatchRun
from kvp.matching.runs import run_match
from kvp.matching.wishes import wishes_set
from tests.catalogue.builders import offer, provider
from tests.conftest import World
from tests.plans.builders import access_for, running_case

START = datetime.date(2026, 12, 1)
END = datetime.date(2027, 1, 31)


def offers(world: World) -> list[Offer]:
    owner = provider(world.office, world.leader)
    return [
        offer(owner, world.leader, title="Yrkesnorsk helse", capacity=1, start_dates=["2027-01-11"]),
        offer(
            owner,
            world.leader,
            measure_type="work_practice",
            title="Praksis lager",
            capacity=2,
            formal_qualification="",
            norwegian_needed="",
            start_dates=["2026-12-07"],
        ),
        offer(owner, world.leader, title="Norsk senere", capacity=5, start_dates=["2027-06-01"]),
    ]


def wish(world: World, *chosen: Offer) -> None:
    running_case(world.participant, world.counsellor)
    access = access_for(world.participant_user, world.participant)
    wishes_set(actor=world.participant_user, access=access, offer_ids=[str(o.pk) for o in chosen])


def run(world: World) -> MatchRun:
    return run_match(
        actor=world.leader,
        office=world.office,
        mode="optimal",
        period_start=START,
        period_end=END,
        wish_weight=Decimal(1),
    )
