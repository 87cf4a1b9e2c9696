"""Writes for check-ins: scheduling (the daily job), the participant's answer, an optional check-in."""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.catalogue.models import Participation
from kvp.motivation.audit_types import CHECKIN
from kvp.motivation.instruments import default_instrument, instrument_for, instrument_for_office
from kvp.motivation.models import CheckIn
from kvp.motivation.models import Instrument as InstrumentRow
from kvp.motivation.signals import checkin_answered
from kvp.parameters.selectors import read_once, rules_for
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.programme.models import Case
from kvp.rules.case_status import CaseStatus
from kvp.rules.motivation import (
    Instrument,
    Placement,
    answer_problems,
    checkins_due,
    load_instrument,
    score_answers,
)

OPEN_ANSWER_MAX = 2000
RUNNING = (CaseStatus.ACTIVE, CaseStatus.EXTENDED)


def _office_instruments() -> dict[int, Instrument]:
    """Each office's instrument for new check-ins (offices without one use ours): one query."""
    chosen: dict[int, str] = {}
    for office_id, definition in (
        InstrumentRow.objects.filter(office__isnull=False)
        .order_by("loaded_at", "pk")
        .values_list("office_id", "definition")
    ):
        chosen[office_id] = definition  # the latest loaded wins
    return {office_id: load_instrument(definition) for office_id, definition in chosen.items()}


@read_once()
def schedule_due_checkins(today: datetime.date) -> int:
    """Schedule the check-ins due by `today` for everyone in a running programme (monthly, and two weeks into
    each new placement; kvp.rules.motivation.checkins_due). Idempotent: a second run the same day adds
    nothing. Returns the number scheduled. A constant number of queries, whatever the number of people; each
    office's rules in force today."""
    running: dict[uuid.UUID, tuple[datetime.date, int]] = {}
    for participant_id, starts_on, office_id in Case.objects.filter(
        status__in=RUNNING, starts_on__isnull=False, starts_on__lte=today
    ).values_list("participant_id", "starts_on", "participant__office_id"):
        earlier = running.get(participant_id)
        if starts_on is not None and (earlier is None or starts_on > earlier[0]):
            running[participant_id] = (starts_on, office_id)
    if not running:
        return 0
    rules_at = {office_id: rules_for(office_id, on=today).motivation for _start, office_id in running.values()}
    latest: dict[uuid.UUID, datetime.date] = {}
    for participant_id, due_on, answered_at in (
        CheckIn.objects.filter(participant__in=_running_cases(today))
        .order_by()
        .values("participant_id")
        .annotate(due=Max("due_on"), answered=Max("answered_at"))
        .values_list("participant_id", "due", "answered")
    ):
        dates = [due_on] + ([timezone.localdate(answered_at)] if answered_at is not None else [])
        latest[participant_id] = max(dates)
    oldest_relevant = today - datetime.timedelta(
        days=max(rules.placement_days + rules.interval_days for rules in rules_at.values())
    )
    placements: dict[uuid.UUID, list[Placement]] = defaultdict(list)
    for participation_id, participant_id, starts_on in Participation.objects.filter(
        participant__in=_running_cases(today),
        status=Participation.Status.PARTICIPATING,
        starts_on__isnull=False,
        starts_on__gte=oldest_relevant,
    ).values_list("pk", "participant_id", "starts_on"):
        if starts_on is not None:
            placements[participant_id].append(Placement(id=str(participation_id), starts_on=starts_on))
    asked = {
        str(participation_id)
        for participation_id in CheckIn.objects.filter(
            reason=CheckIn.Reason.PLACEMENT, participation__starts_on__gte=oldest_relevant
        ).values_list("participation_id", flat=True)
    }
    instruments = _office_instruments()
    ours = default_instrument()
    created: list[CheckIn] = []
    for participant_id, (programme_start, office_id) in running.items():
        instrument = instruments.get(office_id, ours)
        for due in checkins_due(
            today=today,
            programme_start=programme_start,
            latest_checkin=latest.get(participant_id),
            placements=placements.get(participant_id, []),
            placements_with_checkin=frozenset(asked),
            rules=rules_at[office_id],
        ):
            created.append(
                CheckIn(
                    participant_id=participant_id,
                    instrument_key=instrument.key,
                    instrument_version=instrument.version,
                    reason=due.reason.value,
                    participation_id=uuid.UUID(due.placement_id) if due.placement_id else None,
                    due_on=due.due_on,
                )
            )
    # The unique constraints keep a run that overlaps another from adding the same check-in twice.
    CheckIn.objects.bulk_create(created, batch_size=1000, ignore_conflicts=True)
    return len(created)


