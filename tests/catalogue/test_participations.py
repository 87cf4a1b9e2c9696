"""Participation in offers: statuses with reasons, places, the plan, and changes providers ask for."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kvp.accounts.models import User
from kvp.catalogue.models import Participation, ProviderChange
from kvp.catalogue.participations import (
    participation_register,
    participation_update,
    provider_change_decide,
    provider_change_register,
)
from kvp.catalogue.selectors import participation_rows
from kvp.plans.models import Activity
from kvp.wording.models import WordingOutcome
from tests.catalogue.builders import offer, provider
from tests.conftest import World, client_for
from tests.plans.builders import access_for, running_case


def _setup(world: World, **offer_fields: object) -> tuple[dict[str, object], Participation]:
    running_case(world.participant, world.counsellor)
    kwargs = {"actor": world.counsellor, "access": access_for(world.counsellor, world.participant)}
    item = offer(provider(world.office, world.leader), world.leader, **offer_fields)
    return kwargs, participation_register(**kwargs, offer=item)  # type: ignore[arg-type]


def test_a_place_that_starts_becomes_an_activity_in_the_plan(world: World) -> None:
    kwargs, participation = _setup(world)
    participation = participation_update(
        **kwargs,
        participation=participation,
        seen_version=1,
        status="participating",
        starts_on=datetime.date(2027, 1, 11),
    )
    activity = Activity.objects.get(pk=participation.activity_id)
    assert (activity.offer_id, activity.origin, activity.starts_on) == (
        participation.offer_id,
        "counsellor",
        datetime.date(2027, 1, 11),
    )


def test_no_free_place_means_the_waiting_list(world: World) -> None:
    kwargs, participation = _setup(world, capacity=0)
    with pytest.raises(ValidationError):
        participation_update(**kwargs, participation=participation, seen_version=1, status="participating")
    participation_update(**kwargs, participation=participation, seen_version=1, status="waiting_list")
    assert Participation.objects.get().status == "waiting_list"


def test_a_refusal_names_the_prerequisite_that_blocked_it(world: World) -> None:
    kwargs, participation = _setup(world)
    with pytest.raises(ValidationError) as error:
        participation_update(
            **kwargs, participation=participation, seen_version=1, status="refused", reason="prerequisite_missing"
        )
    assert "refused_for" in error.value.message_dict
    participation_update(
        **kwargs,
        participation=participation,
        seen_version=1,
        status="refused",
        reason="prerequisite_missing",
        refused_for="job_guarantee",
    )
    assert Participation.objects.get().refused_for == "job_guarantee"


def test_closed_is_closed_and_ending_needs_a_reason(world: World) -> None:
    kwargs, participation = _setup(world)
    participation = participation_update(**kwargs, participation=participation, seen_version=1, status="participating")
    with pytest.raises(ValidationError):
        participation_update(**kwargs, participation=participation, seen_version=2, status="ended")
    participation = participation_update(
        **kwargs, participation=participation, seen_version=2, status="ended", reason="got_job", hired=True
    )
    with pytest.raises(ValidationError) as error:
        participation_update(**kwargs, participation=participation, seen_version=3, status="participating")
    assert error.value.code == "transition"


def test_the_counsellor_approves_or_rejects_what_the_provider_asks(world: World) -> None:
    kwargs, participation = _setup(world)
    participation = participation_update(**kwargs, participation=participation, seen_version=1, status="participating")
    change = provider_change_register(
        **kwargs,
        participation=participation,
        fields={"kind": "hours", "hours_per_week": 20, "explanation": "Færre timer i desember.", "proposed_by": "Line"},
    )
    with pytest.raises(ValidationError):
        provider_change_decide(**kwargs, change=change, approve=False, note=" ")
    provider_change_decide(**kwargs, change=change, approve=True, note="")
    assert Activity.objects.get(pk=participation.activity_id).hours_per_week == 20
    assert ProviderChange.objects.get().status == "approved"
    with pytest.raises(ValidationError) as error:
        provider_change_decide(**kwargs, change=change, approve=False, note="For sent")
    assert error.value.code == "decided"


def test_an_offer_from_another_office_cannot_be_applied_for(world: World) -> None:
    running_case(world.participant, world.counsellor)
    elsewhere = offer(provider(world.other_office, world.administrator), world.administrator)
    with pytest.raises(ValidationError):
        participation_register(
            actor=world.counsellor, access=access_for(world.counsellor, world.participant), offer=elsewhere
        )
    assert not Participation.objects.exists()


def test_the_employers_feedback_is_kept_and_its_wording_checked(world: World) -> None:
    _kwargs, participation = _setup(world)
    url = reverse("participation_update", args=[world.participant.pk, participation.pk])
    key = f"update-{participation.pk}"
    feedback = "Arbeidsgiver sier hun er punktlig og lærer raskt. Hun burde ta av seg hijaben for å passe inn."
    response = client_for(world.counsellor).post(
        url,
        {
            f"{key}-version": participation.version,
            f"{key}-status": "waiting_list",
            f"{key}-employer_feedback": feedback,
        },
    )
    assert response.status_code == 302
    participation.refresh_from_db()
    assert participation.employer_feedback == feedback
    outcome = WordingOutcome.objects.get()
    assert (outcome.source, outcome.kept_as_written, outcome.categories) == (
        "employer_feedback",
        True,
        ["assimilation"],
    )
    page = client_for(world.counsellor).get(reverse("participations", args=[world.participant.pk])).content.decode()
    assert "punktlig og lærer raskt" in page


def test_the_rows_say_what_the_viewer_may_do_with_a_participation_and_the_providers_request(world: World) -> None:
    kwargs, participation = _setup(world)
    participation = participation_update(**kwargs, participation=participation, seen_version=1, status="participating")
    provider_change_register(
        **kwargs,
        participation=participation,
        fields={"kind": "hours", "hours_per_week": 20, "explanation": "Færre timer i desember.", "proposed_by": "Line"},
    )

    def shown(user: User) -> list[tuple[bool, list[bool]]]:
        rows = participation_rows(access=access_for(user, world.participant))
        return [(row.can_update, [change.can_decide for change in row.changes]) for row in rows]

    assert shown(world.counsellor) == [(True, [True])]
    assert shown(world.leader) == [(False, [False])]
    Participation.objects.filter(pk=participation.pk).update(status=Participation.Status.COMPLETED)
    assert shown(world.counsellor) == [(False, [True])]
