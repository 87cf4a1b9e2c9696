"""`overview`: the counsellor's follow-up overview in a national-size database.

A counsellor with 40 participants in an office of 2,000, in a database of 100,000 participants (quick: 10,000)
in offices of 2,000, each office with a counsellor per 20 participants. Generated from fixed seeds with bulk
inserts, in its own database (`kvp_bench_overview`). Every participant has a case (95 % running, 5 % new
applications), a meeting held and one planned, a message thread; a quarter have a plan with an open proposal,
30 % a stored alert, 10 % a reminder. The counsellor's own participants have logins and wrote the last
message in their thread, so the unread count has rows to count.

Timed: the overview page (`overview`, first page, default sort) through the test client, alternating with the
baseline: the same page and template for a counsellor at the same office with no participants (the whole
stack, the same queries, no data). Median and p95 of each; the target is on the ratio of the medians. The
query count of the page must equal that of a counsellor with 5 participants (a constant number per page).
"""

from __future__ import annotations

import datetime
import gc
import random
import statistics
import time
import uuid
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from bench.barrier_office import Rows, _Ids, _person
from bench.measure import WARMUP, Page, query_count
from bench.pages import logged_in
from bench.report import Outcome, Row
from bench.scale import QUICK, TODAY, Scale
from bench.terminal import progress, status
from kvp.accounts.models import Office, User
from kvp.demo.generator import seeded
from kvp.demo.names import ORIGINS
from kvp.dialog.models import Message, Thread
from kvp.followup.models import Meeting
from kvp.overview.models import Alert, Reminder
from kvp.plans.models import Plan, Proposal
from kvp.programme.models import Case
from kvp.rules.case_status import CaseStatus

OFFICE_SIZE = 2_000
CASELOAD = 20
MINE = 40  # the measured counsellor's participants
SMALL = 5  # the query-count comparison's
TARGET = 3.0
PER_BATCH = 2_000


@dataclass
class OverviewRows(Rows):
    """Rows in foreign-key order: the barrier office's, then the follow-up's."""

    meetings: list[Meeting] = field(default_factory=list)
    threads: list[Thread] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    reminders: list[Reminder] = field(default_factory=list)


@dataclass(frozen=True)
class OverviewWorld:
    office: Office
    counsellor: User  # MINE participants
    small: User  # SMALL participants
    empty: User  # none: the baseline
    participants: int


def overview_benchmark(scale: Scale) -> Outcome:
    quick = scale is QUICK
    total = 10_000 if quick else 100_000
    started = time.perf_counter()
    world = build(total=total)
    status(f"Overview database: {world.participants:,} participants in {time.perf_counter() - started:.0f} s")
    path = reverse("overview")
    large = Page(logged_in(world.counsellor), path)
    baseline = Page(logged_in(world.empty), path)
    small = Page(logged_in(world.small), path)
    seconds = _timings(baseline, large, repeats=scale.repeats * 2)
    queries = query_count(small), query_count(large), query_count(baseline)
    return Outcome(
        name="overview",
        title="the counsellor's follow-up overview (overview), first page",
        baseline=f"the same page for a counsellor with no participants ({queries[2]} queries)",
        large=f"a counsellor with {MINE} participants, office of {OFFICE_SIZE:,}, database of {world.participants:,}",
        rows=[
            Row("median latency", "ms", seconds[0][0] * 1000, seconds[1][0] * 1000, target=TARGET),
            Row("p95 latency", "ms", seconds[0][1] * 1000, seconds[1][1] * 1000, target=TARGET * 1.5),
            Row(f"SQL queries ({SMALL} vs {MINE} rows)", "", queries[0], queries[1], equal=True),
        ],
    )


