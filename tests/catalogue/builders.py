"""Providers and offers as a leader would enter them."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from kvp.accounts.models import Office, User
from kvp.catalogue.models import Offer, Provider
from kvp.catalogue.services import offer_save, provider_save

VALID_ORGNR = "974760673"  # Brønnøysundregistrene


def provider(office: Office, leader: User, **overrides: Any) -> Provider:
    fields = {
        "name": "Drammen voksenopplæring",
        "kind": "public",
        "organisation_number": VALID_ORGNR,
        "sector": "training",
    } | overrides
    return provider_save(actor=leader, office=office, fields=fields)


def offer_fields(**overrides: Any) -> dict[str, Any]:
    return {
        "measure_type": "vocational_norwegian",
        "title": "Norsk med yrkesretting – helse og omsorg",
        "content": "Norskundervisning tre dager i uken og praksis på sykehjem to dager.",
        "hours_per_week": Decimal("30"),
        "length_weeks": 20,
        "capacity": 12,
        "formal_qualification": "Norskprøven B1",
        "norwegian_needed": "a2",
        "available_from": datetime.date(2026, 8, 1),
        "start_dates": ["2027-01-11"],
        "gives": ["norwegian:b1"],
    } | overrides


def offer(owner: Provider, leader: User, **overrides: Any) -> Offer:
    return offer_save(actor=leader, provider=owner, fields=offer_fields(**overrides))
