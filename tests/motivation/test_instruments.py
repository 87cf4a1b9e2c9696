"""Offices load instruments they have the rights to (kvp load-instrument); ours ships as the default."""

from __future__ import annotations

import datetime
import re
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from kvp.motivation.instruments import DEFAULT_FILE, default_instrument, instrument_for, instrument_for_office
from kvp.motivation.models import Instrument
from kvp.motivation.services import checkin_start_optional
from kvp.participants.languages import LANGUAGE_CHOICES
from tests.conftest import World
from tests.i18n import nb
from tests.plans.builders import access_for


def own_instrument(tmp_path: Path, version: int = 1, **changes: object) -> Path:
    raw = yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8"))
    raw |= {"key": "drammen-trivsel", "version": version, "rights": "Licensed to NAV Drammen until 2030"} | changes
    path = tmp_path / f"drammen-{version}.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def load(path: Path, *args: str) -> str:
    out = StringIO()
    call_command("load-instrument", str(path), *args, stdout=out)
    return out.getvalue()


def test_the_shipped_instruments_languages_are_ones_participants_can_choose() -> None:
    codes = {code for code, _name in LANGUAGE_CHOICES}
    assert set(default_instrument().languages) <= codes


def test_an_office_loads_an_instrument_and_uses_it_for_new_check_ins(world: World, tmp_path: Path) -> None:
    output = load(own_instrument(tmp_path), "--office", world.office.unit_number)
    assert "Loaded drammen-trivsel version 1" in output
    assert "Not yet reviewed" in output
    assert instrument_for_office(world.office.pk).key == "drammen-trivsel"
    assert instrument_for_office(world.other_office.pk).key == "kvp-basic-needs"
    user = world.participant_user
    checkin = checkin_start_optional(
        actor=user, access=access_for(user, world.participant), today=datetime.date(2026, 10, 1)
    )
    assert (checkin.instrument_key, checkin.instrument_version) == ("drammen-trivsel", 1)
    assert instrument_for("drammen-trivsel", 1).rights == "Licensed to NAV Drammen until 2030"


def test_it_names_what_is_wrong_and_stores_nothing(db: None, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("key: x\nversion: 1\n  bad: indent\n", encoding="utf-8")
    with pytest.raises(CommandError, match="not valid YAML at line 3"):
        load(bad)
    raw = yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8"))
    del raw["items"][0]["text"]["uk"]
    with pytest.raises(CommandError, match="item 'say_in_plan': missing translation for language 'uk'"):
        load(own_instrument(tmp_path, items=raw["items"]))
    assert not Instrument.objects.exists()


def test_a_key_and_version_keep_their_content(world: World, tmp_path: Path) -> None:
    load(own_instrument(tmp_path))
    load(own_instrument(tmp_path))  # the same again is fine
    other = nb("%(key)s version %(version)s is already loaded with other content: raise the version.")
    with pytest.raises(CommandError, match=re.escape(other % {"key": "drammen-trivsel", "version": 1})):
        load(own_instrument(tmp_path, rights="Other terms"))
    shipped = nb("The key %(key)s belongs to the instrument that ships with KVP: give yours another key.")
    with pytest.raises(CommandError, match=re.escape(shipped % {"key": "kvp-basic-needs"})):
        load(own_instrument(tmp_path, key="kvp-basic-needs"))
    assert "Valid: drammen-trivsel version 2" in load(own_instrument(tmp_path, version=2), "--check")
    assert Instrument.objects.count() == 1


def test_a_language_participants_cannot_choose_is_refused(db: None, tmp_path: Path) -> None:
    raw = yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8"))
    path = own_instrument(tmp_path, languages=raw["languages"] | {"xx": "Xx"})
    with pytest.raises(CommandError):
        load(path)
