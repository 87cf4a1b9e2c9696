"""What the access matrix is made of: an endpoint, how to reach it, and each role's expected answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

from tests.conftest import ROLES, World

LOGIN = "login"  # a redirect to the login page
REASON = "reason"  # a redirect to the access reason form
ADMIN_LOGIN = "admin_login"


@dataclass
class Endpoint:
    name: str
    method: str
    url: Callable[[World, Any], str]
    expected: dict[str, int | str]
    data: Callable[[World, Any], dict[str, Any]] = field(default=lambda w, c: {})
    api: bool = False
    # Builds the object the endpoint acts on; without it, `_case_for` decides.
    setup: Callable[[World], Any] | None = None


def pid(w: World, c: Any) -> list[str]:
    return [str(w.participant.pk)]


def on_participant(name: str) -> Callable[[World, Any], str]:
    return lambda w, c: reverse(name, args=pid(w, c))


def on_case(name: str) -> Callable[[World, Any], str]:
    return lambda w, c: reverse(name, args=[c.pk])


def plain(name: str) -> Callable[[World, Any], str]:
    return lambda w, c: reverse(name)


# Expected outcome per role, in ROLES order: participant, counsellor, colleague, outsider, leader,
# administrator, anonymous.
def roles(*outcomes: int | str) -> dict[str, int | str]:
    assert len(outcomes) == len(ROLES)
    return dict(zip(ROLES, outcomes, strict=True))


WRITE = roles(403, 302, REASON, 404, 403, 403, LOGIN)
API_WRITE = roles(403, 201, 403, 404, 403, 403, 403)
