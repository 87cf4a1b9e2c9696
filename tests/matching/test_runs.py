"""A match run proposes; the counsellor decides; the participant confirms; only then a participation."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kvp.catalogue.models import Participation
from kvp.matching.decisions import proposal_confirm, proposal_decide
from kvp.matching.models import MatchProposal
from kvp.matching.runs import run_match
from kvp.participants.models import Participant
from tests import factories
from tests.conftest import World, client_for
from tests.matching.builders import END, START, offers, run, wish
from tests.plans.builders import access_for, running_case


def test_a_run_gives_the_participant_their_wish_within_the_period_and_places(world: World) -> None:
    norwegian, practice, later = offers(world)
    wish(world, norwegian, practice)
    result = run(world)
    [proposal] = MatchProposal.objects.filter(participant=world.participant, offer__measure_type="vocational_norwegian")
    assert (proposal.offer_id, proposal.wish_rank) == (norwegian.pk, 1)
    assert not MatchProposal.objects.filter(offer=later).exists()  # starts after the period
    assert result.results["proven_optimal"] is True
    assert result.inputs["offers"] == 2


def test_places_are_never_overfilled(world: World) -> None:
    norwegian, _practice, _later = offers(world)
    wish(world, norwegian)
    for number in range(3):
        other = factories.participant(world.office, world.counsellor, first_name=f"Nr{number}", last_name="Test")
        running_case(other, world.counsellor)
    run(world)
    assert MatchProposal.objects.filter(offer=norwegian).count() == 1


def test_origin_nationality_and_religion_never_change_a_run(world: World) -> None:
    norwegian, practice, _later = offers(world)
    wish(world, practice, norwegian)
    first = [(p.participant_id, p.offer_id, p.fit) for p in run(world).proposals.order_by("participant_id", "offer_id")]
    Participant.objects.filter(pk=world.participant.pk).update(country_of_birth="SY", preferred_language="ar")
    again = [(p.participant_id, p.offer_id, p.fit) for p in run(world).proposals.order_by("participant_id", "offer_id")]
    assert again == first


def test_only_staff_at_the_office_run_a_match(world: World) -> None:
    for user in (world.outsider, world.administrator, world.participant_user):
        with pytest.raises(PermissionDenied):
            run_match(actor=user, office=world.office, mode="optimal", period_start=START, period_end=END)
    with pytest.raises(ValidationError):
        run_match(actor=world.leader, office=world.office, mode="optimal", period_start=END, period_end=START)


def test_the_counsellor_accepts_and_the_participant_confirms_into_a_participation(world: World) -> None:
    norwegian, _practice, _later = offers(world)
    wish(world, norwegian)
    run(world)
    proposal = MatchProposal.objects.get(participant=world.participant, offer=norwegian)
    counsellor = access_for(world.counsellor, world.participant)
    with pytest.raises(ValidationError):
        proposal_confirm(
            actor=world.participant_user,
            access=access_for(world.participant_user, world.participant),
            proposal=proposal,
            confirm=True,
        )
    assert not Participation.objects.exists()  # nothing before the counsellor decides
    with pytest.raises(ValidationError):
        proposal_decide(
            actor=world.counsellor, access=counsellor, proposal=proposal, seen_version=1, decision="rejected", note=" "
        )
    proposal_decide(actor=world.counsellor, access=counsellor, proposal=proposal, seen_version=1, decision="accepted")
    response = client_for(world.participant_user).post(
        reverse("match_proposal_confirm", args=[proposal.pk]), {"answer": "yes"}
    )
    assert response.status_code == 302
    participation = Participation.objects.get()
    assert (participation.offer_id, participation.status) == (norwegian.pk, "applied")
    assert MatchProposal.objects.get(pk=proposal.pk).status == "confirmed"


def test_a_decision_from_an_old_page_is_refused(world: World) -> None:
    norwegian, _practice, _later = offers(world)
    wish(world, norwegian)
    run(world)
    proposal = MatchProposal.objects.get(participant=world.participant, offer=norwegian)
    counsellor = access_for(world.counsellor, world.participant)
    proposal_decide(actor=world.counsellor, access=counsellor, proposal=proposal, seen_version=1, decision="accepted")
    with pytest.raises(ValidationError) as error:
        proposal_decide(
            actor=world.counsellor,
            access=counsellor,
            proposal=proposal,
            seen_version=1,
            decision="rejected",
            note="Nei",
        )
    assert error.value.code == "stale"


def test_the_run_page_shows_the_explanation_and_never_calls_it_a_probability(world: World) -> None:
    norwegian, _practice, _later = offers(world)
    wish(world, norwegian)
    result = run(world)
    page = client_for(world.counsellor).get(reverse("match_run", args=[result.pk])).content.decode()
    assert "Amina Hassan" in page
    assert '#E3">E3</a>)' in page
    assert "sannsynlighet" not in page.lower()
    assert (
        world.participant.full_name
        not in client_for(world.colleague).get(reverse("match_run", args=[result.pk])).content.decode()
    )


def test_a_run_can_share_out_only_some_kinds(world: World) -> None:
    norwegian, practice, _later = offers(world)
    wish(world, norwegian, practice)
    result = run_match(
        actor=world.leader,
        office=world.office,
        mode="optimal",
        period_start=START,
        period_end=END,
        kinds=["work_practice"],
    )
    assert [p.offer_id for p in result.proposals.all()] == [practice.pk]
    with pytest.raises(ValidationError):
        run_match(
            actor=world.leader, office=world.office, mode="optimal", period_start=START, period_end=END, kinds=["magic"]
        )


def test_only_the_participants_counsellor_gets_the_decision_form(world: World) -> None:
    norwegian, _practice, _later = offers(world)
    wish(world, norwegian)
    result = run(world)
    decide = reverse("match_proposal_decide", args=[result.proposals.filter(participant=world.participant).first().pk])  # type: ignore[union-attr]
    page = reverse("match_run", args=[result.pk])
    assert decide in client_for(world.counsellor).get(page).content.decode()
    leader_page = client_for(world.leader).get(page).content.decode()
    assert world.participant.full_name in leader_page
    assert decide not in leader_page
