"""The two role checks views and API endpoints share: staff who work on cases, and leaders. One definition each,
so "staff" means the same everywhere. Put them under @login_required (anonymous users go to the login page)."""

from __future__ import annotations

from collections.abc import Callable
from functools import update_wrapper
from typing import Concatenate, ParamSpec, TypeVar

from django.core.exceptions import PermissionDenied

from kvp.accounts.models import User
from kvp.accounts.requests import AuthedRequest

P = ParamSpec("P")
R = TypeVar("R")
Req = TypeVar("Req", bound=AuthedRequest)


def is_staff(user: User) -> bool:
    """A counsellor or leader at an office, signed in as staff (never a participant's own login)."""
    return user.is_case_staff and user.office_id is not None and user.participant_id is None


def is_leader(user: User) -> bool:
    """A leader at an office, signed in as staff."""
    return user.is_leader and is_staff(user)


View = Callable[Concatenate[Req, P], R]


def _requiring(check: Callable[[User], bool]) -> Callable[[View[Req, P, R]], View[Req, P, R]]:
    def decorator(view: View[Req, P, R]) -> View[Req, P, R]:
        def checked(request: Req, /, *args: P.args, **kwargs: P.kwargs) -> R:
            if not check(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        update_wrapper(checked, view)
        return checked

    return decorator


require_staff = _requiring(is_staff)
require_leader = _requiring(is_leader)
