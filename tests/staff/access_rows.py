"""Access-matrix rows for the staff pages (see tests/test_access_matrix.py)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from kvp.accounts.models import User
from kvp.staff.models import GrantRequest
from kvp.staff.services import grant_request
from tests.access import LOGIN, Endpoint, plain, roles
from tests.conftest import World

MANAGERS_GET = roles(403, 403, 403, 403, 200, 200, LOGIN)


def _counsellor(w: World) -> User:
    User.objects.filter(pk=w.counsellor.pk).update(email="kari@example.org")
    return User.objects.get(pk=w.counsellor.pk)


def _grant(w: World) -> GrantRequest:
    return grant_request(actor=w.administrator, subject=w.counsellor, kind="shielded", give=True, office=None)


def on_member(name: str) -> Any:
    return lambda w, c: reverse(name, args=[c.pk])


def _password_link(w: World, c: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(c.pk))
    member = User.objects.get(pk=c.pk)  # as stored now: signing in changes the token
    return reverse("password_choose", args=[uid, default_token_generator.make_token(member)])


staff_endpoints = [
    Endpoint("staff_list", "get", plain("staff_list"), MANAGERS_GET),
    Endpoint(
        "staff_grant_request",
        "get",
        on_member("staff_grant_request"),
        roles(403, 403, 403, 403, 403, 200, LOGIN),
        setup=_counsellor,
    ),
    Endpoint(
        "staff_grant_request",
        "post",
        on_member("staff_grant_request"),
        roles(403, 403, 403, 403, 403, 302, LOGIN),
        data=lambda w, c: {"kind": "shielded", "give": "1"},
        setup=_counsellor,
    ),
    # The requester (the administrator) and the subject (the counsellor) cannot decide; the office leader can.
    Endpoint(
        "staff_grant_decide",
        "post",
        on_member("staff_grant_decide"),
        roles(403, 403, 403, 403, 302, 404, LOGIN),
        data=lambda w, c: {"decision": "approve"},
        setup=_grant,
    ),
    Endpoint(
        "staff_reset_link",
        "post",
        on_member("staff_reset_link"),
        roles(403, 403, 403, 403, 302, 302, LOGIN),
        setup=_counsellor,
    ),
    Endpoint(
        "staff_lockout_lift",
        "post",
        on_member("staff_lockout_lift"),
        roles(403, 403, 403, 403, 302, 403, LOGIN),
        setup=_counsellor,
    ),
    # The token is the credential: whoever opens the link is sent on to the form (the token leaves the URL).
    Endpoint("password_choose", "get", _password_link, roles(302, 302, 302, 302, 302, 302, 302), setup=_counsellor),
]
