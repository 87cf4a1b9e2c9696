"""A lost two-factor device is reset by two people, like a grant: an administrator asks, the office leader (or
another administrator) approves. Both steps are in the staff log; the staff member then sets up a new app."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kvp.accounts.twofactor import recovery_codes_replace
from kvp.staff.models import GrantRequest, StaffEvent
from tests.accounts.test_two_factor import app_for, code_for
from tests.conftest import World, client_for
from tests.factories import PASSWORD
from tests.staff.test_grants import ask, decide


def test_a_lost_device_is_reset_only_when_a_second_person_approves(world: World, settings: object) -> None:
    lost = app_for(world.counsellor)
    old_codes = recovery_codes_replace(world.counsellor)
    grant = ask(world, world.counsellor, "two_factor")
    assert TOTPDevice.objects.filter(pk=lost.pk).exists()  # a request changes nothing
    assert decide(world.administrator, grant) == 404  # not by the one who asked
    assert decide(world.counsellor, grant) == 403  # nor by the one it is about
    assert decide(world.leader, grant) == 302

    assert not TOTPDevice.objects.filter(user=world.counsellor).exists()
    assert not StaticToken.objects.filter(token__in=old_codes).exists()
    assert not StaticDevice.objects.filter(user=world.counsellor).exists()
    assert list(StaffEvent.objects.order_by("pk").values_list("action", "actor", "grant__kind")) == [
        ("grant_requested", world.administrator.pk, "two_factor"),
        ("grant_approved", world.leader.pk, "two_factor"),
    ]

    settings.KVP_REQUIRE_TWO_FACTOR = True  # type: ignore[attr-defined]
    client = Client()
    login = {"username": world.counsellor.username, "password": PASSWORD, "otp_token": old_codes[0]}
    assert client.post(reverse("login"), login).status_code == 302
    # The old recovery code verified nothing: the password alone leads only to setting up a new app.
    assert client.get(reverse("participant_list"))["Location"].startswith(reverse("totp_setup"))
    client.get(reverse("totp_setup"))
    new = TOTPDevice.objects.get(user=world.counsellor)
    assert client.post(reverse("totp_setup"), {"token": code_for(new)}).status_code == 200
    assert client.get(reverse("participant_list")).status_code == 200


def test_the_sessions_of_the_lost_device_end_with_the_reset(world: World) -> None:
    lost = app_for(world.counsellor)
    finder = Client()  # whoever holds the lost phone and the password
    login = {"username": world.counsellor.username, "password": PASSWORD, "otp_token": code_for(lost)}
    assert finder.post(reverse("login"), login).status_code == 302
    assert finder.get(reverse("participant_list")).status_code == 200
    decide(world.leader, ask(world, world.counsellor, "two_factor"))
    assert finder.get(reverse("participant_list"))["Location"].startswith(reverse("login"))


def test_a_device_reset_cannot_be_asked_the_other_way(world: World) -> None:
    app_for(world.counsellor)
    url = reverse("staff_grant_request", args=[world.counsellor.pk])
    response = client_for(world.administrator).post(url, {"kind": "two_factor", "give": "0"})
    assert response.status_code == 200
    assert not GrantRequest.objects.exists()


@pytest.mark.parametrize("asker", ["leader", "counsellor"])
def test_only_an_administrator_asks_for_a_reset(world: World, asker: str) -> None:
    url = reverse("staff_grant_request", args=[world.counsellor.pk])
    response = client_for(world.user(asker)).post(url, {"kind": "two_factor", "give": "1"})
    assert response.status_code in {403, 404}
    assert not GrantRequest.objects.exists()
