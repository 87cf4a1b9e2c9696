"""Access-matrix rows for the after-care page (see tests/test_access_matrix.py)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from tests.access import LOGIN, REASON, Endpoint, roles
from tests.conftest import World
from tests.programme.aftercare_builders import first_follow_up


def _follow_up(w: World) -> Any:
    return first_follow_up(w.participant, w.counsellor)


def _url(w: World, c: Any) -> str:
    return reverse("aftercare_record", args=[w.participant.pk, c.pk])


def aftercare_endpoints() -> list[Endpoint]:
    return [
        Endpoint("aftercare_record", "get", _url, roles(403, 200, REASON, 404, 200, 403, LOGIN), setup=_follow_up),
        Endpoint(
            "aftercare_record",
            "post",
            _url,
            roles(403, 302, REASON, 404, 403, 403, LOGIN),
            data=lambda w, c: {
                "contacted_on": "2026-11-16",
                "channel": "phone",
                "situation": "work_part_time",
                "version": c.version,
            },
            setup=_follow_up,
        ),
    ]
