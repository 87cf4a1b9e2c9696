"""The demo's fast path: rows validated as a service validates them, then inserted in bulk.

The demo's histories reach back up to two years, and a service stamps what it writes with the present
moment, so the dated histories (cases and their events, meetings, notes, mappings, plans and their versions,
proposals, participations, wishes, check-ins, after-care) are built as rows; and the benchmarks seed offices
of up to 100,000 participants this way. No row skips the model's validation: every one runs `full_clean()`
(field types, lengths, choices, validators, the model's own `clean()`) before the insert, so the fast path
cannot write what the model would refuse. What `full_clean()` would check with one query per row, that
a foreign key points at a row, uniqueness and the database constraints, the database enforces at the
insert itself (the related rows of a batch are inserted in the same transaction, just before). A case's
steps are checked with the rule `case_transition` applies (`validate_case_steps`), and a meeting's interpreter
details as `meeting_create` checks them (`SERVICE_CHECKS`).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from kvp.followup.meetings import interpreter_errors
from kvp.followup.models import Meeting
from kvp.programme.models import Case, CaseEvent
from kvp.rules.case_status import CaseStatus, EndReason, transition_problem

ROWS_PER_INSERT = 1000  # keeps every INSERT under PostgreSQL's 65,535 parameters


@functools.cache
def _relations(model: type[models.Model]) -> list[str]:
    return [field.name for field in model._meta.concrete_fields if field.is_relation]


def validate_row(row: models.Model) -> None:
    """`full_clean()` without the checks the database makes at the insert (see the module docstring)."""
    row.full_clean(exclude=_relations(type(row)), validate_unique=False, validate_constraints=False)


def _check_interpreter(meeting: Meeting) -> None:
    """What `meeting_create` checks of a meeting's interpreter details besides the model."""
    errors = interpreter_errors(
        interpreter_language=meeting.interpreter_language,
        interpreter_form=meeting.interpreter_form,
        interpreter_booked=meeting.interpreter_booked,
        interpreter_booking_reference=meeting.interpreter_booking_reference,
    )
    if errors:
        raise ValidationError(errors)


# The services' own checks of a row, beyond full_clean(), where a service has them as a function of the row.
SERVICE_CHECKS: dict[type[models.Model], Callable[[Any], None]] = {Meeting: _check_interpreter}


def insert_validated(model: type[models.Model], rows: Sequence[models.Model]) -> int:
    """Validate every row, then insert them in batches; returns how many."""
    service_check = SERVICE_CHECKS.get(model)
    for row in rows:
        validate_row(row)
        if service_check is not None:
            service_check(row)
    model._default_manager.bulk_create(rows, batch_size=ROWS_PER_INSERT)
    return len(rows)


def validate_case_steps(cases: Sequence[Case], events: Sequence[CaseEvent]) -> None:
    """Every step of every case is one `case_transition` allows (kvp.rules.case_status.transition_problem),
    from the application on, and the last step leaves the case in its status."""
    for case in cases:
        steps = [event for event in events if event.case_id == case.pk]
        if not steps or steps[0].from_status or steps[0].to_status != CaseStatus.APPLIED:
            raise ValidationError(f"case {case.pk}: a case starts with its application", code="no_application")
        for previous, event in itertools.pairwise(steps):
            target = CaseStatus(event.to_status)
            reason = EndReason(case.end_reason) if target is CaseStatus.ENDED else None
            problem = transition_problem(current=CaseStatus(previous.to_status), target=target, end_reason=reason)
            if problem is not None or event.from_status != previous.to_status:
                raise ValidationError(f"case {case.pk}: {event.from_status} -> {target}", code="step")
        if steps[-1].to_status != case.status:
            raise ValidationError(f"case {case.pk}: its last step is not its status", code="status")
