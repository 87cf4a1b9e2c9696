"""The kinds of object an audit event can be about. Each app registers its own in its `audit_types` module
(loaded by its AppConfig.ready), so a new kind needs no change to the audit app and no migration."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise

_LABELS: dict[str, str | Promise] = {}


def object_type(code: str, label: str | Promise) -> str:
    """Register `code` with the label the access log and the audit search show; returns the code."""
    if _LABELS.get(code, label) != label:
        raise ImproperlyConfigured(f"audit object type {code!r} is registered twice with different labels")
    _LABELS[code] = label
    return code


def object_type_label(code: str) -> str:
    """The registered label; an unknown code (from an app since removed) is shown as stored."""
    return str(_LABELS.get(code, code))


def require_object_type(code: str) -> None:
    if code not in _LABELS:
        raise ValueError(f"unknown audit object type {code!r}: register it in the owning app's audit_types")