def _timings(baseline: Page, large: Page, *, repeats: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """(median, p95) of each page over alternating requests, after warm-up, each after a garbage collection."""
    for _ in range(WARMUP):
        baseline()
        large()
    times: tuple[list[float], list[float]] = ([], [])
    for index in range(repeats):
        for which, page in ((0, baseline), (1, large)) if index % 2 == 0 else ((1, large), (0, baseline)):
            gc.collect()
            start = time.perf_counter()
            page()
            times[which].append(time.perf_counter() - start)
    return tuple((statistics.median(t), statistics.quantiles(t, n=20)[-1]) for t in times)  # type: ignore[return-value]


def build(*, total: int) -> OverviewWorld:
    """The offices, their staff and participants; the first office holds the measured counsellors."""
    ids = _Ids(seeded(7, "overview-ids"))
    rng = seeded(7, "overview")
    password = make_password(None)
    used: set[str] = set()
    offices = total // OFFICE_SIZE
    bar = progress("Overview", total)
    with transaction.atomic():
        first: tuple[Office, User, User, User] | None = None
        for number in range(offices):
            unit = f"{9300 + number}"
            office = Office.objects.create(
                name=f"NAV Oversikt {unit}", unit_number=unit, municipality_number="3301", municipality_name="Drammen"
            )
            staff = [
                User(
                    username=f"{unit}-c{index:03d}", office=office, is_counsellor=True, password=password,
                    first_name="Veileder", last_name=f"{index:03d}",
                )
                for index in range(OFFICE_SIZE // CASELOAD + 2)
            ]  # fmt: skip
            User.objects.bulk_create(staff)
            mine, small, empty, others = staff[0], staff[1], staff[2], staff[3:]
            if first is None:
                first = (office, mine, small, empty)
            owners = [mine] * MINE + [small] * SMALL if number == 0 else []
            owners += [others[index % len(others)] for index in range(OFFICE_SIZE - len(owners))]
            _office_rows(rng, ids, office, owners, used, password, logins=number == 0, bar=bar)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    bar.finish()
    assert first is not None
    office, mine, small, empty = first
    return OverviewWorld(office=office, counsellor=mine, small=small, empty=empty, participants=offices * OFFICE_SIZE)


def _office_rows(
    rng: random.Random,
    ids: _Ids,
    office: Office,
    owners: list[User],
    used: set[str],
    password: str,
    *,
    logins: bool,
    bar: object,
) -> None:
    now = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(9)))
    rows = OverviewRows()
    for index, counsellor in enumerate(owners):
        person = _person(rng, ids, office, counsellor, used, rng.choice(ORIGINS))
        author = counsellor
        if logins and index < MINE:
            login = User.objects.create(username=f"{office.unit_number}-p{index:03d}", password=password)
            person.user = login
            author = login
        rows.participants.append(person)
        new = rng.random() < 0.05
        starts = TODAY - datetime.timedelta(days=rng.randrange(1, 700))
        rows.cases.append(
            Case(
                id=ids(), participant=person, status=CaseStatus.APPLIED if new else CaseStatus.ACTIVE,
                applied_on=starts - datetime.timedelta(days=40), received_by=counsellor,
                starts_on=None if new else starts, ends_on=None if new else starts + datetime.timedelta(days=729),
            )
        )  # fmt: skip
        rows.meetings += [
            Meeting(
                id=ids(), participant=person, starts_at=now - datetime.timedelta(days=rng.randrange(1, 60)),
                topic="Oppfølging", status=Meeting.Status.HELD, organiser=counsellor,
            ),
            Meeting(
                id=ids(), participant=person, starts_at=now + datetime.timedelta(days=rng.randrange(0, 30)),
                topic="Plan", organiser=counsellor,
            ),
        ]  # fmt: skip
        thread = Thread(
            id=ids(), participant=person, subject="Spørsmål", language="nb", created_by=author,
            waiting_for=Thread.Waiting.COUNSELLOR if rng.random() < 0.2 else Thread.Waiting.NOBODY,
            last_message_at=now - datetime.timedelta(days=rng.randrange(0, 90)),
        )  # fmt: skip
        rows.threads.append(thread)
        rows.messages.append(Message(id=ids(), thread=thread, author=author, text="Hei", language="nb"))
        if rng.random() < 0.25:
            plan = Plan(id=ids(), case=rows.cases[-1], participant=person)
            rows.plans.append(plan)
            rows.proposals.append(
                Proposal(
                    id=ids(), plan=plan, measure_type="education", text="Fagbrev", language="nb", submitted_by=author,
                    answer_due=TODAY + datetime.timedelta(days=rng.randrange(-10, 14)),
                )
            )  # fmt: skip
        if rng.random() < 0.3:
            rows.alerts.append(
                Alert(participant=person, kind="no_contact", since=TODAY, message="No contact", evidence="E7")
            )
        if rng.random() < 0.1:
            rows.reminders.append(
                Reminder(id=uuid.UUID(int=rng.getrandbits(128), version=4), participant=person, text="Ring",
                         due=TODAY, created_by=counsellor)
            )  # fmt: skip
        if len(rows.participants) == PER_BATCH:
            bar.advance(rows.write())  # type: ignore[attr-defined]
    bar.advance(rows.write())  # type: ignore[attr-defined]
