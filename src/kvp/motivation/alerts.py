"""Motivation alerts for many participants at once (the overview, the daily job, the participant page).

The rule is kvp.rules.motivation.motivation_alerts; this module reads its inputs for a set of participants in
a constant number of queries: their answered check-ins, and the events that may explain a change — a declined
proposal in the plan, a placement ended without a job, a change of counsellor.
"""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext

from kvp.audit.models import AuditEvent
from kvp.catalogue.models import Participation
from kvp.motivation.models import CheckIn
from kvp.parameters.selectors import read_once, rules_everywhere, rules_for
from kvp.participants.audit_types import COUNSELLOR
from kvp.plans.models import Proposal
from kvp.rules.followup_alerts import AlertFact, json_param
from kvp.rules.measures import MEASURE_LABELS, MeasureType
from kvp.rules.motivation import LifeEvent, MotivationAlert, ScoredCheckin, motivation_alerts
from kvp.rules.texts import N_

# Event kinds, shown with these labels (kvp.motivation.templatetags translates them).
PROPOSAL_DECLINED = "proposal_declined"
PLACEMENT_ENDED = "placement_ended"
COUNSELLOR_CHANGED = "counsellor_changed"


def scores_of(checkin: CheckIn) -> dict[str, Decimal]:
    scores: dict[str, Decimal] = {}
    for need, value in (checkin.scores or {}).items():
        try:
            scores[str(need)] = Decimal(str(value))
        except InvalidOperation:
            continue
    return scores


@read_once()
def motivation_alerts_for(
    participant_ids: Collection[uuid.UUID], today: datetime.date
) -> dict[uuid.UUID, list[MotivationAlert]]:
    """Each participant's motivation alerts as of `today` (participants without any are left out), with the
    events that may explain them, by the rules in force today at each one's office. Five queries whatever the
    number of participants; the caller has checked that the reader may see these participants."""
    if not participant_ids:
        return {}
    ids = list(participant_ids)
    # What to read is the most any office's rules look at; each participant's own office's rules decide.
    variants = [rules.motivation for rules in rules_everywhere(on=today)]
    window_start = today - datetime.timedelta(days=max(rules.alert_days for rules in variants))
    # Only participants with a check-in recent enough to raise an alert matter; their history comes with it.
    recent = CheckIn.objects.filter(
        participant_id__in=ids, answered_at__isnull=False, answered_at__date__gte=window_start
    ).values("participant_id")
    needed = max(max(rules.drop_baseline_checkins, rules.low_checkins) for rules in variants) + 1
    histories: dict[uuid.UUID, list[ScoredCheckin]] = defaultdict(list)
    first_seen: dict[uuid.UUID, datetime.date] = {}
    offices: dict[uuid.UUID, int] = {}
    for checkin in (
        CheckIn.objects.filter(participant_id__in=recent, answered_at__isnull=False)
        .select_related("participant")
        .only("participant_id", "participant__office_id", "answered_at", "scores")
        .order_by("participant_id", "-answered_at")
    ):
        offices[checkin.participant_id] = checkin.participant.office_id
        history = histories[checkin.participant_id]
        if len(history) >= needed:
            continue
        if checkin.answered_at is None:
            continue
        answered_at = timezone.localtime(checkin.answered_at)
        on = answered_at.date()
        history.append(ScoredCheckin(answered_on=on, scores=scores_of(checkin), answered_at=answered_at.time()))
        first_seen[checkin.participant_id] = on
    if not histories:
        return {}
    # Events from the earliest day any alert could look back to.
    since = min(first_seen.values()) - datetime.timedelta(days=max(rules.explain_days for rules in variants))
    events = _events(list(histories), since, today)
    found: dict[uuid.UUID, list[MotivationAlert]] = {}
    for participant_id, history in histories.items():
        rules = rules_for(offices[participant_id], on=today).motivation
        alerts = motivation_alerts(history, today=today, events=events.get(participant_id, ()), rules=rules)
        if alerts:
            found[participant_id] = alerts
    return found


# How the overview lists an event beside a motivation alert: an N_ text and its values, translated when shown.
EVENT_ITEMS = {
    PROPOSAL_DECLINED: N_("%(date)s: proposal declined – %(title)s"),
    PLACEMENT_ENDED: N_("%(date)s: placement ended without a job – %(title)s"),
    COUNSELLOR_CHANGED: N_("%(date)s: new counsellor"),
}


def motivation_alert_facts(participant_ids: Sequence[str], today: datetime.date) -> dict[str, list[AlertFact]]:
    """The motivation alerts as stored alerts of the overview (an ALERT_SOURCES entry): one per need and kind,
    with the events that may explain it as its items, latest first."""
    found = motivation_alerts_for([uuid.UUID(str(pk)) for pk in participant_ids], today)
    return {
        str(participant_id): [
            AlertFact(
                kind=f"motivation_{alert.kind}:{alert.need}",
                since=alert.checkin_on,
                message=alert.message,
                evidence=alert.evidence,
                params={name: json_param(value) for name, value in alert.params.items()},
                labels=dict(alert.labels),
                items=tuple(
                    (EVENT_ITEMS[event.kind], {"date": event.on.strftime("%d.%m.%Y"), "title": event.title})
                    for event in alert.events
                ),
            )
            for alert in alerts
        ]
        for participant_id, alerts in found.items()
    }


def _events(ids: list[uuid.UUID], since: datetime.date, today: datetime.date) -> dict[uuid.UUID, list[LifeEvent]]:
    """What happened to these participants from `since` to `today` that may explain a change: three queries."""
    events: dict[uuid.UUID, list[LifeEvent]] = defaultdict(list)
    for participant_id, answered_at, measure_type, offer_title in Proposal.objects.filter(
        plan__participant_id__in=ids,
        status=Proposal.Status.DECLINED,
        answered_at__isnull=False,
        answered_at__date__gte=since,
        answered_at__date__lte=today,
    ).values_list("plan__participant_id", "answered_at", "measure_type", "offer__title"):
        events[participant_id].append(
            LifeEvent(
                on=timezone.localdate(answered_at), kind=PROPOSAL_DECLINED, title=offer_title or _label(measure_type)
            )
        )
    for participant_id, ends_on, title in Participation.objects.filter(
        participant_id__in=ids, status=Participation.Status.ENDED, hired=False, ends_on__gte=since, ends_on__lte=today
    ).values_list("participant_id", "ends_on", "offer__title"):
        if ends_on is not None:
            events[participant_id].append(LifeEvent(on=ends_on, kind=PLACEMENT_ENDED, title=title))
    for participant_id, at in AuditEvent.objects.filter(
        participant_id__in=ids,
        object_type=COUNSELLOR,
        action=AuditEvent.Action.UPDATE,
        at__date__gte=since,
        at__date__lte=today,
    ).values_list("participant_id", "at"):
        events[participant_id].append(LifeEvent(on=timezone.localdate(at), kind=COUNSELLOR_CHANGED, title=""))
    return events


def _label(measure_type: str) -> str:
    try:
        return gettext(MEASURE_LABELS[MeasureType(measure_type)])
    except (KeyError, ValueError):
        return measure_type
