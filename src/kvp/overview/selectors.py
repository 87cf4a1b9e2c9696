"""The overview's rows: one per participant, every column an annotated subquery, so a page costs the same
number of queries whatever the size of the office or the caseload."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import User
from kvp.dialog.models import Message, Thread, ThreadRead
from kvp.followup.models import Meeting
from kvp.overview.alerts import ShownAlert, alerts_by_participant
from kvp.overview.models import Alert, Category, Reminder
from kvp.participants.access import participants_visible_in_lists
from kvp.participants.models import Participant
from kvp.plans.models import Activity, Proposal
from kvp.programme.models import STATUS_LABELS, Case
from kvp.rules.case_status import CaseStatus
from kvp.rules.followup_alerts import (
    INTAKE,
    RUNNING,
    AlertRules,
    Phase,
    phase_bounds,
    programme_phase,
    programme_week,
)
from kvp.rules.practice_flags import FlagCode

NEVER = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)
PHASE_LABELS = {
    Phase.INTAKE: _("Intake"),
    Phase.START: _("Start"),
    Phase.MIDDLE: _("Under way"),
    Phase.ENDING: _("Ending"),
    Phase.ENDED: _("Ended"),
}
# Aksel's tag colours for the categories (blue, green, yellow, purple, lime, orange).
COLOUR_TAGS = {"a": "info", "b": "success", "c": "brand-beige", "d": "meta-purple", "e": "meta-lime", "f": "warning"}
# The participant page shows these live in their own panels (flags, motivation), so not again in its follow-up panel.
SHOWN_LIVE_ON_THE_PAGE = (*(code.value for code in FlagCode), "motivation_")


class Ready:
    """The ready-made filters (codes in the query string)."""

    NEW = "new"  # a new application: applied or assessed, not yet decided
    UNASSIGNED = "unassigned"
    WAITING = "waiting"  # a message or a proposal waits for the counsellor
    MEETING_TODAY = "meeting_today"
    OVERDUE_PROPOSAL = "overdue_proposal"
    NO_CONTACT = "no_contact"  # no meeting held or message for N days
    FLAGGED = "flagged"  # a stored alert
    ENDING_SOON = "ending_soon"  # the programme ends within the end warning days
    REMINDER_DUE = "reminder_due"  # a reminder due today or earlier

    ALL = (
        NEW,
        UNASSIGNED,
        WAITING,
        MEETING_TODAY,
        OVERDUE_PROPOSAL,
        NO_CONTACT,
        FLAGGED,
        ENDING_SOON,
        REMINDER_DUE,
    )


SORTS: dict[str, tuple[Any, ...]] = {
    "name": (F("last_name").asc(), F("first_name").asc()),
    "status": (F("case_status").asc(nulls_last=True), F("last_name").asc()),
    "week": (F("case_starts").asc(nulls_last=True), F("last_name").asc()),
    "end": (F("case_ends").asc(nulls_last=True), F("last_name").asc()),
    "meeting": (F("next_meeting_at").asc(nulls_last=True), F("last_name").asc()),
    "contact": (F("last_contact_at").asc(), F("last_name").asc()),
    "proposals": (F("open_proposals").desc(), F("last_name").asc()),
    "unread": (F("unread").desc(), F("last_name").asc()),
    "counsellor": (F("counsellor__last_name").asc(nulls_first=True), F("last_name").asc()),
}


@dataclass(frozen=True)
class OverviewQuery:
    """What the user asked for: ready-made filters (all must hold), field filters, and the sort."""

    ready: tuple[str, ...] = ()
    no_contact_days: int = 14
    statuses: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    language: str = ""
    interpreter: bool | None = None
    activity_type: str = ""
    counsellor_id: int | None = None
    colour: str = ""
    sort: str = "name"
    descending: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _count(queryset: QuerySet[Any], group: str) -> Coalesce:
    """A correlated COUNT(*) of `queryset` per `group` value, 0 when there are none."""
    counted = queryset.order_by().values(group).annotate(n=Count("*")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def overview_rows(
    *, user: User, query: OverviewQuery, today: datetime.date, rules: AlertRules
) -> QuerySet[Participant]:
    """The participants `user` may see listed, filtered and sorted, with the overview's columns annotated."""
    now = timezone.now()
    day_start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    day_end = day_start + datetime.timedelta(days=1)
    latest_case = Case.objects.filter(participant=OuterRef("pk")).order_by("-applied_on", "-created_at")
    next_meeting = Meeting.objects.filter(
        participant=OuterRef("pk"), status=Meeting.Status.PLANNED, starts_at__gte=now
    ).order_by("starts_at")
    last_held = Meeting.objects.filter(participant=OuterRef("pk"), status=Meeting.Status.HELD).order_by("-starts_at")
    last_message = Thread.objects.filter(participant=OuterRef("pk")).order_by("-last_message_at")
    open_proposals = Proposal.objects.filter(plan__participant=OuterRef("pk"), status=Proposal.Status.OPEN)
    # Messages from the participant that their counsellor has not read (for everyone who sees the row).
    counsellor_read = ThreadRead.objects.filter(thread=OuterRef("thread"), user=OuterRef(OuterRef("counsellor_id")))
    unread = (
        Message.objects.filter(thread__participant=OuterRef("pk"), author_id=OuterRef("user_id"))
        .annotate(read_at=Subquery(counsellor_read.values("read_at")[:1]))
        .filter(Q(read_at__isnull=True) | Q(sent_at__gt=F("read_at")))
    )
    rows: QuerySet[Any] = participants_visible_in_lists(user).annotate(
        case_status=Subquery(latest_case.values("status")[:1]),
        case_starts=Subquery(latest_case.values("starts_on")[:1]),
        case_ends=Subquery(latest_case.values("ends_on")[:1]),
        next_meeting_at=Subquery(next_meeting.values("starts_at")[:1]),
        last_held_at=Subquery(last_held.values("starts_at")[:1]),
        last_message_at=Subquery(last_message.values("last_message_at")[:1]),
        open_proposals=_count(open_proposals, "plan__participant"),
        unread=_count(unread, "thread__participant"),
        colour=Subquery(Category.objects.filter(participant=OuterRef("pk"), counsellor=user).values("colour")[:1]),
    )
    rows = rows.annotate(
        last_contact_at=Greatest(
            Coalesce("last_held_at", Value(NEVER), output_field=DateTimeField()),
            Coalesce("last_message_at", Value(NEVER), output_field=DateTimeField()),
        )
    )
    rows = _ready_filters(rows, query, today=today, day=(day_start, day_end), rules=rules)
    rows = _field_filters(rows, query, today=today, rules=rules)
    order = SORTS.get(query.sort, SORTS["name"])
    if query.descending:
        order = tuple(term.copy().reverse_ordering() if index == 0 else term for index, term in enumerate(order))
    return rows.order_by(*order, "pk")


