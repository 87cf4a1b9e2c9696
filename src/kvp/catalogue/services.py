"""Editing the catalogue: leaders for their office, administrators for any. Every bad input is refused
with what is wrong, and nothing is saved."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import Office, User
from kvp.catalogue.models import Offer, Provider
from kvp.common.versioning import lock_version
from kvp.rules import occupations
from kvp.rules.organisations import compact
from kvp.rules.prerequisites import Prerequisite, PrerequisiteError

PROVIDER_FIELDS = (
    "name", "kind", "is_employer", "organisation_number", "sector", "address", "contact_name", "contact_phone",
    "contact_email",
)  # fmt: skip
OFFER_FIELDS = (
    "measure_type", "title", "content", "occupation_code", "hours_per_week", "length_weeks", "start_dates", "capacity",
    "cost_kroner", "formal_qualification", "norwegian_needed", "digital_needed", "prerequisites", "gives",
    "mentor_available", "workplace_language", "works_alone", "available_from", "available_until",
)  # fmt: skip


def may_edit_catalogue(user: User, office: Office | None) -> bool:
    """Administrators edit every office's catalogue, leaders their own (E10: one current catalogue)."""
    if not user.is_authenticated or user.participant_id is not None:
        return False
    return bool(user.is_administrator or (user.is_leader and office is not None and user.office_id == office.pk))


def _require_editor(user: User, office: Office | None) -> None:
    if not may_edit_catalogue(user, office):
        raise PermissionDenied


@transaction.atomic
def provider_save(
    *, actor: User, office: Office, fields: dict[str, Any], provider: Provider | None = None, seen_version: int = 0
) -> Provider:
    _require_editor(actor, office)
    if provider is None:
        provider = Provider(office=office)
    else:
        provider = lock_version(Provider.objects, seen_version=seen_version, submitted=fields, pk=provider.pk)
    for name in PROVIDER_FIELDS:
        if name in fields:
            setattr(provider, name, fields[name])
    provider.organisation_number = compact(provider.organisation_number)
    provider.full_clean()
    provider.save()
    return provider


def parse_prerequisites(codes: list[str], field: str) -> list[str]:
    """The codes in canonical form, or a ValidationError naming the unknown one (E5)."""
    parsed = []
    for code in codes:
        try:
            parsed.append(Prerequisite.parse(code).code)
        except PrerequisiteError as error:
            raise ValidationError({field: _(error.message) % error.params}, code=error.code) from error
    return sorted(set(parsed))


def _validate_offer(offer: Offer) -> None:
    if offer.capacity is not None and offer.capacity < 0:
        raise ValidationError({"capacity": _("The number of places cannot be negative.")})
    if offer.available_until and offer.available_from and offer.available_until < offer.available_from:
        raise ValidationError({"available_until": _("The offer cannot end before it starts.")})
    if offer.occupation_code and not occupations.is_valid_code(offer.occupation_code):
        raise ValidationError({"occupation_code": _("Choose an occupation code from STYRK-08 (four digits).")})
    starts = []
    for text in offer.start_dates:
        try:
            starts.append(datetime.date.fromisoformat(str(text)))
        except ValueError as error:
            raise ValidationError(
                {"start_dates": _("A start date is not a date: %(text)s") % {"text": text}}
            ) from error
    for start in starts:
        if start < offer.available_from or (offer.available_until and start > offer.available_until):
            raise ValidationError(
                {"start_dates": _("Every start date must be within the period the offer is available.")}
            )
    offer.start_dates = [day.isoformat() for day in sorted(set(starts))]
    offer.prerequisites = parse_prerequisites(list(offer.prerequisites), "prerequisites")
    offer.gives = parse_prerequisites(list(offer.gives), "gives")
    offer.full_clean()


@transaction.atomic
def offer_save(
    *, actor: User, provider: Provider, fields: dict[str, Any], offer: Offer | None = None, seen_version: int = 0
) -> Offer:
    _require_editor(actor, provider.office)
    if offer is None:
        offer = Offer(provider=provider, updated_by=actor)
    else:
        offer = lock_version(
            Offer.objects, seen_version=seen_version, submitted=fields | {"provider": provider}, pk=offer.pk
        )
        offer.provider = provider
    for name in OFFER_FIELDS:
        if name in fields:
            setattr(offer, name, fields[name])
    offer.updated_by, offer.updated_at = actor, timezone.now()
    _validate_offer(offer)
    offer.save()
    return offer
