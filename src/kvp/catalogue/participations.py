"""Participation in offers: registered by the counsellor, followed to its end, with reasons that feed
the reports and the barrier check (E4, E6)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.catalogue.audit_types import PARTICIPATION
from kvp.catalogue.models import Offer, Participation, ProviderChange
from kvp.catalogue.services import parse_prerequisites
from kvp.common.versioning import lock_version
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.plans.models import Activity, Plan
from kvp.plans.selectors import current_case
from kvp.plans.services import activity_add, activity_update
from kvp.rules.participation import ParticipationStatus, transition_problem

STATUS_LABELS = dict(Participation.Status.choices)


def _require_counsellor(access: ParticipantAccess) -> None:
    access.require_write()


def _audit(actor: User, access: ParticipantAccess, participation: Participation, action: AuditEvent.Action) -> None:
    audit_access(actor, access, action=action, what=PARTICIPATION, object_id=str(participation.pk))


@transaction.atomic
def participation_register(
    *, actor: User, access: ParticipantAccess, offer: Offer, starts_on: datetime.date | None = None
) -> Participation:
    """The counsellor applies for a place on the participant's behalf."""
    _require_counsellor(access)
    if offer.provider.office_id != access.participant.office_id:
        raise ValidationError(_("The offer belongs to another office's catalogue."), code="wrong_office")
    if Participation.objects.filter(
        participant=access.participant, offer=offer, status__in=Participation.OPEN
    ).exists():
        raise ValidationError(_("The participant already has an open application or place in this offer."))
    participation = Participation(participant=access.participant, offer=offer, starts_on=starts_on, created_by=actor)
    participation.full_clean()
    participation.save()
    _audit(actor, access, participation, AuditEvent.Action.CREATE)
    return participation


def _free_places(offer: Offer) -> int:
    taken = offer.participations.filter(status=Participation.Status.PARTICIPATING).count()
    return offer.capacity - taken


def _add_to_plan(actor: User, access: ParticipantAccess, participation: Participation) -> Activity | None:
    """A place that starts becomes an activity in the plan, if the programme is running."""
    case = current_case(access.participant)
    if case is None or not case.is_open or participation.activity_id:
        return None
    offer = participation.offer
    plan = Plan.objects.filter(case=case).first()
    starts_on = participation.starts_on or timezone.localdate()
    ends_on = participation.ends_on or starts_on + datetime.timedelta(weeks=offer.length_weeks)
    if case.ends_on:
        ends_on = min(ends_on, case.ends_on)
    return activity_add(
        actor=actor,
        access=access,
        case=case,
        seen_version=plan.version if plan else 0,
        measure_type=offer.measure_type,
        title=offer.title,
        provider=offer.provider.name,
        offer=offer,
        hours_per_week=offer.hours_per_week,
        starts_on=starts_on,
        ends_on=max(ends_on, starts_on),
        formal_qualification=offer.formal_qualification,
        norwegian_needed=offer.norwegian_needed,
        digital_needed=offer.digital_needed,
        works_alone=offer.works_alone,
    )


@transaction.atomic
def participation_update(
    *,
    actor: User,
    access: ParticipantAccess,
    participation: Participation,
    seen_version: int,
    status: str,
    reason: str = "",
    refused_for: str = "",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    hired: bool = False,
    qualification_gained: bool = False,
    work_contact: bool = False,
    employer_feedback: str = "",
) -> Participation:
    """Move a participation on. A refusal for a missing prerequisite names it, so the barrier check can
    count which rules block people (E6). Starting needs a free place."""
    _require_counsellor(access)
    participation = lock_version(
        Participation.objects.select_related("offer__provider"),
        seen_version=seen_version,
        submitted={"status": status, "reason": reason},
        pk=participation.pk,
    )
    current, target = ParticipationStatus(participation.status), ParticipationStatus(status)
    problem = transition_problem(current, target, reason=reason)
    if problem:
        raise ValidationError(
            _(problem) % {"current": STATUS_LABELS[current], "target": STATUS_LABELS[target]}, code="transition"
        )
    if target is ParticipationStatus.REFUSED and reason == Participation.Reason.PREREQUISITE_MISSING:
        if not refused_for:
            raise ValidationError({"refused_for": _("Say which prerequisite was not met.")})
        refused_for = parse_prerequisites([refused_for], "refused_for")[0]
    if target is ParticipationStatus.PARTICIPATING and _free_places(participation.offer) <= 0:
        raise ValidationError(_("There is no free place. Put the participant on the waiting list instead."))
    participation.status, participation.reason, participation.refused_for = target.value, reason, refused_for
    participation.starts_on = starts_on or participation.starts_on
    participation.ends_on = ends_on or participation.ends_on
    participation.hired, participation.qualification_gained = hired, qualification_gained
    participation.work_contact = work_contact or participation.work_contact
    participation.employer_feedback = employer_feedback.strip() or participation.employer_feedback
    if target is ParticipationStatus.PARTICIPATING and participation.starts_on is None:
        participation.starts_on = timezone.localdate()
    if target in {ParticipationStatus.ENDED, ParticipationStatus.COMPLETED} and participation.ends_on is None:
        participation.ends_on = timezone.localdate()
    participation.full_clean()
    if target is ParticipationStatus.PARTICIPATING:
        participation.activity = _add_to_plan(actor, access, participation) or participation.activity
    participation.save()
    _audit(actor, access, participation, AuditEvent.Action.UPDATE)
    return participation


