"""Per-user rate limits: the finding was one participant sending 836 messages and opening 182 threads in 49 s."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from kvp.common.ratelimit import RateLimited
from kvp.dialog.models import Message, Thread
from kvp.dialog.services import message_send, thread_start
from kvp.plans.models import Proposal
from tests.catalogue.builders import offer, provider
from tests.conftest import World, client_for
from tests.dialog.builders import counsellors, own, pdf
from tests.i18n import nb
from tests.plans.builders import running_case

LIMITED = "You have sent a lot in a short time. Wait a few minutes and try again."


def start(world: World, number: int, **extra: Any) -> Thread:
    return thread_start(
        actor=world.participant_user, access=own(world), subject=f"Tråd {number}", text="Hei", language="nb", **extra
    )


def test_a_flood_of_threads_stops_at_the_limit(world: World, settings: Any) -> None:
    count, _seconds = settings.KVP_RATE_LIMITS["thread"]
    for number in range(count):
        start(world, number)
    with pytest.raises(RateLimited):
        start(world, count)
    assert Thread.objects.count() == count


def test_a_flood_of_messages_stops_at_the_limit(world: World, settings: Any) -> None:
    count, _seconds = settings.KVP_RATE_LIMITS["message"]
    thread = start(world, 0)
    for _number in range(count - 1):
        message_send(actor=world.participant_user, access=own(world), thread=thread, text="Hei igjen", language="nb")
    with pytest.raises(RateLimited):
        message_send(actor=world.participant_user, access=own(world), thread=thread, text="Og igjen", language="nb")
    assert Message.objects.count() == count


def test_uploads_have_their_own_limit(world: World, settings: Any) -> None:
    settings.KVP_RATE_LIMITS = {**settings.KVP_RATE_LIMITS, "upload": (2, 3600)}
    start(world, 1, attachment=pdf())
    start(world, 2, attachment=pdf())
    with pytest.raises(RateLimited):
        start(world, 3, attachment=pdf())
    start(world, 4)  # without a file it still goes
    assert Message.objects.exclude(attachment="").count() == 2


def test_the_limit_is_per_user(world: World, settings: Any) -> None:
    settings.KVP_RATE_LIMITS = {**settings.KVP_RATE_LIMITS, "thread": (1, 600)}
    start(world, 1)
    counsellors_thread = thread_start(
        actor=world.counsellor,
        access=counsellors(world),
        subject="Fra veileder",
        text="Hei",
        language="nb",
    )
    assert counsellors_thread.pk is not None


def test_the_page_says_so_in_the_users_language_and_is_no_server_error(world: World, settings: Any) -> None:
    settings.KVP_RATE_LIMITS = {**settings.KVP_RATE_LIMITS, "thread": (1, 600)}
    client = client_for(world.participant_user)
    form = {"subject": "Hei", "text": "Hei", "language": "nb"}
    assert client.post(reverse("my_thread_start"), form).status_code == 302
    refused = client.post(reverse("my_thread_start"), form)
    assert refused.status_code == 400
    assert nb(LIMITED) in refused.content.decode()
    assert Thread.objects.count() == 1


def test_the_api_answers_429_when_proposals_come_too_fast(world: World, settings: Any) -> None:
    settings.KVP_RATE_LIMITS = {**settings.KVP_RATE_LIMITS, "proposal": (1, 3600)}
    running_case(world.participant, world.counsellor)
    client = client_for(world.participant_user)
    url = reverse("api_plan_proposals", args=[world.participant.pk])
    body = {"measure_type": "other", "text": "Førerkort", "language": "nb"}
    assert client.post(url, body, content_type="application/json").status_code == 201
    refused = client.post(url, body, content_type="application/json")
    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited"
    assert Proposal.objects.count() == 1


def test_sharing_offers_past_the_limit_is_refused_with_a_message_not_a_server_error(
    world: World, settings: Any
) -> None:
    settings.KVP_RATE_LIMITS = {**settings.KVP_RATE_LIMITS, "thread": (1, 600)}
    shared = offer(provider(world.office, world.leader), world.leader)
    client = client_for(world.counsellor)
    url = reverse("offer_share", args=[shared.pk])
    assert client.post(url, {"participant": str(world.participant.pk)}).status_code == 302
    refused = client.post(url, {"participant": str(world.participant.pk)}, follow=True)
    assert refused.status_code == 200
    assert nb(LIMITED) in refused.content.decode()
    assert Thread.objects.count() == 1
