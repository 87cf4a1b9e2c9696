"""Adding a dated value to a rule parameter, without ever changing what was settled under the old one."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kvp.accounts.models import Office, User
from kvp.parameters.models import ParameterValue
from kvp.parameters.registry import BY_NAME, NATIONAL, rules_from
from kvp.parameters.selectors import fetch_rows, forget, values_on

# The last day whose rules are settled (an approved payment's period, a sent decision letter) for an office,
# or for any office when given None. The apps that settle things register theirs: this app sits below them.
SettledUntil = Callable[[int | None], datetime.date | None]
_settled_sources: list[SettledUntil] = []


def register_settled_until(source: SettledUntil) -> None:
    if source not in _settled_sources:
        _settled_sources.append(source)


def first_open_day(office: Office | None) -> datetime.date | None:
    """The first day a new value for `office` (None: a national value) may take effect: the day after the last
    settled one, so that no approved payment or sent letter would have been different. None: any day."""
    settled = [day for source in _settled_sources if (day := source(office.pk if office else None)) is not None]
    return max(settled) + datetime.timedelta(days=1) if settled else None


@transaction.atomic
def parameter_change(
    *, actor: User, name: str, office: Office | None, valid_from: datetime.date, value: str, reason: str
) -> ParameterValue:
    """Add a value from `valid_from` on, nationally or for one office. An empty value returns to the default
    (nationally) or to the national value (for an office). Earlier values stay as they were."""
    if not actor.is_administrator:
        raise ValidationError(_("Only administrators can change the rules' parameters."))
    parameter = BY_NAME[name]
    if office is not None and parameter.scope is NATIONAL:
        raise ValidationError(_("This rule follows the law: it has one value for every office."), code="national")
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the value changes.")})
    if value.strip():
        parameter.parse(value)
    opens = first_open_day(office)
    if opens is not None and valid_from < opens:
        raise ValidationError(
            _("Payments or letters up to %(day)s rest on the values in force then: the new value can apply from "
              "%(first)s at the earliest.") % {"day": f"{opens - datetime.timedelta(days=1):%d.%m.%Y}",
                                              "first": f"{opens:%d.%m.%Y}"},
            code="settled",
        )  # fmt: skip
    change = ParameterValue.objects.create(
        name=name, office=office, valid_from=valid_from, value=value.strip(), reason=reason.strip(), changed_by=actor
    )
    _check_combinations(change)
    forget()
    return change


def _check_combinations(change: ParameterValue) -> None:
    """Every day from the new value on where some value changes, the rules must accept the combination (for
    a national value: nationally and at every office with its own values)."""
    rows = fetch_rows()
    days = {change.valid_from} | {row.valid_from for row in rows if row.valid_from > change.valid_from}
    offices: set[int | None] = {None, *(row.office_id for row in rows)}
    if change.office_id is not None:
        offices = {change.office_id}
    for office_id in offices:
        for day in days:
            try:
                rules_from(values_on(rows, office_id, day))
            except ValueError as exc:
                raise ValidationError(
                    _("This value does not fit with the rule's other values, for example a minimum above a maximum.")
                ) from exc
