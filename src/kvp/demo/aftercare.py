"""Demo after-care and caseload history (E16, E7): follow-ups for programmes that ended, most of the past
ones recorded (a few not reached and waiting for a new try, some due now), one counsellor above the
office's cap, and a year of monthly caseload counts.

The counsellors record the follow-ups through `aftercare_record` and the leader reassigns participants through
`participant_assign_counsellor`, with their checks and audit events. The caseload counts of past months are
what the monthly job would have stored then; they take the validated fast path (kvp.demo.inserts).
"""

from __future__ import annotations

import datetime
import random
from typing import TypeVar

from django.db.models import Count

from kvp.accounts.models import Office, User
from kvp.demo.generator import Staff
from kvp.demo.inserts import insert_validated
from kvp.participants.access import ParticipantAccess, check_participant_access
from kvp.participants.models import Participant
from kvp.participants.services import participant_assign_counsellor
from kvp.programme.aftercare import aftercare_record, aftercare_schedule_for_case
from kvp.programme.models import AftercareFollowUp, Case
from kvp.reports.models import CaseloadSnapshot
from kvp.rules import aftercare, caseload
from kvp.rules.aftercare import Benefit, Channel, Situation
from kvp.rules.case_status import CaseStatus
from kvp.rules.caseload import CaseloadRules
from kvp.rules.dates import month_of, months_back

# What people were doing when followed up, roughly as the AFI evaluation and E17 suggest: a minority in
# work, many on another benefit, some not reached.
SITUATIONS = [
    (Situation.WORK_FULL_TIME, 18),
    (Situation.WORK_PART_TIME, 12),
    (Situation.EDUCATION, 10),
    (Situation.OTHER_BENEFIT, 30),
    (Situation.OTHER, 8),
    (Situation.NOT_REACHED, 22),
]
BENEFITS = [(Benefit.SOSIALHJELP, 40), (Benefit.AAP, 30), (Benefit.DAGPENGER, 15), (Benefit.UFORETRYGD, 15)]
CHANNELS = [(Channel.PHONE, 70), (Channel.MESSAGE, 15), (Channel.IN_PERSON, 10), (Channel.VIDEO, 5)]
NOTES = {
    Situation.WORK_FULL_TIME: "Fast stilling, trives godt.",
    Situation.WORK_PART_TIME: "Deltidsstilling, ønsker flere timer.",
    Situation.EDUCATION: "Går på videregående for voksne.",
    Situation.OTHER_BENEFIT: "",
    Situation.OTHER: "Hjemme med barn.",
    Situation.NOT_REACHED: "Svarte ikke på telefon, sendt melding.",
}
KEPT_YEARS = 2  # after-care for programmes that ended in the last two years
OPEN_DAYS = 21  # follow-ups due in the last three weeks are left for the counsellor to do


T = TypeVar("T")


def _pick(rng: random.Random, weighted: list[tuple[T, int]]) -> T:
    return rng.choices([item for item, _ in weighted], weights=[weight for _, weight in weighted])[0]


def seed_aftercare(rng: random.Random, *, office: Office, staff: Staff, today: datetime.date) -> None:
    """After-care for the office's ended programmes, a counsellor above the cap, and caseload history."""
    since = today.replace(year=today.year - KEPT_YEARS)
    cases = Case.objects.filter(
        participant__office=office,
        status=CaseStatus.ENDED,
        ended_on__gte=since,
        ended_on__lte=today,
        starts_on__isnull=False,
        participant__counsellor__isnull=False,
        end_reason__in=sorted(reason.value for reason in aftercare.AFTERCARE_END_REASONS),
    ).select_related("participant__counsellor")
    for case in cases:
        aftercare_schedule_for_case(case)
        counsellor = case.participant.counsellor
        assert counsellor is not None  # noqa: S101 -- the query asks for it
        access = check_participant_access(counsellor, case.participant)
        for item in case.aftercare_followups.order_by("months"):
            if item.due_on <= today - datetime.timedelta(days=OPEN_DAYS):
                _record(rng, item, counsellor, access, today)
    _above_cap(office, staff)
    _history(rng, office, staff, today)


def _record(
    rng: random.Random, item: AftercareFollowUp, counsellor: User, access: ParticipantAccess, today: datetime.date
) -> None:
    """One or two attempts: a person not reached is tried again; a few are still waiting for the retry."""
    day = min(item.due_on + datetime.timedelta(days=rng.randint(0, 10)), today)
    for _attempt in range(2):
        situation = _pick(rng, SITUATIONS)
        aftercare_record(
            actor=counsellor,
            access=access,
            follow_up=item,
            contacted_on=day,
            channel=_pick(rng, CHANNELS),
            situation=situation,
            benefit=_pick(rng, BENEFITS) if situation is Situation.OTHER_BENEFIT else None,
            note=NOTES[situation],
            expected_version=item.version,
        )
        item.refresh_from_db()
        if item.status == AftercareFollowUp.Status.DONE or item.retry_on is None:
            return
        if item.retry_on > today or rng.random() < 0.3:
            return  # still open: to be tried again
        day = item.retry_on


def _above_cap(office: Office, staff: Staff) -> None:
    """The leader gives the second named counsellor (Z990102) more active participants than the cap (E7)."""
    cap = CaseloadRules().office_cap
    busy = next((user for user in staff.counsellors if user.username == "Z990102"), staff.counsellors[0])
    active = Participant.objects.filter(
        office=office, cases__status__in=sorted(s.value for s in caseload.ACTIVE_STATUSES), shielded=False
    ).distinct()
    have = active.filter(counsellor=busy).count()
    wanted = cap + 3
    if have >= wanted:
        return
    # Only people whose history names no counsellor yet (no plan, measure or meeting), so the history stays true.
    others = (
        active.exclude(counsellor=busy)
        .filter(user__isnull=True, plans__isnull=True, participations__isnull=True, meetings__isnull=True)
        .order_by("last_name", "pk")
    )
    for participant in others[: wanted - have]:
        access = check_participant_access(staff.leader, participant)
        participant_assign_counsellor(actor=staff.leader, access=access, counsellor=busy)


def _history(rng: random.Random, office: Office, staff: Staff, today: datetime.date) -> None:
    """A year of monthly counts, walking back from today's caseload by a participant or two a month."""
    now = dict(
        Participant.objects.filter(
            office=office, counsellor__isnull=False, cases__status__in=sorted(s.value for s in caseload.ACTIVE_STATUSES)
        )
        .values_list("counsellor")
        .annotate(count=Count("pk", distinct=True))
    )
    months = months_back(today, CaseloadRules().months_shown)
    rows = []
    for counsellor in staff.counsellors:
        count = now.get(counsellor.pk, 0)
        for month in reversed(months):
            rows.append(
                CaseloadSnapshot(
                    office=office, counsellor=counsellor, month=month, active_participants=count,
                    taken_on=min(today, month_of(month) + datetime.timedelta(days=27)),
                )
            )  # fmt: skip
            count = max(2, count + rng.choice((-2, -1, -1, 0, 0, 1, 1, 2)))
    insert_validated(CaseloadSnapshot, rows)
