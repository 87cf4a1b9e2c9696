"""Which parameter values are in force on a day for an office, read from the database once per request."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import NamedTuple

from kvp.accounts.models import Office
from kvp.parameters.models import ParameterValue
from kvp.parameters.registry import BY_NAME, LOCAL, Rules, rules_from

OfficeRef = Office | int | None  # an office or its id; None for the national values alone


class Row(NamedTuple):
    name: str
    office_id: int | None
    valid_from: datetime.date
    value: str


@dataclass
class _Loaded:
    rows: list[Row] | None = None
    rules: dict[tuple[int | None, datetime.date], Rules] = field(default_factory=dict)


# Set for the length of one request (RulesPerRequestMiddleware); outside a request every call reads afresh, so
# no process keeps values another process has since changed.
_loaded: ContextVar[_Loaded | None] = ContextVar("rule_parameter_values", default=None)


@contextmanager
def read_once() -> Iterator[None]:
    """Within the block (or the decorated function), the parameter values are read from the database at most
    once; inside an outer block, the outer one's values serve."""
    if _loaded.get() is not None:
        yield
        return
    token = _loaded.set(_Loaded())
    try:
        yield
    finally:
        _loaded.reset(token)


def forget() -> None:
    """Read the values afresh at the next call (after a change within the same request)."""
    loaded = _loaded.get()
    if loaded is not None:
        loaded.rows = None
        loaded.rules.clear()


def fetch_rows() -> list[Row]:
    """Every stored value, oldest first: by the day it is valid from, then by when it was set."""
    return [
        Row(*values)
        for values in ParameterValue.objects.order_by("valid_from", "changed_at", "pk").values_list(
            "name", "office_id", "valid_from", "value"
        )
    ]


def _rows() -> list[Row]:
    loaded = _loaded.get()
    if loaded is None:
        return fetch_rows()
    if loaded.rows is None:
        loaded.rows = fetch_rows()
    return loaded.rows


def _office_id(office: OfficeRef) -> int | None:
    return office.pk if isinstance(office, Office) else office


def values_on(rows: Sequence[Row], office_id: int | None, on: datetime.date) -> dict[str, str]:
    """The stored value in force on `on` per parameter name: the office's own for a local parameter, else the
    national one. An empty value means the default (nationally) or the national value (for an office)."""
    national: dict[str, str] = {}
    local: dict[str, str] = {}
    for row in rows:
        if row.valid_from > on:
            break
        parameter = BY_NAME.get(row.name)
        if row.office_id is None:
            national[row.name] = row.value
        elif row.office_id == office_id and parameter is not None and parameter.scope is LOCAL:
            local[row.name] = row.value
    return national | {name: value for name, value in local.items() if value}


def texts_in_force(office: OfficeRef, *, on: datetime.date) -> dict[str, str]:
    """The stored values (as written) in force on `on` for `office`; a parameter without one has its default."""
    return values_on(_rows(), _office_id(office), on)


def rules_for(office: OfficeRef, *, on: datetime.date) -> Rules:
    """Every rule's parameters in force on `on` for `office`: its own value for a local parameter, otherwise
    the national value, otherwise the documented default."""
    office_id = _office_id(office)
    loaded = _loaded.get()
    if loaded is not None and (office_id, on) in loaded.rules:
        return loaded.rules[(office_id, on)]
    rules = rules_from(values_on(_rows(), office_id, on))
    if loaded is not None:
        loaded.rules[(office_id, on)] = rules
    return rules


def rules_everywhere(*, on: datetime.date) -> list[Rules]:
    """The rules in force on `on` nationally and at every office with values of its own: every variant an office
    may have, so that a batch over many offices can bound what it reads without asking for each office."""
    own = sorted({row.office_id for row in _rows() if row.office_id is not None})
    return [rules_for(office_id, on=on) for office_id in [None, *own]]


def rules_by_span(
    office: OfficeRef, *, start: datetime.date, end: datetime.date
) -> list[tuple[datetime.date, datetime.date, Rules]]:
    """The days from `start` to `end` split where a value for `office` changes, each part with its rules."""
    office_id = _office_id(office)
    changes = sorted(
        {row.valid_from for row in _rows() if start < row.valid_from <= end and row.office_id in {None, office_id}}
    )
    starts = [start, *changes]
    ends = [day - datetime.timedelta(days=1) for day in changes] + [end]
    return [(first, last, rules_for(office_id, on=first)) for first, last in zip(starts, ends, strict=True)]


def parameter_history() -> dict[str, list[ParameterValue]]:
    """Every parameter's values, newest first, with who set them and why (for the parameters page)."""
    history: dict[str, list[ParameterValue]] = {name: [] for name in BY_NAME}
    for value in ParameterValue.objects.select_related("changed_by", "office").order_by(
        "-valid_from", "-changed_at", "-pk"
    ):
        history.setdefault(value.name, []).append(value)
    return history