def _ready_filters(
    rows: QuerySet[Any],
    query: OverviewQuery,
    *,
    today: datetime.date,
    day: tuple[datetime.datetime, datetime.datetime],
    rules: AlertRules,
) -> QuerySet[Participant]:
    ready = set(query.ready)
    if Ready.NEW in ready:
        rows = rows.filter(Q(case_status__in=[CaseStatus.APPLIED, CaseStatus.ASSESSED]))
    if Ready.UNASSIGNED in ready:
        rows = rows.filter(counsellor__isnull=True)
    if Ready.WAITING in ready:
        waiting = Thread.objects.filter(participant=OuterRef("pk"), waiting_for=Thread.Waiting.COUNSELLOR)
        rows = rows.filter(Q(Exists(waiting)) | Q(open_proposals__gt=0))
    if Ready.MEETING_TODAY in ready:
        rows = rows.filter(
            Exists(
                Meeting.objects.filter(
                    participant=OuterRef("pk"),
                    status=Meeting.Status.PLANNED,
                    starts_at__gte=day[0],
                    starts_at__lt=day[1],
                )
            )
        )
    if Ready.OVERDUE_PROPOSAL in ready:
        overdue = Proposal.objects.filter(
            plan__participant=OuterRef("pk"), status=Proposal.Status.OPEN, answer_due__lt=today
        )
        rows = rows.filter(Exists(overdue))
    if Ready.NO_CONTACT in ready:
        cutoff = timezone.make_aware(
            datetime.datetime.combine(today - datetime.timedelta(days=query.no_contact_days - 1), datetime.time.min)
        )
        rows = rows.filter(Q(last_contact_at__lt=cutoff))  # the last contact was N days ago or more (or never)
    if Ready.FLAGGED in ready:
        rows = rows.filter(Exists(Alert.objects.filter(participant=OuterRef("pk"))))
    if Ready.ENDING_SOON in ready:
        bounds = phase_bounds(today=today, rules=rules)
        rows = rows.filter(Q(case_status__in=sorted(RUNNING), case_ends__lte=bounds.ends_by))
    if Ready.REMINDER_DUE in ready:
        due = Reminder.objects.filter(participant=OuterRef("pk"), done_at__isnull=True, due__lte=today)
        rows = rows.filter(Exists(due))
    return rows


