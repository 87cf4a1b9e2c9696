import pytest
from django.test import override_settings

from kvp.participants.oidc import KvpOIDCBackend
from tests.conftest import World

OIDC = {
    "OIDC_RP_CLIENT_ID": "kvp",
    "OIDC_RP_CLIENT_SECRET": "secret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.invalid/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.invalid/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.invalid/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.invalid/jwks",
    "OIDC_RP_SIGN_ALGO": "RS256",
}


@pytest.fixture
def backend() -> KvpOIDCBackend:
    with override_settings(**OIDC):
        return KvpOIDCBackend()


def test_it_links_an_id_porten_login_to_the_registered_participant(world: World, backend: KvpOIDCBackend) -> None:
    world.participant.user = None
    world.participant.save()
    users = backend.filter_users_by_claims({"pid": world.participant.national_id})
    world.participant.refresh_from_db()
    assert list(users) == [world.participant.user]


def test_it_finds_staff_by_nav_ident(world: World, backend: KvpOIDCBackend) -> None:
    assert list(backend.filter_users_by_claims({"NAVident": "kari_nordmann"})) == [world.counsellor]


def test_it_creates_no_account_for_unknown_people(world: World, backend: KvpOIDCBackend) -> None:
    assert not backend.filter_users_by_claims({"pid": "15108695088"}).exists()
    assert not backend.filter_users_by_claims({"NAVident": "Z999999"}).exists()
    assert not backend.verify_claims({"sub": "abc"})
