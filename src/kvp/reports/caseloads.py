"""Caseloads and follow-up intensity per counsellor (E7): the monthly snapshot the daily job takes, and
the numbers the caseload page shows. Only counts leave this module: no participant is named."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, DateTimeField, Max, Model, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from kvp.accounts.models import User
from kvp.dialog.models import Message
from kvp.followup.models import Meeting
from kvp.parameters.selectors import OfficeRef, rules_for
from kvp.participants.models import Participant
from kvp.reports.models import CaseloadSnapshot
from kvp.rules import caseload
from kvp.rules.caseload import CaseloadRules
from kvp.rules.dates import month_of, months_back


def caseload_rules(office: OfficeRef, *, on: datetime.date) -> CaseloadRules:
    return rules_for(office, on=on).caseload


def active_counts(office_id: int) -> dict[int, int]:
    """Active participants (in the programme) per counsellor at the office, now (E7)."""
    rows = (
        Participant.objects.filter(
            office_id=office_id,
            counsellor__isnull=False,
            cases__status__in=sorted(status.value for status in caseload.ACTIVE_STATUSES),
        )
        .values("counsellor_id")
        .annotate(count=Count("pk", distinct=True))
    )
    return {row["counsellor_id"]: row["count"] for row in rows}


def _counsellors(office_id: int) -> QuerySet[User]:
    return User.objects.filter(office_id=office_id, is_counsellor=True, is_active=True).order_by(
        "last_name", "first_name", "username"
    )


@transaction.atomic
def snapshot_caseloads(today: datetime.date) -> int:
    """The daily job: keep this month's caseload per counsellor up to date (one row per office, counsellor
    and month). Idempotent: a second run the same day writes nothing. Returns the rows created or changed."""
    if not isinstance(today, datetime.date) or isinstance(today, datetime.datetime):
        raise TypeError("today must be a date")
    month = month_of(today)
    counsellors = User.objects.filter(is_counsellor=True, is_active=True, office__isnull=False).order_by("pk")
    existing = {(row.office_id, row.counsellor_id): row for row in CaseloadSnapshot.objects.filter(month=month)}
    counts_by_office: dict[int, dict[int, int]] = {}
    written = 0
    for counsellor in counsellors:
        office_id = counsellor.office_id or 0  # never 0: the query asks for an office
        if office_id not in counts_by_office:
            counts_by_office[office_id] = active_counts(office_id)
        count = counts_by_office[office_id].get(counsellor.pk, 0)
        row = existing.get((office_id, counsellor.pk))
        if row is None:
            CaseloadSnapshot.objects.create(
                office_id=office_id, counsellor=counsellor, month=month, active_participants=count, taken_on=today
            )
            written += 1
        elif row.active_participants != count:
            row.active_participants = count
            row.taken_on = today
            row.save(update_fields=["active_participants", "taken_on"])
            written += 1
    return written


def _monthly(
    model: type[Model],
    *,
    who: str,
    when: str,
    office_path: str,
    office_id: int,
    since: datetime.date,
    **filters: object,
) -> dict[tuple[int, datetime.date], int]:
    start = datetime.datetime.combine(since, datetime.time(), tzinfo=timezone.get_current_timezone())
    rows = (
        model._default_manager.filter(**{office_path: office_id, f"{when}__gte": start, **filters})
        .annotate(month=TruncMonth(when, output_field=DateTimeField()))
        .values(who, "month")
        .annotate(count=Count("pk"))
    )
    found: dict[tuple[int, datetime.date], int] = defaultdict(int)
    for row in rows:
        month = row["month"]
        day = timezone.localtime(month).date() if isinstance(month, datetime.datetime) else month
        found[(row[who], month_of(day))] += row["count"]
    return found


def contacts_by_month(office_id: int, since: datetime.date) -> dict[tuple[int, datetime.date], int]:
    """Contacts per (counsellor, month) since `since` (E7): meetings they held and messages they wrote to
    participants at the office."""
    meetings = _monthly(
        Meeting, who="organiser_id", when="starts_at", office_path="participant__office_id", office_id=office_id,
        since=since, status=Meeting.Status.HELD,
    )  # fmt: skip
    messages = _monthly(
        Message, who="author_id", when="sent_at", office_path="thread__participant__office_id", office_id=office_id,
        since=since,
    )  # fmt: skip
    total: dict[tuple[int, datetime.date], int] = defaultdict(int)
    for source in (meetings, messages):
        for key, count in source.items():
            total[key] += count
    return total


@dataclass(frozen=True)
class MonthFigures:
    month: datetime.date
    active: int | None  # None: no count for that month
    contacts: int
    intensity: Decimal | None
    over_cap: bool


@dataclass(frozen=True)
class CounsellorCaseload:
    counsellor: User
    active: int
    over_cap: bool
    months: list[MonthFigures]

    @property
    def this_month(self) -> MonthFigures:
        return self.months[-1]

    @property
    def last_month(self) -> MonthFigures | None:
        return self.months[-2] if len(self.months) > 1 else None


@dataclass(frozen=True)
class OfficeCaseloads:
    months: list[datetime.date]
    rows: list[CounsellorCaseload]
    cap: int

    @property
    def over_cap(self) -> list[CounsellorCaseload]:
        return [row for row in self.rows if row.over_cap]


def office_caseloads(office_id: int, today: datetime.date, *, only: User | None = None) -> OfficeCaseloads:
    """Caseload and intensity per counsellor for the last months (E7); `only` limits it to one counsellor.
    Past months come from the snapshots, this month from the live count."""
    rules = caseload_rules(office_id, on=today)
    months = months_back(today, rules.months_shown)
    counsellors = list(_counsellors(office_id))
    if only is not None:
        counsellors = [user for user in counsellors if user.pk == only.pk]
    now = active_counts(office_id)
    history = {
        (row.counsellor_id, row.month): row.active_participants
        for row in CaseloadSnapshot.objects.filter(office_id=office_id, month__gte=months[0], month__lt=months[-1])
    }
    contacts = contacts_by_month(office_id, months[0])
    rows = []
    for counsellor in counsellors:
        figures = []
        for month in months:
            active = now.get(counsellor.pk, 0) if month == months[-1] else history.get((counsellor.pk, month))
            count = contacts.get((counsellor.pk, month), 0)
            figures.append(
                MonthFigures(
                    month=month,
                    active=active,
                    contacts=count,
                    intensity=caseload.intensity(count, active) if active is not None else None,
                    over_cap=active is not None and caseload.is_over_cap(active, rules),
                )
            )
        active_now = now.get(counsellor.pk, 0)
        rows.append(
            CounsellorCaseload(
                counsellor=counsellor,
                active=active_now,
                over_cap=caseload.is_over_cap(active_now, rules),
                months=figures,
            )
        )
    return OfficeCaseloads(months=months, rows=rows, cap=rules.office_cap)


def counsellors_over_cap(office_id: int) -> int:
    """How many of the office's counsellors followed more active participants than the cap at the daily job's
    last count (E7). The banner on every leader page reads this stored count, so a large office costs two small
    queries, not a count of all its participants."""
    rules = caseload_rules(office_id, on=timezone.localdate())
    latest = CaseloadSnapshot.objects.filter(office_id=office_id).aggregate(latest=Max("month"))["latest"]
    if latest is None:
        return 0
    counts = CaseloadSnapshot.objects.filter(
        office_id=office_id, month=latest, counsellor__is_active=True, counsellor__is_counsellor=True
    ).values_list("active_participants", flat=True)
    return sum(1 for count in counts if caseload.is_over_cap(count, rules))
