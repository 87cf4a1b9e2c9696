"""Stored alerts: the rules' findings for every participant with an open case, refreshed by `kvp daily`.

An alert source is a callable `(participant_ids, today) -> {participant_id: [AlertFact, ...]}` reading
what it needs in a constant number of queries for the batch. `ALERT_SOURCES` lists them; another rule's
alerts (e.g. motivation check-ins) plug in with one line there. The refresh is idempotent: a row changes
only when its finding does, and `since` is kept while the condition lasts.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kvp.catalogue.barrier_scan import current_offers
from kvp.catalogue.facts import episodes_by_participant, holds_by_participant, offer_node
from kvp.dialog.models import Thread
from kvp.followup.models import Meeting
from kvp.motivation.alerts import motivation_alert_facts
from kvp.overview.models import Alert
from kvp.parameters.selectors import OfficeRef, read_once, rules_for
from kvp.participants.models import Participant
from kvp.plans.models import Activity
from kvp.plans.selectors import shown_value
from kvp.programme.models import Absence, Case, Decision
from kvp.rules import absence as absence_rules
from kvp.rules.barriers import BarrierIndex, ParticipantHolds
from kvp.rules.case_status import OPEN_STATUSES
from kvp.rules.followup_alerts import (
    AlertFact,
    AlertRules,
    PlannedActivity,
    UnexcusedAbsence,
    deduction_pending,
    end_without_transition,
    json_param,
    no_contact,
)
from kvp.rules.measures import MeasureType
from kvp.rules.practice_flags import practice_flags
from kvp.rules.texts import N_

AlertSource = Callable[[Sequence[str], datetime.date], dict[str, list[AlertFact]]]
BATCH = 1000
OPEN = sorted(status.value for status in OPEN_STATUSES)


def alert_rules(office: OfficeRef, *, on: datetime.date) -> AlertRules:
    return rules_for(office, on=on).alerts


def _offices_of(participant_ids: Sequence[str]) -> dict[str, int]:
    return {
        str(participant_id): office_id
        for participant_id, office_id in Participant.objects.filter(pk__in=list(participant_ids)).values_list(
            "pk", "office_id"
        )
    }


def _local_date(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment is not None else None


@read_once()
def followup_alerts_for(participant_ids: Sequence[str], today: datetime.date) -> dict[str, list[AlertFact]]:
    """No contact (E7), programme end without a transition plan (E16), deduction pending (S4; fvl. § 16),
    for the participants' open cases, in six queries, by the rules in force today at each one's office."""
    cases = {
        str(row["participant_id"]): row
        for row in Case.objects.filter(participant_id__in=participant_ids, status__in=OPEN).values(
            "id", "participant_id", "participant__office_id", "applied_on", "ends_on"
        )
    }
    office_of_case = {str(row["id"]): row["participant__office_id"] for row in cases.values()}
    contact: dict[str, datetime.date] = {}
    held = (
        Meeting.objects.filter(participant_id__in=participant_ids, status=Meeting.Status.HELD)
        .values("participant_id")
        .annotate(last=Max("starts_at"))
    )
    written = (
        Thread.objects.filter(participant_id__in=participant_ids)
        .values("participant_id")
        .annotate(last=Max("last_message_at"))
    )
    for row in [*held, *written]:
        day = _local_date(row["last"])
        key = str(row["participant_id"])
        if day is not None and day <= today:
            contact[key] = max(contact.get(key, day), day)
    case_ids = [row["id"] for row in cases.values()]
    activities: dict[str, list[PlannedActivity]] = defaultdict(list)
    for case_id, kind, ends_on in Activity.objects.filter(
        plan__case_id__in=case_ids, status__in=[Activity.Status.PLANNED, Activity.Status.IN_PROGRESS]
    ).values_list("plan__case_id", "measure_type", "ends_on"):
        activities[str(case_id)].append(PlannedActivity(MeasureType(kind), ends_on))
    reserved: dict[str, bool] = {}
    for grant_case_id, reserve in (
        Decision.objects.filter(case_id__in=case_ids, kind=Decision.Kind.GRANT, status=Decision.Status.APPROVED)
        .order_by("made_at")
        .values_list("case_id", "reserve_deduction")
    ):
        reserved[str(grant_case_id)] = reserve  # the latest grant wins, as deductions_reserved
    unexcused: dict[str, list[UnexcusedAbsence]] = defaultdict(list)
    for item in Absence.objects.filter(case_id__in=case_ids, deduction_decided_on__isnull=True):
        if reserved.get(str(item.case_id), False):
            continue  # the grant reserved deductions: no decision of its own is needed
        assessment = absence_rules.assess_absence(
            absence_rules.Absence(
                item.starts_on,
                item.ends_on,
                absence_rules.AbsenceKind(item.kind),
                absence_rules.Documentation(item.documentation),
            ),
            rules_for(office_of_case[str(item.case_id)], on=item.starts_on).absence,
        )
        unexcused[str(item.case_id)].append(
            UnexcusedAbsence(
                registered_on=timezone.localdate(item.registered_at),
                unexcused_days=len(assessment.unexcused_days),
                answered=item.responded_at is not None,
            )
        )
    found: dict[str, list[AlertFact]] = {key: [] for key in participant_ids}
    for key, case in cases.items():
        case_key = str(case["id"])
        in_force = rules_for(case["participant__office_id"], on=today)
        rules = in_force.alerts
        facts = [
            no_contact(last_contact=contact.get(key), case_opened=case["applied_on"], today=today, rules=rules),
            end_without_transition(
                programme_end=case["ends_on"], activities=activities[case_key], today=today, rules=rules
            ),
            deduction_pending(unexcused[case_key], today=today, parameters=in_force.absence),
        ]
        found[key] = [fact for fact in facts if fact is not None]
    return found


@read_once()
def practice_alerts_for(participant_ids: Sequence[str], today: datetime.date) -> dict[str, list[AlertFact]]:
    """The practice-loop, lock-in and no-work-contact flags (E4, E9, E11) as alerts, in three queries."""
    offices = _offices_of(participant_ids)
    found: dict[str, list[AlertFact]] = {}
    for key, episodes in episodes_by_participant(participant_ids).items():
        rules = rules_for(offices.get(key), on=today).flags
        found[key] = [
            AlertFact(
                kind=str(flag.code),
                since=today,
                message=flag.message,
                evidence=flag.evidence,
                params={name: json_param(value) for name, value in flag.params.items()},
                labels=flag.labels,
                items=flag.episodes,
            )
            for flag in practice_flags(episodes, today=today, rules=rules)
        ]
    return found


def barrier_alerts_for(participant_ids: Sequence[str], today: datetime.date) -> dict[str, list[AlertFact]]:
    """Participants caught in a catch-22 of their office's catalogue (E5): they hold none of its prerequisites
    and cannot get one, so its offers are out of reach. The catalogue is read once per office in the batch; the
    cycle's rules are stored as the office's language writes them."""
    offices: dict[int, list[str]] = defaultdict(list)
    for participant_id, office_id in Participant.objects.filter(pk__in=list(participant_ids)).values_list(
        "pk", "office_id"
    ):
        offices[office_id].append(str(participant_id))
    found: dict[str, list[AlertFact]] = {}
    for office_id, ids in offices.items():
        holds = holds_by_participant(Participant.objects.filter(pk__in=ids))
        index = BarrierIndex([offer_node(offer) for offer in current_offers(office_id)])
        result = index.scan(ParticipantHolds(key, holds[key]) for key in sorted(holds))
        for report in result.barriers:
            with translation.override(settings.LANGUAGE_CODE):
                rules = tuple(dict.fromkeys(rule.render(translation.gettext) for rule in report.catch22.rules))
            for key in report.participants:
                found.setdefault(key, []).append(
                    AlertFact(
                        kind=f"catch22:{report.catch22.code}",
                        since=today,
                        message=N_("Caught in a catch-22: the offers below need each other, so none is in reach."),
                        evidence="E5",
                        items=rules,
                    )
                )
    return found


# The sources the daily refresh asks, in order. Add another rule's alerts here with one line.
ALERT_SOURCES: list[AlertSource] = [
    followup_alerts_for,
    practice_alerts_for,
    barrier_alerts_for,
    motivation_alert_facts,
]


@dataclass
class RefreshResult:
    participants: int = 0
    created: int = 0
    updated: int = 0
    removed: int = 0


def _stored(fact: AlertFact) -> dict[str, Any]:
    return {
        "since": fact.since,
        "message": fact.message,
        "evidence": fact.evidence,
        "params": {
            "params": dict(fact.params),
            "labels": dict(fact.labels),
            "items": [item if isinstance(item, str) else list(item) for item in fact.items],  # as JSON gives back
        },
    }


def participants_to_refresh() -> list[str]:
    """Everyone with an open case, oldest registration first (a stable order for the progress count)."""
    ids = Case.objects.filter(status__in=OPEN).values_list("participant_id", flat=True).order_by("participant_id")
    return [str(pk) for pk in ids]


def alerts_refresh(
    *,
    today: datetime.date,
    participant_ids: Iterable[str] | None = None,
    sources: Sequence[AlertSource] | None = None,
    kinds: str = "",
    on_progress: Callable[[int], None] = lambda count: None,
) -> RefreshResult:
    """Bring the stored alerts up to date: for each participant with an open case (or only `participant_ids`),
    each source's findings; alerts of participants without an open case are removed. Running it again the
    same day changes nothing. With `kinds` (a prefix, e.g. "motivation_"), only stored alerts of those kinds
    are replaced, so a few `sources` can refresh their own alerts alone. `on_progress` gets the number of
    participants done after each batch."""
    sources = list(ALERT_SOURCES if sources is None else sources)
    everyone = participant_ids is None
    ids = participants_to_refresh() if participant_ids is None else [str(pk) for pk in participant_ids]
    result = RefreshResult(participants=len(ids))
    now = timezone.now()
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        with transaction.atomic():
            _refresh_batch(batch, today, sources, now, result, kinds)
        on_progress(len(batch))
    if everyone:
        open_cases = Case.objects.filter(status__in=OPEN).values("participant_id")
        result.removed += Alert.objects.exclude(participant_id__in=open_cases).delete()[0]
    return result


def _refresh_batch(
    batch: list[str],
    today: datetime.date,
    sources: list[AlertSource],
    now: datetime.datetime,
    result: RefreshResult,
    kinds: str,
) -> None:
    wanted: dict[tuple[str, str], AlertFact] = {}
    for source in sources:
        for key, facts in source(batch, today).items():
            for fact in facts:
                wanted.setdefault((key, fact.kind), fact)  # the first source to report a kind wins
    stored = {
        (str(alert.participant_id), alert.kind): alert
        for alert in Alert.objects.filter(participant_id__in=batch, kind__startswith=kinds)
    }
    create: list[Alert] = []
    update: list[Alert] = []
    for (key, kind), fact in wanted.items():
        values = _stored(fact)
        alert = stored.get((key, kind))
        if alert is None:
            create.append(Alert(participant_id=key, kind=kind, refreshed_at=now, **values))
            continue
        values["since"] = alert.since  # the condition goes on: it began when first seen
        if any(getattr(alert, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(alert, name, value)
            alert.refreshed_at = now
            update.append(alert)
    gone = [alert.pk for pair, alert in stored.items() if pair not in wanted]
    Alert.objects.bulk_create(create, batch_size=BATCH)
    Alert.objects.bulk_update(update, ["since", "message", "evidence", "params", "refreshed_at"], batch_size=BATCH)
    Alert.objects.filter(pk__in=gone).delete()
    result.created += len(create)
    result.updated += len(update)
    result.removed += len(gone)


# Short names of the alert kinds for tags; another source adds its kinds here (unknown kinds show "Alert").
ALERT_LABELS: dict[str, Any] = {
    "no_contact": gettext_lazy("No contact"),
    "end_without_transition": gettext_lazy("Ends without a transition plan"),
    "deduction_pending": gettext_lazy("Deduction pending"),
    "practice_loop": gettext_lazy("Practice loop"),
    "lock_in": gettext_lazy("Lock-in in courses"),
    "no_work_contact": gettext_lazy("Course without working life"),
    "catch22": gettext_lazy("Catch-22"),
    "motivation_drop": gettext_lazy("Motivation dropped"),
    "motivation_low": gettext_lazy("Motivation low"),
}


@dataclass(frozen=True)
class ShownAlert:
    kind: str
    label: str
    text: str
    evidence: str
    since: datetime.date
    items: tuple[str, ...]


def shown_alert(alert: Alert) -> ShownAlert:
    """The alert in the reader's language: the message translated and filled in with its values."""
    stored = alert.params or {}
    params = {name: shown_value(value) for name, value in stored.get("params", {}).items()}
    labels = {name: _(label) for name, label in stored.get("labels", {}).items()}
    try:
        text = _(alert.message) % (params | labels)
    except (KeyError, TypeError, ValueError):
        text = _(alert.message)  # a message whose values changed since it was stored: shown without them
    family = alert.kind.split(":", 1)[0]  # e.g. "motivation_drop:autonomy"
    label = str(ALERT_LABELS.get(alert.kind) or ALERT_LABELS.get(family, gettext_lazy("Alert")))
    return ShownAlert(alert.kind, label, text, alert.evidence, alert.since, _items(stored.get("items", ())))


def _items(stored: Sequence[Any]) -> tuple[str, ...]:
    """Plain titles as they are; an [N_ text, values] pair translated and filled in."""
    shown = []
    for item in stored:
        if isinstance(item, str):
            shown.append(item)
            continue
        message, values = item
        try:
            shown.append(_(message) % values)
        except (KeyError, TypeError, ValueError):
            shown.append(_(message))
    return tuple(shown)


def alerts_by_participant(participant_ids: Sequence[object]) -> dict[str, list[ShownAlert]]:
    """The stored alerts of many participants, in one query."""
    found: dict[str, list[ShownAlert]] = defaultdict(list)
    for alert in Alert.objects.filter(participant_id__in=list(participant_ids)):
        found[str(alert.participant_id)].append(shown_alert(alert))
    return found


def motivation_alerts_refresh(sender: object, *, participant_id: str, **kwargs: Any) -> None:
    """A check-in was answered: refresh only that participant's motivation alerts, not the other sources."""
    alerts_refresh(
        today=timezone.localdate(),
        participant_ids=[participant_id],
        sources=[motivation_alert_facts],
        kinds="motivation_",
    )
