"""Reads for the check-in pages: a participant's answered check-ins, shown as a chart, a table and answers."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.motivation.alerts import (
    COUNSELLOR_CHANGED,
    PLACEMENT_ENDED,
    PROPOSAL_DECLINED,
    motivation_alerts_for,
    scores_of,
)
from kvp.motivation.audit_types import CHECKIN
from kvp.motivation.charts import scores_chart
from kvp.motivation.instruments import instrument_for
from kvp.motivation.models import CheckIn
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.rules.motivation import NEED_LABELS, Instrument, MotivationAlert, Need


@dataclass(frozen=True)
class ScoreRow:
    checkin: CheckIn
    on: datetime.date
    scores: list[Decimal | None]  # in `needs` order


@dataclass(frozen=True)
class History:
    needs: list[Need]
    need_labels: list[str]
    rows: list[ScoreRow]  # oldest first
    chart: str  # SVG, or "" with fewer than two check-ins
    latest_help: CheckIn | None  # the latest check-in with an answer to an open question
    latest_help_texts: list[tuple[str, str]]  # (question, answer)
    waiting: CheckIn | None


def answered_checkins(participant_id: uuid.UUID, limit: int | None = None) -> list[CheckIn]:
    """Answered check-ins, oldest first (the latest `limit` if given)."""
    checkins = CheckIn.objects.filter(participant_id=participant_id, answered_at__isnull=False).order_by("-answered_at")
    return list(reversed(checkins[:limit] if limit else checkins))


def staff_language(instrument: Instrument) -> str:
    """Questions are shown to staff in their page language when the instrument has a checked wording in it."""
    return instrument.reviewed_language_for((get_language() or "nb").split("-")[0])


def history_for(participant_id: uuid.UUID, today: datetime.date, limit: int | None = None) -> History:
    checkins = answered_checkins(participant_id, limit)
    present = {need for checkin in checkins for need in (checkin.scores or {})}
    needs = [need for need in Need if need.value in present]
    rows = []
    for checkin in checkins:
        if checkin.answered_at is None:
            continue
        scores = scores_of(checkin)
        rows.append(
            ScoreRow(
                checkin=checkin,
                on=timezone.localdate(checkin.answered_at),
                scores=[scores.get(need.value) for need in needs],
            )
        )
    labels = [_(NEED_LABELS[need]) for need in needs]
    chart = ""
    if len(rows) >= 2:
        chart = scores_chart(
            dates=[row.on.strftime("%d.%m.%y") for row in rows],
            series=[(label, [_as_float(row.scores[index]) for row in rows]) for index, label in enumerate(labels)],
            low=1,
            high=5,
        )
    latest_help = next((checkin for checkin in reversed(checkins) if checkin.open_answers), None)
    help_texts: list[tuple[str, str]] = []
    if latest_help is not None:
        help_texts = _open_texts(latest_help)
    waiting = (
        CheckIn.objects.filter(participant_id=participant_id, answered_at__isnull=True, due_on__lte=today)
        .order_by("-due_on")
        .first()
    )
    return History(
        needs=needs,
        need_labels=labels,
        rows=rows,
        chart=chart,
        latest_help=latest_help,
        latest_help_texts=help_texts,
        waiting=waiting,
    )


def _as_float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _open_texts(checkin: CheckIn) -> list[tuple[str, str]]:
    try:
        instrument = instrument_for(checkin.instrument_key, checkin.instrument_version)
    except LookupError:
        return [(key, text) for key, text in checkin.open_answers.items()]
    language = staff_language(instrument)
    questions = {item.key: item.text[language] for item in instrument.open_items}
    return [(questions.get(key, key), text) for key, text in checkin.open_answers.items()]


def answered_in_draft(checkin: CheckIn) -> bool:
    """Whether the participant answered in a translation no qualified translator has checked."""
    try:
        instrument = instrument_for(checkin.instrument_key, checkin.instrument_version)
    except LookupError:
        return False
    return bool(checkin.language) and instrument.needs_review(checkin.language)


def answer_rows(checkin: CheckIn) -> list[dict[str, Any]]:
    """Each question with the answer given, for the staff's history page."""
    try:
        instrument = instrument_for(checkin.instrument_key, checkin.instrument_version)
    except LookupError:
        return [{"question": key, "answer": value} for key, value in checkin.answers.items()]
    language = staff_language(instrument)
    rows: list[dict[str, Any]] = []
    for item in instrument.items:
        if item.scale is None:
            text = checkin.open_answers.get(item.key, "")
            rows.append({"question": item.text[language], "answer": text, "open": True})
            continue
        value = checkin.answers.get(item.key)
        point = next((p for p in instrument.scales[item.scale].points if p.value == value), None)
        answer = f"{value} – {point.text[language]}" if point else "—"
        rows.append({"question": item.text[language], "answer": answer, "need": item.need, "open": False})
    return rows


EVENT_LABELS = {
    PROPOSAL_DECLINED: gettext_lazy("Proposal declined"),
    PLACEMENT_ENDED: gettext_lazy("Placement ended without a job"),
    COUNSELLOR_CHANGED: gettext_lazy("New counsellor"),
}
PANEL_CHECKINS = 12  # the participant page's chart shows about the last year


@dataclass(frozen=True)
class LifeEventRow:
    on: datetime.date
    label: str
    title: str


@dataclass(frozen=True)
class ShownMotivationAlert:
    """A motivation alert in the reader's language, with what happened before it."""

    alert: MotivationAlert
    text: str
    events: list[LifeEventRow]


def alert_text(alert: MotivationAlert) -> str:
    """The alert's message in the reader's language, numbers formatted for them."""
    params: dict[str, Any] = {
        name: number_format(value, 1) if isinstance(value, Decimal) else value for name, value in alert.params.items()
    }
    params |= {name: _(label) for name, label in alert.labels.items()}
    return _(alert.message) % params


def motivation_alerts_shown(*, participant_id: uuid.UUID, today: datetime.date) -> list[ShownMotivationAlert]:
    """The participant's motivation alerts as of `today`, ready to show."""
    return [
        ShownMotivationAlert(
            alert=alert,
            text=alert_text(alert),
            events=[
                LifeEventRow(on=event.on, label=str(EVENT_LABELS.get(event.kind, event.kind)), title=event.title)
                for event in alert.events
            ],
        )
        for alert in motivation_alerts_for([participant_id], today).get(participant_id, [])
    ]


@dataclass(frozen=True)
class MotivationPanel:
    history: History
    alerts: list[ShownMotivationAlert]


def checkin_panel(*, user: User, access: ParticipantAccess, today: datetime.date) -> MotivationPanel:
    """The participant page's panel: the latest check-ins and the alerts. Showing answers is logged as a read of
    the check-ins on the basis `access` gives."""
    participant_id = access.participant.pk
    history = history_for(participant_id, today, limit=PANEL_CHECKINS)
    if not history.rows:
        return MotivationPanel(history=history, alerts=[])
    audit_access(user, access, action=AuditEvent.Action.VIEW, what=CHECKIN)
    return MotivationPanel(history=history, alerts=motivation_alerts_shown(participant_id=participant_id, today=today))
