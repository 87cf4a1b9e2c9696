"""Access-matrix rows for the administration's pages of every registered model: the list, adding, changing, the
history and deleting (see tests/test_access_matrix.py). Only an administrator gets in; everyone else is sent to
the administration's login, which sends them to the site's login with the code."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.urls import reverse

from kvp.accounts.models import Office, User
from kvp.programme.models import Rate
from tests.access import ADMIN_LOGIN, Endpoint, plain, roles
from tests.conftest import World


def only_the_administrator(answer: int) -> dict[str, int | str]:
    return roles(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, answer, ADMIN_LOGIN)


def _office(w: World) -> Office:
    return w.office  # followed up participants are registered at it


def _member(w: World) -> User:
    return w.counsellor


def _rate(w: World) -> Rate:
    return Rate.objects.create(series="base_amounts", valid_from=datetime.date(2031, 5, 1), value=140000)


def _office_form(w: World, c: Any) -> dict[str, Any]:
    return {
        "name": "NAV Nyby",
        "unit_number": "0999",
        "municipality_number": "0999",
        "municipality_name": "Nyby",
        "payment_schedule": "monthly",
        "payment_anchor": "2026-01-05",
    }


def _member_form(w: World, c: Any) -> dict[str, Any]:
    return {"username": "kari_nordmann", "first_name": "Kari", "last_name": "Nordmann-Berg", "is_active": "on"}


def _new_member_form(w: World, c: Any) -> dict[str, Any]:
    return {"username": "nina_ny", "first_name": "Nina", "last_name": "Ny", "email": "nina@example.org"}


def _rate_form(w: World, c: Any) -> dict[str, Any]:
    return {"series": "base_amounts", "valid_from": "2032-05-01", "value": "150000", "source": ""}


# model's admin name, the object it acts on, its add form, its change form, and whether it can be deleted
MODELS: list[tuple[str, Callable[[World], Any], Callable[..., dict[str, Any]], Callable[..., dict[str, Any]], bool]] = [
    ("accounts_office", _office, _office_form, _office_form, False),
    ("accounts_user", _member, _new_member_form, _member_form, False),
    ("programme_rate", _rate, _rate_form, _rate_form, True),
]


def _on(name: str) -> Callable[[World, Any], str]:
    return lambda w, c: reverse(f"admin:{name}", args=[c.pk])


def admin_endpoints() -> list[Endpoint]:
    rows = []
    for model, setup, add_form, change_form, deletable in MODELS:
        delete_get, delete_post = (200, 302) if deletable else (403, 403)
        rows += [
            Endpoint(
                f"admin:{model}_changelist", "get", plain(f"admin:{model}_changelist"), only_the_administrator(200)
            ),
            Endpoint(f"admin:{model}_add", "get", plain(f"admin:{model}_add"), only_the_administrator(200)),
            Endpoint(
                f"admin:{model}_add", "post", plain(f"admin:{model}_add"), only_the_administrator(302), data=add_form
            ),
            Endpoint(f"admin:{model}_change", "get", _on(f"{model}_change"), only_the_administrator(200), setup=setup),
            Endpoint(
                f"admin:{model}_change",
                "post",
                _on(f"{model}_change"),
                only_the_administrator(302),
                data=change_form,
                setup=setup,
            ),
            Endpoint(
                f"admin:{model}_history", "get", _on(f"{model}_history"), only_the_administrator(200), setup=setup
            ),
            Endpoint(
                f"admin:{model}_delete", "get", _on(f"{model}_delete"), only_the_administrator(delete_get), setup=setup
            ),
            Endpoint(
                f"admin:{model}_delete",
                "post",
                _on(f"{model}_delete"),
                only_the_administrator(delete_post),
                data=lambda w, c: {"post": "yes"},
                setup=setup,
            ),
        ]
    return rows
