"""Access-matrix rows for the catalogue, participations and recommendations (see tests/test_access_matrix.py)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kvp.catalogue.models import Participation, ProviderChange
from kvp.catalogue.participations import participation_register
from tests.access import LOGIN, REASON, WRITE, Endpoint, on_participant, plain, roles
from tests.catalogue.builders import VALID_ORGNR, offer, provider
from tests.conftest import World
from tests.plans.builders import access_for, running_case

EDITORS_GET = roles(403, 403, 403, 403, 200, 200, LOGIN)
EDITORS_POST = roles(403, 403, 403, 403, 302, 302, LOGIN)


def _offer(w: World) -> Any:
    return offer(provider(w.office, w.leader), w.leader)


def _provider(w: World) -> Any:
    return provider(w.office, w.leader)


def _participation(w: World) -> Participation:
    running_case(w.participant, w.counsellor)
    return participation_register(actor=w.counsellor, access=access_for(w.counsellor, w.participant), offer=_offer(w))


def _change(w: World) -> ProviderChange:
    return ProviderChange.objects.create(
        participation=_participation(w),
        kind="hours",
        hours_per_week=20,
        explanation="Færre timer i desember.",
        proposed_by="Line, Drammen voksenopplæring",
        registered_by=w.counsellor,
    )


def _on(name: str) -> Any:
    return lambda w, c: reverse(name, args=[c.pk])


def _on_participant_and(name: str) -> Any:
    return lambda w, c: reverse(name, args=[w.participant.pk, c.pk])


def _offer_post(w: World, c: Any) -> dict[str, Any]:
    return {
        "provider": str(c.provider_id if hasattr(c, "provider_id") else c.pk),
        "measure_type": "work_practice",
        "title": "Arbeidstrening på lager",
        "content": "Plukk og pakk.",
        "hours_per_week": "30",
        "length_weeks": "12",
        "capacity": "3",
        "cost_kroner": "0",
        "workplace_language": "nb",
        "available_from": "2026-09-01",
        "version": getattr(c, "version", 0),
    }


def catalogue_endpoints() -> list[Endpoint]:
    return [
        Endpoint("catalogue", "get", plain("catalogue"), roles(200, 200, 200, 200, 200, 200, LOGIN)),
        Endpoint("offer_detail", "get", _on("offer_detail"), roles(200, 200, 200, 404, 200, 200, LOGIN), setup=_offer),
        Endpoint("offer_create", "get", plain("offer_create"), EDITORS_GET),
        Endpoint("offer_create", "post", plain("offer_create"), EDITORS_POST, setup=_provider, data=_offer_post),
        Endpoint("offer_edit", "get", _on("offer_edit"), EDITORS_GET, setup=_offer),
        Endpoint("offer_edit", "post", _on("offer_edit"), EDITORS_POST, setup=_offer, data=_offer_post),
        # Only the participant says they are interested; it becomes a proposal in their plan.
        Endpoint(
            "offer_interest", "post", _on("offer_interest"), roles(302, 403, 403, 403, 403, 403, LOGIN), setup=_offer
        ),
        Endpoint(
            "offer_share",
            "post",
            _on("offer_share"),
            roles(403, 302, REASON, 404, 403, 403, LOGIN),
            setup=_offer,
            data=lambda w, c: {"participant": str(w.participant.pk)},
        ),
        Endpoint("provider_list", "get", plain("provider_list"), EDITORS_GET),
        Endpoint("provider_create", "get", plain("provider_create"), EDITORS_GET),
        Endpoint(
            "provider_create",
            "post",
            plain("provider_create"),
            EDITORS_POST,
            data=lambda w, c: {
                "name": "Kiwi Strømsø",
                "kind": "private",
                "organisation_number": VALID_ORGNR,
                "sector": "retail",
                "is_employer": "on",
            },
        ),
        Endpoint(
            "provider_edit", "get", _on("provider_edit"), roles(403, 403, 403, 404, 200, 200, LOGIN), setup=_provider
        ),
        Endpoint(
            "provider_edit",
            "post",
            _on("provider_edit"),
            roles(403, 403, 403, 404, 302, 302, LOGIN),
            setup=_provider,
            data=lambda w, c: {
                "name": c.name,
                "kind": "public",
                "organisation_number": VALID_ORGNR,
                "sector": "training",
                "version": c.version,
            },
        ),
        Endpoint(
            "participations", "get", on_participant("participations"), roles(403, 200, REASON, 404, 200, 403, LOGIN)
        ),
        Endpoint(
            "participation_register",
            "post",
            on_participant("participation_register"),
            WRITE,
            setup=_offer,
            data=lambda w, c: {"register-offer": str(c.pk)},
        ),
        Endpoint(
            "participation_update",
            "post",
            _on_participant_and("participation_update"),
            WRITE,
            setup=_participation,
            data=lambda w, c: {f"update-{c.pk}-version": c.version, f"update-{c.pk}-status": "waiting_list"},
        ),
        Endpoint(
            "provider_change",
            "post",
            _on_participant_and("provider_change"),
            WRITE,
            setup=_participation,
            data=lambda w, c: {
                "change-kind": "hours",
                "change-hours_per_week": "20",
                "change-proposed_by": "Line",
                "change-explanation": "Færre timer i desember.",
            },
        ),
        Endpoint(
            "provider_change_decide",
            "post",
            _on_participant_and("provider_change_decide"),
            WRITE,
            setup=_change,
            data=lambda w, c: {"decision-approve": "yes", "decision-note": ""},
        ),
        Endpoint("barriers", "get", plain("barriers"), roles(403, 403, 403, 403, 200, 403, LOGIN)),
        Endpoint(
            "recommendations", "get", on_participant("recommendations"), roles(200, 200, REASON, 404, 200, 403, LOGIN)
        ),
    ]
