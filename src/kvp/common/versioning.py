"""Optimistic locking of edited rows: a versioned model, one way to lock, compare and bump its version inside
the caller's transaction, and one conflict telling the user what someone else changed since they opened it."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.db.transaction import TransactionManagementError
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _


class VersionedModel(models.Model):
    """A row edited through forms: `version` is raised by every saved edit, so an edit based on an older
    version is refused instead of silently overwriting someone else's change."""

    version = models.PositiveIntegerField(default=1)

    # Shown on a conflict when the action saves no fields of its own (a one-button form).
    conflict_fields: ClassVar[tuple[str, ...]] = ()

    class Meta:
        abstract = True

    def changes_since(self, seen_version: int) -> list[ChangedField]:
        """What changed after `seen_version`, for a model that keeps its history (none keeps it here)."""
        return []


V = TypeVar("V", bound=VersionedModel)


@dataclass(frozen=True)
class ChangedField:
    name: str
    label: str
    value: str  # the stored value, as the user reads it


class VersionConflict(ValidationError):
    """The row changed since the user opened it; carries what it holds now. A ValidationError with code
    "stale", so every form and API error path shows it without knowing about it."""

    def __init__(self, stored_version: int, changes: Sequence[ChangedField]) -> None:
        self.stored_version = stored_version
        self.changes = tuple(changes)
        listed = "; ".join(f"{change.label}: {change.value}" for change in self.changes)
        message = _("This was changed by someone else since you opened it. Here is what changed: %(changes)s")
        super().__init__(message % {"changes": listed or "—"}, code="stale")


def lock_version(
    queryset: models.QuerySet[V, V] | models.Manager[V],
    *,
    seen_version: int | None,
    submitted: Mapping[str, Any] | None = None,
    bump: bool = True,
    **lookup: Any,
) -> V:
    """The row matching `lookup`, locked until the caller's transaction ends. Raises VersionConflict if the
    user loaded another version than the stored one (`seen_version` None: no check, e.g. a new message in
    a thread); `submitted` holds the values the user is saving, to say which of them differ now. Bumps the
    version unless `bump` is False (the caller then bumps with `bump_version` once it knows it saves)."""
    connection = transaction.get_connection(queryset.db)
    if not connection.in_atomic_block:
        raise TransactionManagementError("lock_version needs the caller's transaction")
    if not connection.features.has_select_for_update:
        # SQLite ignores FOR UPDATE: a first write makes this a write transaction, so a concurrent edit
        # waits for it instead of both reading the same version.
        queryset.model._base_manager.using(queryset.db).filter(**lookup).update(version=F("version"))
    row = queryset.select_for_update().get(**lookup)
    if seen_version is not None and row.version != seen_version:
        raise VersionConflict(row.version, row.changes_since(seen_version) + _changed_fields(row, submitted or {}))
    if bump:
        bump_version(row)
    return row


def bump_version(row: VersionedModel) -> None:
    """Raise the stored version by exactly one (the row is locked by lock_version in this transaction)."""
    type(row)._base_manager.filter(pk=row.pk).update(version=F("version") + 1)
    row.version += 1


def _changed_fields(row: VersionedModel, submitted: Mapping[str, Any]) -> list[ChangedField]:
    columns = {field.name: field for field in row._meta.concrete_fields}
    names = [name for name in submitted if name in columns and _differs(row, columns[name], submitted[name])]
    names += [name for name in row.conflict_fields if name not in submitted]
    return [
        ChangedField(name, capfirst(str(columns[name].verbose_name)), _display(row, columns[name])) for name in names
    ]


def _differs(row: VersionedModel, field: models.Field[Any, Any], value: Any) -> bool:
    """Whether the stored value differs from the one the user is saving (a related row by its key)."""
    submitted = value.pk if isinstance(value, models.Model) else value
    return bool(getattr(row, field.attname) != submitted)


def _display(row: VersionedModel, field: models.Field[Any, Any]) -> str:
    value = getattr(row, field.name)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(formats.localize(value))