def _running_cases(today: datetime.date) -> QuerySet[Case, Any]:
    """Participants in a running programme, as a subquery."""
    return Case.objects.filter(status__in=RUNNING, starts_on__isnull=False, starts_on__lte=today).values(
        "participant_id"
    )


def open_checkin(participant_id: uuid.UUID, today: datetime.date) -> CheckIn | None:
    """The participant's newest check-in waiting for an answer (older unanswered ones are simply skipped)."""
    return (
        CheckIn.objects.filter(participant_id=participant_id, answered_at__isnull=True, due_on__lte=today)
        .order_by("-due_on", "-created_at")
        .first()
    )


@transaction.atomic
def checkin_start_optional(*, actor: User, access: ParticipantAccess, today: datetime.date) -> CheckIn:
    """The participant answers a check-in when they want to: the one waiting, or a new optional one."""
    if not access.is_self:
        raise ValidationError(_("Only the participant answers their check-ins."), code="not_self")
    waiting = open_checkin(access.participant.pk, today)
    if waiting is not None:
        return waiting
    instrument = instrument_for_office(access.participant.office_id)
    checkin = CheckIn.objects.create(
        participant=access.participant,
        instrument_key=instrument.key,
        instrument_version=instrument.version,
        reason=CheckIn.Reason.OPTIONAL,
        due_on=today,
    )
    audit_access(actor, access, action=AuditEvent.Action.CREATE, what=CHECKIN, object_id=str(checkin.pk))
    return checkin


@transaction.atomic
def checkin_answer(
    *,
    actor: User,
    access: ParticipantAccess,
    checkin_id: uuid.UUID,
    language: str,
    answers: Mapping[str, int],
    open_answers: Mapping[str, str],
) -> CheckIn:
    """The participant's answers: every scale item answered on its scale, open questions optional. Scores per
    need are kept with the answers (kvp.rules.motivation.score_answers). A check-in is answered once."""
    if not access.is_self:
        raise ValidationError(_("Only the participant answers their check-ins."), code="not_self")
    checkin = CheckIn.objects.select_for_update().filter(pk=checkin_id, participant=access.participant).first()
    if checkin is None:
        raise ValidationError(_("This check-in was not found."), code="not_found")
    if checkin.is_answered:
        raise ValidationError(_("This check-in is already answered."), code="answered")
    instrument = instrument_for(checkin.instrument_key, checkin.instrument_version)
    if language not in instrument.languages:
        raise ValidationError(_("Choose one of the check-in's languages."), code="language")
    missing = answer_problems(instrument, answers)
    if missing:
        raise ValidationError(dict.fromkeys(missing, instrument.ui["missing"][language]), code="missing")
    texts = {item.key: open_answers.get(item.key, "").strip() for item in instrument.open_items}
    too_long = [key for key, text in texts.items() if len(text) > OPEN_ANSWER_MAX]
    if too_long:
        raise ValidationError(
            {key: _("Write at most %(count)s characters.") % {"count": OPEN_ANSWER_MAX} for key in too_long},
            code="too_long",
        )
    checkin.answers = {item.key: answers[item.key] for item in instrument.scale_items}
    checkin.open_answers = {key: text for key, text in texts.items() if text}
    checkin.scores = {need.value: str(score) for need, score in score_answers(instrument, answers).items()}
    checkin.language = language
    checkin.answered_at = timezone.now()
    checkin.answered_by = actor
    checkin.save(update_fields=["answers", "open_answers", "scores", "language", "answered_at", "answered_by"])
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=CHECKIN, object_id=str(checkin.pk))
    # The counsellor sees a drop at once, not after the night's refresh (E7: close follow-up).
    checkin_answered.send(sender=CheckIn, participant_id=str(access.participant.pk))
    return checkin
