"""Demo after-care and caseload history (E16, E7): follow-ups for programmes that ended, most of the past
ones recorded (a few not reached and waiting for a new try, some due now), one counsellor above the
office's cap, and a year of monthly caseload counts. Rows are inserted directly, as in seeding.py."""

from __future__ import annotations

import datetime
import random
from typing import TypeVar

from django.db.models import Count

from kvp.accounts.models import Office, User
from kvp.demo.generator import Staff
from kvp.participants.models import Participant
from kvp.programme.models import AftercareContact, AftercareFollowUp, Case
from kvp.reports.models import CaseloadSnapshot
from kvp.rules import aftercare, caseload
from kvp.rules.aftercare import AftercareRules, Benefit, Channel, Situation
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
    rules = AftercareRules()
    since = today.replace(year=today.year - KEPT_YEARS)
    cases = Case.objects.filter(
        participant__office=office,
        status=CaseStatus.ENDED,
        ended_on__gte=since,
        ended_on__lte=today,
        starts_on__isnull=False,
        end_reason__in=sorted(reason.value for reason in aftercare.AFTERCARE_END_REASONS),
    ).select_related("participant")
    follow_ups: list[AftercareFollowUp] = []
    contacts: list[AftercareContact] = []
    for case in cases:
        assert case.ended_on is not None  # noqa: S101 -- the query asks for it
        counsellor = case.participant.counsellor or staff.counsellors[0]
        for months, due_on in aftercare.due_dates(case.ended_on, rules):
            item = AftercareFollowUp(case=case, months=months, due_on=due_on)
            follow_ups.append(item)
            if due_on > today - datetime.timedelta(days=OPEN_DAYS):
                continue
            contacts += _record(rng, item, counsellor, today, rules)
    AftercareFollowUp.objects.bulk_create(follow_ups)
    AftercareContact.objects.bulk_create(contacts)
    _above_cap(rng, office, staff)
    _history(rng, office, staff, today)


def _record(
    rng: random.Random, item: AftercareFollowUp, counsellor: User, today: datetime.date, rules: AftercareRules
) -> list[AftercareContact]:
    """One or two attempts: a person not reached is tried again; a few are still waiting for the retry."""
    made = []
    day = min(item.due_on + datetime.timedelta(days=rng.randint(0, 10)), today)
    for attempt in range(2):
        situation = _pick(rng, SITUATIONS)
        made.append(
            AftercareContact(
                follow_up=item,
                contacted_on=day,
                channel=_pick(rng, CHANNELS),
                situation=situation,
                benefit=_pick(rng, BENEFITS) if situation is Situation.OTHER_BENEFIT else "",
                note=NOTES[situation],
                recorded_by=counsellor,
            )
        )
        item.attempts = attempt + 1
        item.situation = situation
        if aftercare.is_reached(situation):
            item.status = AftercareFollowUp.Status.DONE
            return made
        item.retry_on = aftercare.retry_on(day, rules)
        if item.retry_on > today or rng.random() < 0.3:
            return made  # still open: to be tried again
        day = item.retry_on
    return made


def _above_cap(rng: random.Random, office: Office, staff: Staff) -> None:
    """Give the second named counsellor (Z990102) more active participants than the cap (E7)."""
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
    others = list(
        active.exclude(counsellor=busy)
        .filter(user__isnull=True, plans__isnull=True, participations__isnull=True, meetings__isnull=True)
        .values_list("pk", flat=True)
    )
    rng.shuffle(others)
    Participant.objects.filter(pk__in=others[: wanted - have]).update(counsellor=busy)


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
    CaseloadSnapshot.objects.bulk_create(rows)
