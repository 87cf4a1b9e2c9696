"""The demo's fast path: rows validated as a service validates them, then inserted in bulk.

The demo's histories reach back up to two years, and a service stamps what it writes with the present
moment, so the dated histories (cases and their events, meetings, notes, mappings, plans and their versions,
proposals, participations, wishes, check-ins, after-care) are built as rows; and the benchmarks seed offices
of up to 100,000 participants this way. No row skips the model's validation: every one runs `full_clean()`
(field types, lengths, choices, validators, the model's own `clean()`) before the insert, so the fast path
cannot write what the model would refuse. What `full_clean()` would check with one query per row, that
a foreign key points at a row, uniqueness and the database constraints, the database enforces at the
insert itself (the related rows of a batch are inserted in the same transaction, just before).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import models

ROWS_PER_INSERT = 1000  # keeps every INSERT under PostgreSQL's 65,535 parameters


def validate_row(row: models.Model) -> None:
    """`full_clean()` without the checks the database makes at the insert (see the module docstring)."""
    relations = [field.name for field in row._meta.concrete_fields if field.is_relation]
    row.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)


def insert_validated(model: type[models.Model], rows: Sequence[models.Model]) -> int:
    """Validate every row, then insert them in batches; returns how many."""
    for row in rows:
        validate_row(row)
    model._default_manager.bulk_create(rows, batch_size=ROWS_PER_INSERT)
    return len(rows)
