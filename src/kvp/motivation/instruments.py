"""Which instrument a check-in uses: ours (shipped with the code) or one an office has loaded as data."""

from __future__ import annotations

import functools
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import Office
from kvp.motivation.models import Instrument as InstrumentRow
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.rules.motivation import Instrument, InstrumentError, load_instrument

INSTRUMENTS_DIR = Path(__file__).parent / "instruments"
DEFAULT_FILE = INSTRUMENTS_DIR / "kvp-basic-needs.yaml"
KNOWN_LANGUAGES = frozenset(code for code, _name in LANGUAGE_CHOICES)


@functools.cache
def default_instrument() -> Instrument:
    """Our own instrument (kvp-basic-needs), validated when first used."""
    return load_instrument(DEFAULT_FILE.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=64)
def _parsed(definition: str) -> Instrument:
    return load_instrument(definition)


def instrument_for(key: str, version: int) -> Instrument:
    """The instrument a check-in was asked with (a stored key and version never change)."""
    shipped = default_instrument()
    if (key, version) == (shipped.key, shipped.version):
        return shipped
    row = InstrumentRow.objects.filter(key=key, version=version).first()
    if row is None:
        raise LookupError(f"no instrument {key} v{version}")
    return _parsed(row.definition)


def instrument_for_office(office_id: int) -> Instrument:
    """The instrument an office uses for new check-ins: the latest it has loaded, else ours."""
    row = InstrumentRow.objects.filter(office_id=office_id).order_by("-loaded_at", "-pk").first()
    return _parsed(row.definition) if row is not None else default_instrument()


def check_languages(instrument: Instrument) -> None:
    """The instrument's languages must be ones a participant can prefer (kvp.participants.languages)."""
    unknown = sorted(set(instrument.languages) - KNOWN_LANGUAGES)
    if unknown:
        raise InstrumentError(f"languages: '{unknown[0]}' is not a language participants can choose")


@transaction.atomic
def instrument_store(*, definition: str, office: Office | None, loaded_by: str) -> InstrumentRow:
    """Validate an instrument and keep it as data. The same key and version may be loaded again only with
    the same definition (answers refer to them); `office` starts using it for new check-ins."""
    try:
        instrument = load_instrument(definition)
        check_languages(instrument)
    except InstrumentError as exc:
        raise ValidationError(str(exc), code="instrument") from exc
    shipped = default_instrument()
    if instrument.key == shipped.key:
        raise ValidationError(
            _("The key %(key)s belongs to the instrument that ships with KVP: give yours another key.")
            % {"key": instrument.key},
            code="reserved",
        )
    existing = InstrumentRow.objects.filter(key=instrument.key, version=instrument.version).first()
    if existing is not None:
        if existing.definition != definition:
            raise ValidationError(
                _("%(key)s version %(version)s is already loaded with other content: raise the version.")
                % {"key": instrument.key, "version": instrument.version},
                code="version",
            )
        if office is not None and existing.office_id != office.pk:
            existing.office, existing.loaded_at = office, timezone.now()  # the office's newest in use
            existing.save(update_fields=["office", "loaded_at"])
        return existing
    try:
        return InstrumentRow.objects.create(
            key=instrument.key,
            version=instrument.version,
            definition=definition,
            rights=instrument.rights[:300],
            office=office,
            loaded_by=loaded_by,
        )
    except IntegrityError as exc:  # loaded at the same moment by someone else
        raise ValidationError(_("This instrument was loaded just now. Try again."), code="race") from exc