@transaction.atomic
def provider_change_register(
    *, actor: User, access: ParticipantAccess, participation: Participation, fields: dict[str, Any]
) -> ProviderChange:
    """Record what the provider asks for; nothing changes until the counsellor decides."""
    _require_counsellor(access)
    if participation.participant_id != access.participant.pk or participation.status not in Participation.OPEN:
        raise ValidationError(_("Changes can only be asked for an open participation."))
    change = ProviderChange(participation=participation, registered_by=actor, **fields)
    if change.kind == ProviderChange.Kind.DATES and not (change.starts_on or change.ends_on):
        raise ValidationError({"ends_on": _("Give the new start or end date.")})
    if change.kind == ProviderChange.Kind.HOURS and not change.hours_per_week:
        raise ValidationError({"hours_per_week": _("Give the new hours per week.")})
    if change.kind == ProviderChange.Kind.END and not change.end_reason:
        raise ValidationError({"end_reason": _("Give the reason the provider wants to end it.")})
    change.full_clean()
    change.save()
    _audit(actor, access, participation, AuditEvent.Action.UPDATE)
    return change


@transaction.atomic
def provider_change_decide(
    *, actor: User, access: ParticipantAccess, change: ProviderChange, approve: bool, note: str
) -> ProviderChange:
    """Approve (the change is applied to the participation and its plan activity) or reject, with a note."""
    _require_counsellor(access)
    change = ProviderChange.objects.select_for_update().select_related("participation").get(pk=change.pk)
    if change.status != ProviderChange.Status.PROPOSED:
        raise ValidationError(_("This change has already been decided."), code="decided")
    if not approve and not note.strip():
        raise ValidationError({"note": _("Say why you reject the change: the provider and participant are told.")})
    participation = change.participation
    if approve:
        _apply(actor, access, change, participation)
    change.status = ProviderChange.Status.APPROVED if approve else ProviderChange.Status.REJECTED
    change.decided_by, change.decided_at, change.decision_note = actor, timezone.now(), note.strip()
    change.save()
    _audit(actor, access, participation, AuditEvent.Action.UPDATE)
    return change


def _apply(actor: User, access: ParticipantAccess, change: ProviderChange, participation: Participation) -> None:
    if change.kind == ProviderChange.Kind.END:
        participation_update(
            actor=actor,
            access=access,
            participation=participation,
            seen_version=participation.version,
            status=Participation.Status.ENDED,
            reason=change.end_reason,
            ends_on=timezone.localdate(),
        )
        return
    participation = lock_version(Participation.objects, seen_version=None, pk=participation.pk)
    activity_fields: dict[str, Any] = {}
    if change.kind == ProviderChange.Kind.DATES:
        participation.starts_on = change.starts_on or participation.starts_on
        participation.ends_on = change.ends_on or participation.ends_on
        activity_fields = {"starts_on": participation.starts_on, "ends_on": participation.ends_on}
    elif change.hours_per_week is not None:
        activity_fields = {"hours_per_week": Decimal(change.hours_per_week)}
    participation.full_clean()
    participation.save()
    activity = participation.activity
    if activity is not None and not activity.is_frozen:
        plan = activity.plan
        activity_update(
            actor=actor,
            access=access,
            activity=activity,
            seen_version=plan.version,
            **{k: v for k, v in activity_fields.items() if v is not None},
        )
