"""Recommendations in the app: the experienced gardener, and never by origin (E3, E4, E9, E11)."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from kvp.catalogue.advice import flags_for, recommendations_for
from kvp.catalogue.models import Offer
from kvp.participants.models import Participant
from kvp.plans.mapping import mapping_update, work_experience_add
from kvp.plans.models import Activity
from tests.catalogue.builders import offer, provider
from tests.conftest import World, client_for
from tests.plans.builders import access_for, plan_with_activity


def _gardener(world: World) -> list[Offer]:
    counsellor = {"actor": world.counsellor, "access": access_for(world.counsellor, world.participant)}
    work_experience_add(**counsellor, occupation="Gartner", occupation_code="6113", years=Decimal("15"))  # type: ignore[arg-type]
    mapping_update(
        **counsellor,
        section="norwegian",
        seen_version=1,
        values={  # type: ignore[arg-type]
            "norwegian_listening": "a2",
            "norwegian_reading": "a2",
            "norwegian_speaking": "a2",
            "norwegian_writing": "a2",
        },
    )
    garden = provider(
        world.office, world.leader, name="Lier vekstsenter", kind="private", is_employer=True, sector="agriculture"
    )
    school = provider(world.office, world.leader, organisation_number="923609016", name="Buskerud fylkeskommune")
    return [
        offer(
            garden,
            world.leader,
            measure_type="work_practice",
            title="Arbeidstrening i gartneri",
            occupation_code="6113",
            formal_qualification="",
            norwegian_needed="",
            gives=["active_placement"],
        ),
        offer(
            school,
            world.leader,
            measure_type="trade_certificate",
            title="Fagbrev i gartnerfaget – praksiskandidat",
            occupation_code="6113",
            formal_qualification="Fagbrev i gartnerfaget",
            norwegian_needed="",
            gives=[],
        ),
        offer(
            school,
            world.leader,
            measure_type="vocational_norwegian",
            title="Yrkesnorsk – grønne fag",
            occupation_code="6113",
            norwegian_needed="",
        ),
    ]


def test_the_experienced_gardener_gets_the_trade_certificate_and_vocational_norwegian_first(world: World) -> None:
    _gardener(world)
    page = client_for(world.counsellor).get(reverse("recommendations", args=[world.participant.pk])).content.decode()
    practice = page.index("Arbeidstrening i gartneri")
    assert page.index("Fagbrev i gartnerfaget – praksiskandidat") < practice
    assert page.index("Yrkesnorsk – grønne fag") < practice
    assert '#E4">E4</a>)' in page
    assert '#E3">E3</a>)' in page


def test_origin_nationality_and_religion_never_change_the_recommendations(world: World) -> None:
    offers = _gardener(world)
    before = [
        (r.offer.pk, r.score, [x.text for x in r.reasons]) for r in recommendations_for(world.participant, offers)
    ]
    for country in ("SO", "NO", "PL", "SY"):
        Participant.objects.filter(pk=world.participant.pk).update(country_of_birth=country, preferred_language="ar")
        again = Participant.objects.get(pk=world.participant.pk)
        after = [(r.offer.pk, r.score, [x.text for x in r.reasons]) for r in recommendations_for(again, offers)]
        assert after == before


def test_two_work_practices_without_a_job_are_a_practice_loop(world: World) -> None:
    first = plan_with_activity(world.participant, world.counsellor, title="Praksis 1")
    Activity.objects.filter(pk=first.pk).update(status="done", ends_on="2026-08-31")
    second = Activity.objects.create(
        plan=first.plan,
        measure_type="work_practice",
        title="Praksis 2",
        hours_per_week=30,
        starts_on="2026-09-01",
        ends_on="2026-11-20",
        status="done",
        origin="counsellor",
    )
    flags = flags_for([world.participant])[str(world.participant.pk)]
    assert [flag.evidence for flag in flags] == ["E4"]
    assert flags[0].items == ("Praksis 1", "Praksis 2")
    worklist = client_for(world.counsellor).get(reverse("worklist")).content.decode()
    assert world.participant.full_name in worklist
    assert '#E4">E4</a>)' in worklist
    assert (
        second.title
        in client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk])).content.decode()
    )


def test_listing_the_counsellors_participants_to_share_an_offer_with_is_logged(world: World) -> None:
    from kvp.audit.models import AuditEvent

    item = offer(provider(world.office, world.leader), world.leader)
    page = client_for(world.counsellor).get(reverse("offer_detail", args=[item.pk])).content.decode()
    assert world.participant.full_name in page
    assert (
        AuditEvent.objects.about(world.participant.pk)
        .filter(actor=world.counsellor, action=AuditEvent.Action.LIST)
        .exists()
    )
