"""The participant's ranked wishes: up to five, known offers only, never one they cannot take."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kvp.matching.models import Preference
from kvp.matching.wishes import wishes_set
from tests.catalogue.builders import offer, provider
from tests.conftest import World, client_for
from tests.i18n import nb
from tests.plans.builders import access_for


def _offers(world: World, count: int) -> list[str]:
    owner = provider(world.office, world.leader)
    return [str(offer(owner, world.leader, title=f"Tilbud {n}").pk) for n in range(count)]


def test_the_participant_ranks_offers_from_the_phone(world: World) -> None:
    ids = _offers(world, 3)
    client = client_for(world.participant_user)
    response = client.post(reverse("wishes", args=[world.participant.pk]), {"wish_1": ids[2], "wish_2": ids[0]})
    assert response.status_code == 302
    assert [str(w.offer_id) for w in Preference.objects.order_by("rank")] == [ids[2], ids[0]]


def test_bad_wishes_are_refused_and_change_nothing(world: World) -> None:
    ids = _offers(world, 6)
    access = access_for(world.participant_user, world.participant)
    wishes_set(actor=world.participant_user, access=access, offer_ids=ids[:2])
    for wrong, code in (
        (ids, "too_many"),
        ([ids[0], ids[0]], "repeated"),
        (["00000000-0000-0000-0000-000000000000"], "unknown"),
    ):
        with pytest.raises(ValidationError) as error:
            wishes_set(actor=world.participant_user, access=access, offer_ids=wrong)
        assert error.value.code == code
    assert Preference.objects.count() == 2


def test_an_offer_the_participant_cannot_take_is_refused_with_the_reason(world: World) -> None:
    guarded = offer(
        provider(world.office, world.leader), world.leader, title="Truckførerkurs", prerequisites=["job_guarantee"]
    )
    response = client_for(world.participant_user).post(
        reverse("wishes", args=[world.participant.pk]), {"wish_1": str(guarded.pk)}
    )
    assert response.status_code == 400
    assert "Truckførerkurs" in response.content.decode()
    assert nb("a job guarantee from an employer") in response.content.decode()
    assert not Preference.objects.exists()
