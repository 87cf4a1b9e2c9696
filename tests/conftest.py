from __future__ import annotations

import importlib
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from kvp.accounts.models import Office, User
from kvp.audit.models import AuditEvent
from kvp.participants.models import Participant
from kvp.staff.models import StaffEvent
from tests import factories

# The suite runs one worker per core on shared machines: how fast inputs are generated is not what the
# property tests test, so neither a deadline nor the too-slow health check may fail them.
hypothesis_settings.register_profile("kvp", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("kvp")


@dataclass
class World:
    """One office with its people, and a second office."""

    office: Office
    other_office: Office
    counsellor: User
    colleague: User
    outsider: User
    leader: User
    administrator: User
    participant: Participant

    @property
    def participant_user(self) -> User:
        assert self.participant.user is not None
        return self.participant.user

    def user(self, role: str) -> User | None:
        return {
            "participant": self.participant_user,
            "counsellor": self.counsellor,
            "colleague": self.colleague,
            "outsider": self.outsider,
            "leader": self.leader,
            "administrator": self.administrator,
            "anonymous": None,
        }[role]


ROLES = ["participant", "counsellor", "colleague", "outsider", "leader", "administrator", "anonymous"]


@pytest.fixture
def world(db: None) -> World:
    office = factories.office()
    other_office = factories.office("NAV Annenby", "0002")
    counsellor = factories.staff("kari_nordmann", office, is_counsellor=True)
    return World(
        office=office,
        other_office=other_office,
        counsellor=counsellor,
        colleague=factories.staff("ola_hansen", office, is_counsellor=True),
        outsider=factories.staff("per_berg", other_office, is_counsellor=True),
        leader=factories.staff("lise_leder", office, is_leader=True),
        administrator=factories.staff("ada_admin", None, is_administrator=True, is_staff=True, is_superuser=True),
        participant=factories.participant(office, counsellor, with_login=True),
    )


def client_for(user: User | None) -> Client:
    """A client signed in as `user`. Administrators' sessions have also passed a one-time code, as the
    administration requires (tests/accounts/test_two_factor.py logs in with real codes)."""
    client = Client()
    if user is not None:
        client.force_login(user)
        if user.is_administrator:
            verify_session(client, user)
    return client


def verify_session(client: Client, user: User) -> None:
    """Mark the client's session as having passed a code from the user's (new, confirmed) authenticator app."""
    device, _created = TOTPDevice.objects.get_or_create(user=user, name="test", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture(autouse=True)
def _media(settings: object, tmp_path: object) -> None:
    """Attachments are written under a temporary directory, never the data directory."""
    settings.MEDIA_ROOT = tmp_path / "media"  # type: ignore[attr-defined,operator]


@pytest.fixture(autouse=True)
def _norwegian_and_fast(settings: object) -> None:
    """Tests run in bokmål (the default language) with a fast password hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
    settings.LANGUAGE_CODE = "nb"  # type: ignore[attr-defined]


def empty_audit_trail() -> None:
    """Tests that commit leave audit and staff events the flush after them cannot delete (both logs are
    append-only): the logs are emptied with their row triggers briefly lifted."""
    logs = [
        ("kvp.audit.migrations.0002_append_only_triggers", AuditEvent),
        ("kvp.staff.migrations.0002_append_only_triggers", StaffEvent),
    ]
    with connection.schema_editor() as editor:
        for migration, model in logs:
            triggers = importlib.import_module(migration)
            triggers.drop(None, editor)
            model.objects.all()._raw_delete(model.objects.db)
            triggers.create(None, editor)


def pytest_configure() -> None:
    from django.conf import settings

    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)  # the SQLite test database lives there
