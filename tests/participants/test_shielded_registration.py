"""A counsellor without the shielded-persons grant registers a shielded person: the person is registered all the
same and passed to a counsellor at the office with the grant (or, when nobody has it, the leaders are asked to
arrange it), and the counsellor gets the answer a number already registered elsewhere gets (decision 0015)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.notices.channels import MemoryChannel
from kvp.participants.models import Participant, TransferRequest
from tests import factories
from tests.conftest import World, client_for
from tests.i18n import nb
from tests.participants.test_transfer_requests import register_by_api

PASSED_ON = (
    "Only colleagues with the grant for shielded persons can follow up this person. The registration has been "
    "passed to them, and they will contact you."
)


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any) -> MemoryChannel:
    channel = MemoryChannel()
    monkeypatch.setattr("kvp.notices.services.get_channel", lambda: channel)
    return channel


def register_shielded(user: User, national_id: str, *, sent: Callable[..., Any]) -> tuple[int, str]:
    """The answer's status and main content, without the CSRF token (new on every page) and the number typed."""
    data = {
        "national_id": national_id,
        "first_name": "Hamid",
        "last_name": "Rahimi",
        "preferred_language": "prs",
        "shielded": "on",
    }
    with sent(execute=True):
        response = client_for(user).post(reverse("participant_create"), data)
    main = response.content.decode().split("<main", 1)[-1].replace(national_id, "")
    return response.status_code, re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", main)


def grant_holder(world: World) -> User:
    User.objects.filter(pk=world.colleague.pk).update(may_view_shielded=True, email="colleague@nav.test")
    return User.objects.get(pk=world.colleague.pk)


def test_the_person_is_registered_for_a_counsellor_with_the_grant(
    world: World, notices: MemoryChannel, django_capture_on_commit_callbacks: Any
) -> None:
    holder = grant_holder(world)
    number = factories.synthetic_id(datetime.date(1988, 3, 9))
    status, page = register_shielded(world.counsellor, number, sent=django_capture_on_commit_callbacks)

    assert status == 200
    assert nb(PASSED_ON) in page
    person = Participant.objects.get(national_id=number)
    assert (person.shielded, person.office, person.counsellor) == (True, world.office, holder)
    assert client_for(world.counsellor).get(reverse("participant_detail", args=[person.pk])).status_code == 404
    assert client_for(holder).get(reverse("participant_detail", args=[person.pk])).status_code == 200
    [notice] = notices.sent
    assert (notice.recipient, notice.address) == (f"user:{holder.pk}", "colleague@nav.test")
    assert reverse("participant_detail", args=[person.pk]) in notice.body
    assert "Rahimi" not in notice.subject + notice.body
    created = AuditEvent.objects.get(participant=person, action="create")
    assert (created.actor, created.basis) == (world.counsellor, "registered")


def test_registering_tells_the_counsellor_nothing_about_whether_the_person_exists(
    world: World, notices: MemoryChannel, django_capture_on_commit_callbacks: Any
) -> None:
    grant_holder(world)
    known = factories.participant(world.other_office, None, shielded=True)
    sent = django_capture_on_commit_callbacks
    new_answer = register_shielded(world.counsellor, factories.synthetic_id(), sent=sent)
    known_answer = register_shielded(world.counsellor, known.national_id, sent=sent)
    assert new_answer == known_answer
    assert new_answer[0] == 200
    assert TransferRequest.objects.filter(participant=known, requested_by=world.counsellor).exists()
    api_new = register_by_api(world.counsellor, factories.synthetic_id(), shielded=True)
    assert api_new == register_by_api(world.counsellor, known.national_id, shielded=True)
    assert api_new == (400, {"national_id": [nb(PASSED_ON)]})


def test_without_anyone_holding_the_grant_the_leaders_are_asked_to_arrange_it(
    world: World, notices: MemoryChannel, django_capture_on_commit_callbacks: Any
) -> None:
    User.objects.filter(pk=world.leader.pk).update(email="leder@nav.test")
    number = factories.synthetic_id()
    register_shielded(world.counsellor, number, sent=django_capture_on_commit_callbacks)
    person = Participant.objects.get(national_id=number)
    assert person.counsellor is None
    [notice] = notices.sent
    assert (notice.recipient, notice.address) == (f"user:{world.leader.pk}", "leder@nav.test")
    assert reverse("staff_list") in notice.body
    User.objects.filter(pk=world.leader.pk).update(may_view_shielded=True)
    assert person.pk in {
        row.participant.pk for row in client_for(world.leader).get(reverse("overview")).context["rows"]
    }


def test_a_counsellor_with_the_grant_registers_a_shielded_person_to_follow_up_themselves(
    world: World, notices: MemoryChannel, django_capture_on_commit_callbacks: Any
) -> None:
    holder = grant_holder(world)
    number = factories.synthetic_id()
    data = {
        "national_id": number,
        "first_name": "Hamid",
        "last_name": "Rahimi",
        "preferred_language": "prs",
        "shielded": "on",
    }
    assert client_for(holder).post(reverse("participant_create"), data).status_code == 302
    assert Participant.objects.get(national_id=number).counsellor == holder
    assert notices.sent == []