def _field_filters(
    rows: QuerySet[Any], query: OverviewQuery, *, today: datetime.date, rules: AlertRules
) -> QuerySet[Participant]:
    if query.statuses:
        rows = rows.filter(Q(case_status__in=list(query.statuses)))
    if query.phases:
        bounds = phase_bounds(today=today, rules=rules)
        running = Q(case_status__in=sorted(RUNNING))
        ending = running & Q(case_ends__lte=bounds.ends_by)
        start = running & ~ending & Q(case_starts__gt=bounds.started_after)
        conditions = {
            Phase.INTAKE: Q(case_status__in=sorted(INTAKE)),
            Phase.START: start,
            Phase.MIDDLE: running & ~ending & ~start,
            Phase.ENDING: ending,
            Phase.ENDED: Q(case_status__in=[CaseStatus.ENDED, CaseStatus.REFUSED]),
        }
        wanted = Q(pk__in=[])
        for phase in query.phases:
            wanted |= conditions[Phase(phase)]
        rows = rows.filter(wanted)
    if query.language:
        rows = rows.filter(preferred_language=query.language)
    if query.interpreter is not None:
        rows = rows.filter(needs_interpreter=query.interpreter)
    if query.activity_type:
        activities = Activity.objects.filter(
            plan__participant=OuterRef("pk"),
            measure_type=query.activity_type,
            status__in=[Activity.Status.PLANNED, Activity.Status.IN_PROGRESS],
        )
        rows = rows.filter(Exists(activities))
    if query.counsellor_id is not None:
        rows = rows.filter(counsellor_id=query.counsellor_id)
    if query.colour:
        rows = rows.filter(Q(colour=query.colour))
    return rows


def reminders_by_participant(participant_ids: list[Any]) -> dict[str, list[Reminder]]:
    """Open reminders of many participants, earliest due first, in one query."""
    found: dict[str, list[Reminder]] = {}
    for reminder in Reminder.objects.filter(participant_id__in=participant_ids, done_at__isnull=True).order_by(
        "due", "created_at"
    ):
        found.setdefault(str(reminder.participant_id), []).append(reminder)
    return found


@dataclass(frozen=True)
class OverviewRow:
    """One participant's line in the overview, every column ready to show."""

    participant: Participant
    status_label: str
    phase: str
    week: tuple[int, int] | None
    next_meeting_at: datetime.datetime | None
    last_contact: datetime.datetime | None
    open_proposals: int
    unread: int
    colour: str
    colour_label: str
    colour_tag: str
    alerts: list[ShownAlert]
    reminders: list[Reminder]


def overview_page_rows(
    *, participants: list[Participant], today: datetime.date, rules: AlertRules
) -> list[OverviewRow]:
    """The rows for one page of `overview_rows`, with the stored alerts and open reminders (two queries)."""
    ids = [participant.pk for participant in participants]
    colours = dict(Category.Colour.choices)
    alerts = alerts_by_participant(ids)
    reminders = reminders_by_participant(ids)
    rows = []
    for participant in participants:
        found: Any = participant  # annotated by overview_rows
        status = found.case_status
        phase = (
            programme_phase(
                status=CaseStatus(status), start=found.case_starts, end=found.case_ends, today=today, rules=rules
            )
            if status
            else None
        )
        rows.append(
            OverviewRow(
                participant=participant,
                status_label=str(STATUS_LABELS.get(status, "")) if status else "",
                phase=str(PHASE_LABELS[phase]) if phase else "",
                week=programme_week(start=found.case_starts, end=found.case_ends, today=today),
                next_meeting_at=found.next_meeting_at,
                last_contact=found.last_contact_at if found.last_contact_at and found.last_contact_at > NEVER else None,
                open_proposals=found.open_proposals,
                unread=found.unread,
                colour=found.colour or "",
                colour_label=str(colours.get(found.colour, "")),
                colour_tag=COLOUR_TAGS.get(found.colour, "neutral"),
                alerts=alerts.get(str(participant.pk), []),
                reminders=reminders.get(str(participant.pk), []),
            )
        )
    return rows


@dataclass(frozen=True)
class FollowUpPanel:
    """The overview's panel on the participant page: stored alerts not shown elsewhere on the page, open
    reminders, and the viewer's own colour category."""

    alerts: list[ShownAlert]
    reminders: list[Reminder]
    category: Category | None
    can_write: bool


def participant_follow_up(*, participant: Participant, user: User, can_write: bool) -> FollowUpPanel:
    """For a page that has checked access to `participant`."""
    return FollowUpPanel(
        alerts=[
            alert
            for alert in alerts_by_participant([participant.pk]).get(str(participant.pk), [])
            if not alert.kind.startswith(SHOWN_LIVE_ON_THE_PAGE)
        ],
        reminders=list(
            Reminder.objects.filter(participant=participant, done_at__isnull=True).select_related("created_by")
        ),
        category=Category.objects.filter(participant=participant, counsellor=user).first(),
        can_write=can_write,
    )
