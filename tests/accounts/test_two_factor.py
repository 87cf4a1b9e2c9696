"""Two-factor login with real codes computed from the device's key, the administration behind the same login,
recovery codes, and two-factor required in production."""

from __future__ import annotations

import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kvp.accounts.models import User
from kvp.accounts.twofactor import recovery_codes_replace
from tests.conftest import World, client_for
from tests.factories import PASSWORD


def code_for(device: TOTPDevice, at: float | None = None) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if at is not None:
        totp.time = at
    return f"{totp.token():0{device.digits}d}"


def app_for(user: User) -> TOTPDevice:
    device: TOTPDevice = TOTPDevice.objects.create(user=user, name="KVP", confirmed=True)
    return device


def logged_in_as(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def test_a_counsellor_with_two_factor_logs_in_with_a_real_code(world: World) -> None:
    device = app_for(world.counsellor)
    client = Client()
    response = client.post(
        reverse("login"), {"username": "kari_nordmann", "password": PASSWORD, "otp_token": code_for(device)}
    )
    assert response.status_code == 302
    assert logged_in_as(client) == str(world.counsellor.pk)
    assert client.get(reverse("participant_list")).status_code == 200


def test_the_login_refuses_a_wrong_or_missing_code(world: World) -> None:
    device = app_for(world.counsellor)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    for code in ["", wrong, "abcdefgh"]:
        client = Client()
        data = {"username": "kari_nordmann", "password": PASSWORD, "otp_token": code}
        assert client.post(reverse("login"), data).status_code == 200
        assert logged_in_as(client) is None


def test_a_code_is_accepted_only_once(world: World) -> None:
    device = app_for(world.counsellor)
    code = code_for(device)
    data = {"username": "kari_nordmann", "password": PASSWORD, "otp_token": code}
    assert Client().post(reverse("login"), data).status_code == 302
    replay = Client()
    assert replay.post(reverse("login"), data).status_code == 200
    assert logged_in_as(replay) is None


def test_setting_up_two_factor_shows_recovery_codes_once_and_each_works_once(world: World) -> None:
    client = client_for(world.counsellor)
    client.get(reverse("totp_setup"))
    device = TOTPDevice.objects.get(user=world.counsellor)
    response = client.post(reverse("totp_setup"), {"token": code_for(device)})
    assert response.status_code == 200
    codes = [token.token for token in StaticToken.objects.filter(device__user=world.counsellor)]
    assert len(codes) == 10
    assert all(code in response.content.decode() for code in codes)
    assert codes[0] not in client.get(reverse("totp_setup")).content.decode()

    data = {"username": "kari_nordmann", "password": PASSWORD, "otp_token": codes[0]}
    first = Client()
    assert first.post(reverse("login"), data).status_code == 302
    assert logged_in_as(first) == str(world.counsellor.pk)
    again = Client()
    assert again.post(reverse("login"), data).status_code == 200
    assert logged_in_as(again) is None


def test_a_password_alone_cannot_add_an_app_to_an_account_that_has_one(world: World) -> None:
    app_for(world.counsellor)
    client = client_for(world.counsellor)  # a session that never passed a code
    response = client.get(reverse("totp_setup"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("totp_verify"))
    assert TOTPDevice.objects.filter(user=world.counsellor).count() == 1


def test_a_session_without_a_code_passes_one_on_the_code_page(world: World) -> None:
    device = app_for(world.counsellor)
    client = client_for(world.counsellor)
    url = f"{reverse('totp_verify')}?next={reverse('participant_list')}"
    assert client.post(url, {"otp_token": "000000"}).status_code == 200
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code holds the app back for a second
    response = client.post(url, {"otp_token": code_for(device), "next": reverse("participant_list")})
    assert response["Location"] == reverse("participant_list")
    assert client.session["otp_device_id"] == device.persistent_id


def test_admin_login_refuses_the_password_alone_for_a_user_with_two_factor(world: World) -> None:
    app_for(world.administrator)
    client = Client()
    response = client.post(reverse("admin:login"), {"username": "ada_admin", "password": PASSWORD})
    assert logged_in_as(client) is None
    assert response.status_code == 302
    assert client.get(reverse("admin:index"))["Location"].startswith(reverse("admin:login"))


def test_the_administration_needs_a_session_that_passed_a_code(world: World) -> None:
    device = app_for(world.administrator)
    password_only = Client()
    password_only.force_login(world.administrator)
    assert password_only.get(reverse("admin:index")).status_code == 302
    assert password_only.get(reverse("admin:login"))["Location"].startswith(reverse("totp_verify"))

    client = Client()
    data = {"username": "ada_admin", "password": PASSWORD, "otp_token": code_for(device)}
    assert client.post(reverse("login"), data).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.fixture
def production(settings: object) -> None:
    settings.KVP_REQUIRE_TWO_FACTOR = True  # type: ignore[attr-defined]


@pytest.mark.usefixtures("production")
def test_in_production_staff_without_two_factor_are_sent_to_set_it_up(world: World) -> None:
    client = Client()
    assert client.post(reverse("login"), {"username": "kari_nordmann", "password": PASSWORD}).status_code == 302
    response = client.get(reverse("participant_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("totp_setup"))
    assert client.get(reverse("totp_setup")).status_code == 200
    device = TOTPDevice.objects.get(user=world.counsellor)
    assert client.post(reverse("totp_setup"), {"token": code_for(device)}).status_code == 200
    assert client.get(reverse("participant_list")).status_code == 200


@pytest.mark.usefixtures("production")
def test_in_production_a_staff_session_without_a_code_reaches_no_page(world: World) -> None:
    app_for(world.leader)
    client = client_for(world.leader)
    for url in [reverse("participant_list"), reverse("home"), f"/api/participants/{world.participant.pk}/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("totp_verify"))


@pytest.mark.usefixtures("production")
def test_in_production_participants_are_not_asked_for_a_code(world: World) -> None:
    assert client_for(world.participant_user).get(reverse("my_page")).status_code == 200


def test_recovery_codes_are_replaced_not_added(world: World) -> None:
    first = recovery_codes_replace(world.counsellor)
    second = recovery_codes_replace(world.counsellor)
    assert not set(first) & set(second)
    assert StaticToken.objects.filter(device__user=world.counsellor).count() == 10


def test_a_code_from_a_past_time_step_is_refused(world: World) -> None:
    device = app_for(world.counsellor)
    stale = code_for(device, at=time.time() - 10 * device.step)
    client = Client()
    client.post(reverse("login"), {"username": "kari_nordmann", "password": PASSWORD, "otp_token": stale})
    assert logged_in_as(client) is None
