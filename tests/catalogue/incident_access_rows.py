"""Access-matrix rows for discrimination incidents (see tests/test_access_matrix.py)."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse

from kvp.catalogue.incidents import incident_record
from kvp.catalogue.models import Incident, Provider
from tests.access import LOGIN, REASON, WRITE, Endpoint, on_participant, plain, roles
from tests.catalogue.builders import provider
from tests.conftest import World
from tests.plans.builders import access_for

COUNSELLORS_GET = roles(403, 200, 200, 200, 403, 403, LOGIN)


def _provider(w: World) -> Provider:
    return provider(w.office, w.leader, name="Kiwi Strømsø", kind="private", sector="retail", is_employer=True)


def _incident(w: World) -> Incident:
    return incident_record(
        actor=w.counsellor,
        provider=_provider(w),
        fields={"happened_on": datetime.date(2026, 1, 5), "what_happened": "Ble bedt om å ta av hijaben i kassen."},
        access=access_for(w.counsellor, w.participant),
        today=datetime.date(2026, 1, 6),
    )


def _fields(w: World, c: Any) -> dict[str, Any]:
    provider_id = c.provider_id if isinstance(c, Incident) else c.pk
    return {
        "incident-provider": str(provider_id),
        "incident-happened_on": "2026-01-05",
        "incident-what_happened": "Daglig leder sa at de ikke tar inn folk med hijab.",
        "incident-consent": "not_asked",
        "incident-status": "open",
        "incident-version": getattr(c, "version", 0),
    }


def _on(name: str) -> Any:
    return lambda w, c: reverse(name, args=[c.pk])


def incident_endpoints() -> list[Endpoint]:
    return [
        Endpoint("incident_list", "get", plain("incident_list"), roles(403, 200, 200, 200, 200, 403, LOGIN)),
        Endpoint("incident_create", "get", plain("incident_create"), COUNSELLORS_GET),
        # The other office's counsellor cannot choose this office's employer: the form is refused.
        Endpoint(
            "incident_create",
            "post",
            plain("incident_create"),
            roles(403, 302, 302, 400, 403, 403, LOGIN),
            setup=_provider,
            data=_fields,
        ),
        Endpoint(
            "incident_create_for",
            "get",
            on_participant("incident_create_for"),
            roles(403, 200, REASON, 404, 403, 403, LOGIN),
        ),
        Endpoint(
            "incident_create_for", "post", on_participant("incident_create_for"), WRITE, setup=_provider, data=_fields
        ),
        Endpoint(
            "incident_detail",
            "get",
            _on("incident_detail"),
            roles(403, 200, REASON, 404, 200, 403, LOGIN),
            setup=_incident,
        ),
        Endpoint(
            "incident_edit", "get", _on("incident_edit"), roles(403, 200, REASON, 404, 403, 403, LOGIN), setup=_incident
        ),
        Endpoint("incident_edit", "post", _on("incident_edit"), WRITE, setup=_incident, data=_fields),
    ]
