"""Login lockout as an attacker would use it: it must not lock a colleague out, must not be dodged by a forged
X-Forwarded-For, must not be renewed for ever, and a leader can lift it."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kvp.staff.models import StaffEvent
from tests import factories
from tests.conftest import World, client_for
from tests.factories import PASSWORD

ATTACKER = "198.51.100.66"
KARI = "192.0.2.10"
PROXY = "10.0.0.5"


def attempt(password: str, **meta: str) -> tuple[int, bool]:
    client = Client()
    response = client.post(reverse("login"), {"username": "kari_nordmann", "password": password}, **meta)
    return response.status_code, "_auth_user_id" in client.session


def lock_from(**meta: str) -> None:
    for _attempt in range(5):
        attempt("wrong", **meta)
    assert attempt(PASSWORD, **meta) == (429, False)


@pytest.fixture
def behind_proxy(settings: object) -> None:
    settings.KVP_TRUSTED_PROXIES = ["10.0.0.0/24"]  # type: ignore[attr-defined]


def test_an_attacker_cannot_lock_a_colleague_out(world: World) -> None:
    lock_from(REMOTE_ADDR=ATTACKER)
    assert attempt(PASSWORD, REMOTE_ADDR=KARI) == (302, True)


@pytest.mark.usefixtures("behind_proxy")
def test_behind_a_trusted_proxy_the_client_is_the_forwarded_address(world: World) -> None:
    lock_from(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
    assert attempt(PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=KARI) == (302, True)


@pytest.mark.usefixtures("behind_proxy")
def test_a_forged_forwarded_address_before_the_proxys_entry_does_not_dodge_the_lockout(world: World) -> None:
    lock_from(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
    forged = f"203.0.113.1, {ATTACKER}"
    assert attempt(PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forged) == (429, False)


def test_without_trusted_proxies_a_forwarded_header_is_ignored(world: World) -> None:
    lock_from(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert attempt(PASSWORD, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=KARI) == (429, False)


def test_further_failures_do_not_renew_the_cool_off(world: World) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        lock_from(REMOTE_ADDR=ATTACKER)
    with time_machine.travel(start + datetime.timedelta(minutes=25), tick=False):
        assert attempt("wrong", REMOTE_ADDR=ATTACKER)[0] == 429
    with time_machine.travel(start + datetime.timedelta(minutes=31), tick=False):
        assert attempt(PASSWORD, REMOTE_ADDR=ATTACKER) == (302, True)


def test_the_office_leader_lifts_a_lockout_and_it_is_logged(world: World) -> None:
    lock_from(REMOTE_ADDR=KARI)
    url = reverse("staff_lockout_lift", args=[world.counsellor.pk])
    assert url in client_for(world.leader).get(reverse("staff_list")).content.decode()
    assert client_for(world.colleague).post(url).status_code == 403
    assert client_for(world.administrator).post(url).status_code == 403
    assert attempt(PASSWORD, REMOTE_ADDR=KARI) == (429, False)
    assert client_for(world.leader).post(url).status_code == 302
    assert attempt(PASSWORD, REMOTE_ADDR=KARI) == (302, True)
    assert StaffEvent.objects.filter(action="lockout_lifted", actor=world.leader, subject=world.counsellor).exists()


def test_a_leader_of_another_office_cannot_lift_it(world: World) -> None:
    other_leader = factories.staff("ulf_leder", world.other_office, is_leader=True)
    lock_from(REMOTE_ADDR=KARI)
    assert client_for(other_leader).post(reverse("staff_lockout_lift", args=[world.counsellor.pk])).status_code == 404
    assert attempt(PASSWORD, REMOTE_ADDR=KARI) == (429, False)
