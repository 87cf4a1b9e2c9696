"""Editing the catalogue: who may, and bad input refused with a clear message that changes nothing."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kvp.catalogue.models import Offer, Provider
from kvp.catalogue.services import offer_save, provider_save
from tests.catalogue.builders import offer, offer_fields, provider
from tests.conftest import World
from tests.i18n import nb


def _refused(world: World, field: str, message: str, **overrides: object) -> None:
    owner = provider(world.office, world.leader)
    with pytest.raises(ValidationError) as error:
        offer_save(actor=world.leader, provider=owner, fields=offer_fields(**overrides))
    assert field in error.value.message_dict
    assert nb(message) in " ".join(error.value.message_dict[field])
    assert not Offer.objects.exists()


def test_a_leader_adds_an_offer_with_prerequisites_in_canonical_form(world: World) -> None:
    saved = offer(
        provider(world.office, world.leader), world.leader, prerequisites=["job_guarantee", "active_placement"]
    )
    assert saved.prerequisites == ["active_placement", "job_guarantee"]
    assert saved.start_dates == ["2027-01-11"]


def test_negative_capacity_is_refused(world: World) -> None:
    _refused(world, "capacity", "The number of places cannot be negative.", capacity=-1)


def test_an_offer_ending_before_it_starts_is_refused(world: World) -> None:
    _refused(
        world, "available_until", "The offer cannot end before it starts.", available_until=datetime.date(2026, 7, 1)
    )


def test_an_unknown_prerequisite_is_refused_by_name(world: World) -> None:
    owner = provider(world.office, world.leader)
    with pytest.raises(ValidationError) as error:
        offer_save(actor=world.leader, provider=owner, fields=offer_fields(prerequisites=["magic_wand"]))
    assert "magic_wand" in error.value.message_dict["prerequisites"][0]
    assert not Offer.objects.exists()


def test_a_start_date_outside_the_offers_period_is_refused(world: World) -> None:
    _refused(
        world,
        "start_dates",
        "Every start date must be within the period the offer is available.",
        start_dates=["2026-07-01"],
    )


def test_an_invalid_organisation_number_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        provider(world.office, world.leader, organisation_number="974760674")
    assert nb("This is not a valid organisation number: the check digit does not match.") in str(error.value)
    with pytest.raises(ValidationError):
        provider(world.office, world.leader, organisation_number="12345")
    assert not Provider.objects.exists()


def test_only_leaders_of_the_office_and_administrators_edit(world: World) -> None:
    for user in (world.counsellor, world.participant_user, world.outsider):
        with pytest.raises(PermissionDenied):
            provider(world.office, user)
    assert provider(world.office, world.administrator).office == world.office


def test_two_leaders_editing_the_same_offer_do_not_overwrite_each_other(world: World) -> None:
    saved = offer(provider(world.office, world.leader), world.leader)
    offer_save(actor=world.leader, provider=saved.provider, offer=saved, seen_version=1, fields={"capacity": 10})
    with pytest.raises(ValidationError) as error:
        offer_save(
            actor=world.administrator, provider=saved.provider, offer=saved, seen_version=1, fields={"capacity": 20}
        )
    assert error.value.code == "stale"
    assert Offer.objects.get().capacity == 10


def test_a_provider_number_with_spaces_is_stored_compact(world: World) -> None:
    assert provider(world.office, world.leader, organisation_number="974 760 673").organisation_number == "974760673"


def test_nothing_from_another_office_is_edited_by_a_leader(world: World) -> None:
    with pytest.raises(PermissionDenied):
        provider_save(actor=world.leader, office=world.other_office, fields={})
