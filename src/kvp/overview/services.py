"""Writes from the overview: reminders (huskelapp), colour categories, saved filters, bulk reassignment."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Sequence
from urllib.parse import parse_qsl

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.overview.audit_types import REMINDER
from kvp.overview.models import REMINDER_MAX_LENGTH, Category, Reminder, SavedFilter
from kvp.participants.access import ParticipantAccess, audit_access, get_participant_for_user
from kvp.participants.audit_types import COUNSELLOR
from kvp.participants.services import participant_assign_counsellor

SAVED_FILTERS_PER_USER = 30
REASSIGN_AT_ONCE = 200


@transaction.atomic
def reminder_create(*, actor: User, access: ParticipantAccess, text: str, due: datetime.date) -> Reminder:
    """A reminder about the participant for the office's staff (huskelapp): a short text and a due date."""
    access.require_write()
    text = " ".join(text.split())
    if not text:
        raise ValidationError({"text": _("Write what the reminder is about.")}, code="empty")
    if len(text) > REMINDER_MAX_LENGTH:
        raise ValidationError(
            {"text": _("A reminder has at most %(count)s characters.") % {"count": REMINDER_MAX_LENGTH}},
            code="too_long",
        )
    if due < timezone.localdate() - datetime.timedelta(days=1):
        raise ValidationError({"due": _("The due date has passed: choose today or a later day.")}, code="past")
    reminder = Reminder(participant=access.participant, text=text, due=due, created_by=actor)
    reminder.full_clean()
    reminder.save()
    audit_access(actor, access, action=AuditEvent.Action.CREATE, what=REMINDER, object_id=str(reminder.pk))
    return reminder


def _reminder_of(access: ParticipantAccess, reminder_id: uuid.UUID) -> Reminder:
    reminder = Reminder.objects.select_for_update().filter(pk=reminder_id, participant=access.participant).first()
    if reminder is None:
        raise ValidationError(_("The reminder is gone: someone may have removed it."), code="gone")
    return reminder


@transaction.atomic
def reminder_done(*, actor: User, access: ParticipantAccess, reminder_id: uuid.UUID) -> Reminder:
    """Mark a reminder done: it leaves the overview but stays recorded."""
    access.require_write()
    reminder = _reminder_of(access, reminder_id)
    if reminder.done_at is not None:
        raise ValidationError(_("The reminder is already done."), code="done")
    reminder.done_at = timezone.now()
    reminder.done_by = actor
    reminder.save(update_fields=["done_at", "done_by"])
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=REMINDER, object_id=str(reminder.pk))
    return reminder


@transaction.atomic
def reminder_delete(*, actor: User, access: ParticipantAccess, reminder_id: uuid.UUID) -> None:
    """Delete a reminder written by mistake."""
    access.require_write()
    reminder = _reminder_of(access, reminder_id)
    object_id = str(reminder.pk)
    reminder.delete()
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=REMINDER, object_id=object_id)


@transaction.atomic
def category_set(*, actor: User, access: ParticipantAccess, colour: str) -> Category | None:
    """Set (or with "" clear) the actor's own colour category for the participant."""
    access.require_write()
    if colour and colour not in Category.Colour.values:
        raise ValidationError({"colour": _("Choose one of the categories.")}, code="colour")
    if not colour:
        Category.objects.filter(counsellor=actor, participant=access.participant).delete()
        return None
    category, _created = Category.objects.update_or_create(
        counsellor=actor, participant=access.participant, defaults={"colour": colour, "changed_at": timezone.now()}
    )
    return category


@transaction.atomic
def saved_filter_create(*, actor: User, name: str, query: str, allowed: Sequence[str]) -> SavedFilter:
    """Save the overview's filters under a name. Only the filter names in `allowed` are kept (codes and ids,
    never personal data); a name already used is replaced."""
    if not actor.is_case_staff:
        raise ValidationError(_("Only counsellors and leaders have an overview."))
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Give the filter a name.")}, code="empty")
    kept = [(key, value) for key, value in parse_qsl(query) if key in allowed and len(value) <= 40]
    if not kept:
        raise ValidationError(_("Choose at least one filter before saving."), code="no_filter")
    text = "&".join(f"{key}={value}" for key, value in kept)
    exists = SavedFilter.objects.filter(user=actor, name=name).first()
    if exists is None and SavedFilter.objects.filter(user=actor).count() >= SAVED_FILTERS_PER_USER:
        raise ValidationError(
            _("You have %(count)s saved filters, the most there can be: delete one first.")
            % {"count": SAVED_FILTERS_PER_USER},
            code="too_many",
        )
    saved, _created = SavedFilter.objects.update_or_create(user=actor, name=name, defaults={"query": text[:500]})
    return saved


def saved_filter_delete(*, actor: User, filter_id: int) -> bool:
    """Delete one of the actor's saved filters; False if there is none such."""
    deleted, _counts = SavedFilter.objects.filter(user=actor, pk=filter_id).delete()
    return deleted > 0


@transaction.atomic
def participants_reassign(*, actor: User, participant_ids: Sequence[str], counsellor: User) -> int:
    """A leader gives many participants to one counsellor, through the one-participant service (each is
    checked and logged); all or nothing."""
    if not actor.is_leader:
        raise ValidationError(_("Only the office leader can reassign participants."))
    unique = list(dict.fromkeys(participant_ids))
    if not unique:
        raise ValidationError(_("Choose at least one participant."), code="none")
    if len(unique) > REASSIGN_AT_ONCE:
        raise ValidationError(
            _("Reassign at most %(count)s participants at a time.") % {"count": REASSIGN_AT_ONCE}, code="too_many"
        )
    for participant_id in unique:
        try:
            uuid.UUID(participant_id)
        except ValueError as error:
            raise ValidationError(_("A chosen participant was not found."), code="unknown") from error
        try:
            access = get_participant_for_user(actor, participant_id, what=COUNSELLOR)
        except (Http404, PermissionDenied) as error:
            raise ValidationError(_("A chosen participant was not found."), code="unknown") from error
        participant_assign_counsellor(actor=actor, access=access, counsellor=counsellor)
    return len(unique)
