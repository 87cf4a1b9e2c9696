"""Access-matrix rows for the check-in pages (see tests/test_access_matrix.py)."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse

from kvp.motivation.models import CheckIn
from tests.access import LOGIN, REASON, Endpoint, on_participant, plain, roles
from tests.conftest import World
from tests.motivation.builders import answers, waiting

OWN_GET = roles(200, 403, 403, 403, 403, 403, LOGIN)
OWN_POST = roles(302, 403, 403, 403, 403, 403, LOGIN)


def _waiting(w: World) -> CheckIn:
    return waiting(w.participant, datetime.date(2026, 1, 5))


def _on(name: str) -> Any:
    return lambda w, c: reverse(name, args=[c.pk])


def motivation_endpoints() -> list[Endpoint]:
    return [
        Endpoint(
            "motivation_history",
            "get",
            on_participant("motivation_history"),
            roles(403, 200, REASON, 404, 200, 403, LOGIN),
        ),
        Endpoint("my_checkin_start", "post", plain("my_checkin_start"), OWN_POST),
        Endpoint("my_checkin_answer", "get", _on("my_checkin_answer"), OWN_GET, setup=_waiting),
        Endpoint(
            "my_checkin_answer",
            "post",
            _on("my_checkin_answer"),
            OWN_POST,
            data=lambda w, c: {"sprak": "so", **{key: str(value) for key, value in answers(4).items()}},
            setup=_waiting,
        ),
        Endpoint("my_checkin_thanks", "get", _on("my_checkin_thanks"), OWN_GET, setup=_waiting),
    ]
