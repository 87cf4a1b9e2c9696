from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from kvp import settings as project_settings
from tests.conftest import World, client_for
from tests.factories import PASSWORD


def test_it_hashes_passwords_with_argon2() -> None:
    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_it_logs_in_a_counsellor_and_sends_them_to_their_list(world: World) -> None:
    client = Client()
    response = client.post(reverse("login"), {"username": "kari_nordmann", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home"))["Location"] == reverse("participant_list")


def test_it_sends_a_participant_to_their_own_page(world: World) -> None:
    assert client_for(world.participant_user).get(reverse("home"))["Location"] == reverse("my_page")


def test_it_locks_login_after_repeated_failures(world: World) -> None:
    client = Client()
    for _attempt in range(5):
        client.post(reverse("login"), {"username": "kari_nordmann", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "kari_nordmann", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_it_asks_for_the_one_time_code_once_two_factor_is_on(world: World) -> None:
    client = client_for(world.counsellor)
    client.get(reverse("totp_setup"))
    device = TOTPDevice.objects.get(user=world.counsellor)
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    assert client.post(reverse("totp_setup"), {"token": f"{token:06d}"}).status_code == 200  # the recovery codes
    assert TOTPDevice.objects.get(user=world.counsellor).confirmed

    fresh = Client()
    without_code = fresh.post(reverse("login"), {"username": "kari_nordmann", "password": PASSWORD})
    assert without_code.status_code == 200
    assert "_auth_user_id" not in fresh.session


def test_it_refuses_a_wrong_code_when_setting_up_two_factor(world: World) -> None:
    client = client_for(world.counsellor)
    client.get(reverse("totp_setup"))
    response = client.post(reverse("totp_setup"), {"token": "000000"})
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=world.counsellor, confirmed=True).exists()


def test_it_shows_pages_in_bokmal_by_default_and_english_on_request(world: World) -> None:
    client = Client()
    assert '<html lang="nb" dir="ltr">' in client.get(reverse("login")).content.decode()
    client.post(reverse("set_language"), {"language": "en"})
    content = client.get(reverse("login")).content.decode()
    assert '<html lang="en" dir="ltr">' in content
    assert "Log in to KVP" in content
