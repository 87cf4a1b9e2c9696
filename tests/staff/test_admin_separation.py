"""The administration tried as the administrator: it cannot give itself (or anyone) a role, an office or the
shielded-persons grant, cannot set anyone's password, and cannot read TOTP secrets or login history."""

from __future__ import annotations

from django.contrib import admin
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from kvp.accounts.models import User
from tests.conftest import World, client_for
from tests.factories import PASSWORD


def change_form(user: User, **fields: str) -> dict[str, str]:
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        **fields,
    }


def test_the_administrator_cannot_give_itself_the_leader_role_the_shielded_grant_or_an_office(world: World) -> None:
    client = client_for(world.administrator)
    url = reverse("admin:accounts_user_change", args=[world.administrator.pk])
    data = change_form(
        world.administrator,
        office=str(world.office.pk),
        is_leader="on",
        is_counsellor="on",
        may_view_shielded="on",
        may_approve_decisions="on",
    )
    client.post(url, data)
    me = User.objects.get(pk=world.administrator.pk)
    assert (me.office_id, me.is_leader, me.is_counsellor, me.may_view_shielded, me.may_approve_decisions) == (
        None,
        False,
        False,
        False,
        False,
    )
    assert client.get(reverse("participant_list")).status_code == 403


def test_the_administrator_cannot_give_a_colleague_a_role_or_move_them(world: World) -> None:
    client = client_for(world.administrator)
    url = reverse("admin:accounts_user_change", args=[world.colleague.pk])
    client.post(url, change_form(world.colleague, office=str(world.other_office.pk), is_leader="on"))
    colleague = User.objects.get(pk=world.colleague.pk)
    assert colleague.office_id == world.office.pk
    assert not colleague.is_leader


def test_the_administrator_cannot_set_a_counsellors_password_and_log_in_as_them(world: World) -> None:
    client = client_for(world.administrator)
    path = f"/admin/accounts/user/{world.counsellor.pk}/password/"
    client.post(path, {"password1": "Overtatt-konto-2026", "password2": "Overtatt-konto-2026"})
    counsellor = User.objects.get(pk=world.counsellor.pk)
    assert not counsellor.check_password("Overtatt-konto-2026")
    assert counsellor.check_password(PASSWORD)
    change = client.get(reverse("admin:accounts_user_change", args=[world.counsellor.pk])).content.decode()
    assert "../password/" not in change
    assert 'name="password' not in change


def test_the_administrator_cannot_redirect_a_counsellors_password_link_to_itself(world: World) -> None:
    client = client_for(world.administrator)
    url = reverse("admin:accounts_user_change", args=[world.counsellor.pk])
    client.post(url, change_form(world.counsellor, email="ada@example.org"))
    assert User.objects.get(pk=world.counsellor.pk).email == ""


def test_a_staff_member_created_in_the_administration_has_no_password_anyone_knows(world: World) -> None:
    client = client_for(world.administrator)
    data = {"username": "ny_veileder", "first_name": "Ny", "last_name": "Veileder", "email": "ny@example.org"}
    data |= {"password1": "Kjent-passord-2026", "password2": "Kjent-passord-2026", "is_counsellor": "on"}
    assert client.post(reverse("admin:accounts_user_add"), data).status_code == 302
    created = User.objects.get(username="ny_veileder")
    assert not created.has_usable_password()
    assert not created.is_counsellor


def test_no_one_reads_totp_secrets_or_login_history_in_the_administration(world: World) -> None:
    TOTPDevice.objects.create(user=world.counsellor, name="KVP", confirmed=True)
    Client().post(reverse("login"), {"username": "kari_nordmann", "password": "wrong"}, REMOTE_ADDR="203.0.113.9")
    client = client_for(world.administrator)
    for path in [
        "/admin/otp_totp/totpdevice/",
        "/admin/otp_static/staticdevice/",
        "/admin/axes/accessattempt/",
        "/admin/axes/accesslog/",
        "/admin/axes/accessfailurelog/",
    ]:
        assert client.get(path).status_code == 404, path
    index = client.get(reverse("admin:index")).content.decode()
    assert "totp" not in index.lower()
    assert "axes" not in index.lower()


def test_the_administration_registers_only_configuration() -> None:
    registered = {f"{model._meta.app_label}.{model._meta.model_name}" for model in admin.site._registry}
    assert registered == {"accounts.office", "accounts.user", "programme.rate"}
