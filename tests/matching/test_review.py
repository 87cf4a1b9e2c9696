"""The review page of a run: one proposal per participant, truthful reasons for wishes not given, changes
that are refused when they break a capacity or give a second place and re-explained when saved, offers
found by search, and proposals grouped and paged by counsellor."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kvp.catalogue.models import Offer, Participation
from kvp.matching.decisions import proposal_decide
from kvp.matching.models import MatchProposal, Preference
from kvp.matching.selectors import match_run_proposals
from kvp.matching.views import PAGE_SIZE
from kvp.participants.models import Participant
from tests import factories
from tests.catalogue.builders import offer
from tests.conftest import World, client_for
from tests.i18n import nb
from tests.matching.builders import offers, run, wish
from tests.plans.builders import access_for, running_case

pytestmark = pytest.mark.django_db


def other(world: World, name: str = "Other") -> Participant:
    person = factories.participant(world.office, world.counsellor, first_name=name, last_name="Test")
    running_case(person, world.counsellor)
    return person


def decide(world: World, proposal: MatchProposal, target: Offer) -> MatchProposal:
    return proposal_decide(
        actor=world.counsellor,
        access=access_for(world.counsellor, proposal.participant),
        proposal=proposal,
        seen_version=proposal.version,
        decision="changed",
        offer=target,
    )


def test_a_run_with_no_kinds_chosen_proposes_one_place_per_participant(world: World) -> None:
    norwegian, practice, _later = offers(world)
    wish(world, norwegian, practice)
    rival = other(world)
    Preference.objects.create(participant=rival, offer=practice, rank=1, recorded_by=world.counsellor)
    result = run(world)
    assert result.proposals.filter(participant=world.participant).count() == 1
    assert result.proposals.count() == result.proposals.values("participant").distinct().count() == 2


def test_a_wish_whose_places_went_to_another_says_who_took_the_last_one_and_why(world: World) -> None:
    norwegian, practice, _later = offers(world)  # one place in the vocational Norwegian
    rival = other(world, "Rival")
    wish(world, norwegian, practice)
    Preference.objects.create(participant=rival, offer=norwegian, rank=1, recorded_by=world.counsellor)
    Preference.objects.filter(participant=world.participant, offer=norwegian).delete()
    Preference.objects.filter(participant=world.participant).update(rank=2)
    Preference.objects.create(participant=world.participant, offer=norwegian, rank=1, recorded_by=world.counsellor)
    result = run(world)
    assert result.proposals.get(offer=norwegian).participant_id == rival.pk
    [row] = [
        row
        for row in match_run_proposals(run=result, user=world.counsellor).rows
        if row.proposal.participant_id == world.participant.pk
    ]
    [given_up] = row.gave_up
    assert given_up.offer == norwegian
    assert rival.full_name in given_up.why
    assert "0" not in given_up.why.split()[:3]


def test_a_wish_already_applied_for_says_so(world: World) -> None:
    norwegian, practice, _later = offers(world)
    wish(world, norwegian, practice)
    Participation.objects.create(participant=world.participant, offer=norwegian, created_by=world.counsellor)
    result = run(world)
    [row] = match_run_proposals(run=result, user=world.counsellor).rows
    assert row.proposal.offer == practice
    assert [wish.why for wish in row.gave_up] == [
        nb("The participant has already applied for it, takes part in it or has completed it.")
    ]


def test_a_change_is_explained_again_for_the_new_offer(world: World) -> None:
    norwegian, practice, _later = offers(world)
    wish(world, norwegian, practice)
    proposal = run(world).proposals.get(participant=world.participant)
    assert proposal.offer == norwegian
    changed = decide(world, proposal, practice)
    assert (changed.offer, changed.wish_rank) == (practice, 2)
    [row] = match_run_proposals(run=changed.run, user=world.counsellor).rows
    texts = [reason.text for reason in row.reasons]
    wished = nb("The participant's wish number %(rank)s among the offers the match could give them.")
    assert wished % {"rank": 2} in texts
    assert [wish.why for wish in row.gave_up] == [nb("The match proposed it; the counsellor changed the proposal.")]


def test_a_change_into_a_full_offer_or_to_a_second_place_is_refused(world: World) -> None:
    norwegian, practice, _later = offers(world)
    single = offer(norwegian.provider, world.leader, title="Ett sted", capacity=1, start_dates=["2026-12-07"])
    wish(world, norwegian)
    rival = other(world, "Rival")
    Preference.objects.create(participant=rival, offer=single, rank=1, recorded_by=world.counsellor)
    result = run(world)
    assert result.proposals.get(participant=rival).offer == single
    mine = result.proposals.get(participant=world.participant)
    with pytest.raises(ValidationError) as refused:
        decide(world, mine, single)
    assert refused.value.error_dict["offer"][0].code == "full"
    Participation.objects.create(participant=world.participant, offer=practice, created_by=world.counsellor)
    with pytest.raises(ValidationError) as refused:
        decide(world, mine, practice)
    assert refused.value.error_dict["offer"][0].code == "already_in"
    twin = MatchProposal.objects.create(
        run=result, participant=world.participant, offer=practice, proposed_offer=practice, fit=0
    )
    with pytest.raises(ValidationError) as refused:
        decide(world, twin, norwegian)
    assert refused.value.error_dict["offer"][0].code == "second_place"
    assert MatchProposal.objects.get(pk=mine.pk).offer == norwegian


def test_the_offer_search_finds_offers_by_title(world: World) -> None:
    norwegian, practice, _later = offers(world)
    wish(world, norwegian)
    proposal = run(world).proposals.get(participant=world.participant)
    url = reverse("match_offer_search", args=[proposal.pk])
    found = client_for(world.counsellor).get(url, {"q": "lager"}).content.decode()
    assert practice.title in found
    assert norwegian.title not in found
    assert "Praksis" not in client_for(world.counsellor).get(url, {"q": "zzz"}).content.decode()


def test_the_page_shows_one_counsellor_at_a_time_in_pages(world: World) -> None:
    norwegian, _practice, _later = offers(world)
    wish(world, norwegian)
    roomy = offer(norwegian.provider, world.leader, title="Mange plasser", capacity=40, start_dates=["2026-12-07"])
    for number in range(PAGE_SIZE + 1):
        person = other(world, f"Nr{number:02d}")
        Preference.objects.create(participant=person, offer=roomy, rank=1, recorded_by=world.counsellor)
    theirs = factories.participant(world.office, world.colleague, first_name="Colleagues", last_name="Own")
    running_case(theirs, world.colleague)
    Preference.objects.create(participant=theirs, offer=roomy, rank=1, recorded_by=world.colleague)
    result = run(world)
    url = reverse("match_run", args=[result.pk])
    leader = client_for(world.leader)
    first = leader.get(url, {"veileder": world.counsellor.pk}).content.decode()
    assert first.count('class="kvp-card"') == PAGE_SIZE
    assert "Colleagues Own" not in first
    second = leader.get(url, {"veileder": world.counsellor.pk, "side": 2}).content.decode()
    assert second.count('class="kvp-card"') == 2
    colleague = leader.get(url, {"veileder": world.colleague.pk}).content.decode()
    assert "Colleagues Own" in colleague
    assert colleague.count('class="kvp-card"') == 1
    # a counsellor sees their own participants first
    assert client_for(world.counsellor).get(url).content.decode().count('class="kvp-card"') == PAGE_SIZE
