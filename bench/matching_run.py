"""Benchmark: a whole matching run of one office from the database, `kvp.matching.runs.run_match`.

The target is "the whole run (load from the database, solve, store proposals) under 5 s at this scale on
this 2-core machine": 10,000 participants, 3,000 offers with capacities 1-20 (about 12,000 places) and about
50 feasible offers per participant (`--quick`: 1,000 × 300). The office is generated from fixed seeds in its
own database (`kvp_bench_matching`):

- **Offers**: 3,000 offers starting inside the run's period, of every kind (the barrier office's lines:
  titles, Norwegian and digital levels), with a STYRK-08 occupation from the curated list, capacities 1-20
  (about 4 on average), and a formal qualification on about 30 %. Their hard prerequisites make feasibility
  selective: a few are open to everyone; every other one needs two completed measures of different types
  (`completed:<type>`, from fourteen types) and one more of `driving_licence`, `work_experience_years:N` or
  `active_placement`. A few "past" offers per type, ended before the period, are where the participants
  completed their measures, so those take no places in the run.
- **Participants**: every one has an active case and a mapping (CEFR levels per skill around a personal
  level, digital skills, a driving licence or not, one to three wanted occupations); many have work
  experience (with a STYRK-08 code and years), some a plan with a placement in progress; each has completed
  one to five measures of different types, and ranks 0-5 offers they can take (their wishes).

The generator knows what each participant holds, so it picks feasible wishes and expects about 50 feasible
offers per participant; the benchmark counts them again with the app's own `match_inputs` and
`build_problem` (the feasible pairs it scores), and reports that average.

Then it times `run_match(mode="optimal")` over the whole period, three times (the run's proposals and the run
deleted after each): the median of the whole call is judged against 5 s; the median of each part the run
records (`results["seconds"]`: load, solve, store) and the rest (building the problem: feasibility and fit
scores) are shown.

    .venv/bin/python -m bench matching_run [--quick]
"""

from __future__ import annotations

import datetime
import gc
import itertools
import random
import statistics
import time
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

from bench.barrier_office import (
    BASE_LEVEL,
    CEFR,
    DIGITAL,
    HOURS,
    LICENCE,
    LINE_WEIGHTS,
    OFFERS_PER_PROVIDER,
    Rows,
    Weighted,
    _Ids,
    _person,
    _providers,
    pick,
)
from bench.matching import AtMost, Info
from bench.report import Outcome, Row
from bench.scale import TODAY
from bench.terminal import progress, status
from kvp.accounts.models import Office, User
from kvp.catalogue.facts import DRIVING
from kvp.catalogue.models import Offer, Participation
from kvp.demo.generator import seeded
from kvp.demo.inserts import ROWS_PER_INSERT
from kvp.demo.names import ORIGINS
from kvp.matching.models import MAX_WISHES, MatchProposal, MatchRun, Preference
from kvp.matching.runs import match_inputs, run_match
from kvp.matching_engine import build_problem
from kvp.participants.models import Participant
from kvp.plans.models import Activity, Mapping, Plan, WorkExperience
from kvp.plans.models import Origin as ProposedBy
from kvp.programme.models import Case
from kvp.rules.case_status import CaseStatus
from kvp.rules.measures import MeasureType
from kvp.rules.occupations import OCCUPATIONS
from kvp.rules.prerequisites import Prerequisite, met
from kvp.rules.skills import NorwegianSkill

M = MeasureType
SEED = 6
BUDGET_SECONDS = 5.0  # the whole run
WANTED_FEASIBLE = 50  # feasible offers per participant, on average
RUNS = 3  # timed runs; the median is judged
PERIOD_START = TODAY + datetime.timedelta(days=14)
PERIOD_END = PERIOD_START + datetime.timedelta(days=90)
PARTICIPANTS_PER_BATCH = 2000

# Completed measures of these types are what most offers ask for (two different ones each).
GATES: tuple[MeasureType, ...] = tuple(kind for kind in MeasureType if kind not in {M.OTHER, M.PAID_WORK})
COMPLETED_TYPES: Weighted[int] = ((1, 15), (2, 25), (3, 30), (4, 20), (5, 10))  # per participant
OPEN_SHARE = 0.005  # offers with no hard prerequisite: anyone can take them
# The third prerequisite of the other offers; about a third of the participants meet each.
SECONDARY: Weighted[str] = (
    ("driving_licence", 3),
    ("work_experience_years:1", 2),
    ("work_experience_years:2", 2),
    ("work_experience_years:5", 1),
    ("active_placement", 2),
)
PAST_OFFERS_PER_GATE = 5  # ended before the period: where the completed participations were
CAPACITIES: Weighted[int] = tuple((places, round(1000 * 0.75**places)) for places in range(1, 21))  # mean ≈ 3.9
QUALIFYING_SHARE = 0.30
WORK_EXPERIENCE_SHARE = 0.55
PLACEMENT_SHARE = 0.25  # participants with a placement in progress in their plan
NO_EDUCATION_SHARE = 0.2
OCCUPATION_CODES = sorted(OCCUPATIONS)
YEARS = (Decimal("0.5"), Decimal(1), Decimal("1.5"), Decimal(2), Decimal(3), Decimal(4), Decimal(6), Decimal(10))


@dataclass(frozen=True)
class Size:
    participants: int
    offers: int


FULL = Size(10_000, 3_000)
QUICK = Size(1_000, 300)


@dataclass(frozen=True)
class MatchOffice:
    office: Office
    counsellor: User
    offers: int
    places: int
    participants: int
    expected_feasible: float  # the generator's own count, per participant
    wishes: int


@dataclass(frozen=True)
class _Catalogue:
    """What the generator keeps of the offers: enough to find the ones a participant can take."""

    open_offers: list[uuid.UUID]
    by_gates: dict[tuple[str, str], list[tuple[uuid.UUID, Prerequisite]]]  # sorted pair → (offer, third need)
    past: dict[str, list[uuid.UUID]]  # measure type → ended offers
    places: int

    def feasible(self, holds: frozenset[Prerequisite], completed: Sequence[str]) -> list[uuid.UUID]:
        found = list(self.open_offers)
        for pair in itertools.combinations(sorted(completed), 2):
            found += [offer for offer, need in self.by_gates.get(pair, ()) if met(holds, need)]
        return found


@dataclass
class _Rows(Rows):
    preferences: list[Preference] = field(default_factory=list)


def seed_match_office(size: Size, *, seed: int = SEED) -> MatchOffice:
    ids = _Ids(seeded(seed, "match-ids"))
    with transaction.atomic():
        office = Office.objects.create(
            name="NAV Matching", unit_number="0660", municipality_number="0301", municipality_name="Oslo"
        )
        password = make_password(None)
        leader = User.objects.create(
            username="match-leader",
            office=office,
            is_leader=True,
            first_name="Liv",
            last_name="Leder",
            password=password,
        )
        counsellor = User.objects.create(
            username="match-counsellor",
            office=office,
            is_counsellor=True,
            first_name="Vera",
            last_name="Veileder",
            password=password,
        )
        catalogue = _catalogue(seeded(seed, "match-catalogue"), ids, office, leader, size.offers)
        feasible, wishes = _programme(seeded(seed, "match-participants"), ids, office, counsellor, catalogue, size)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return MatchOffice(
        office=office,
        counsellor=counsellor,
        offers=size.offers,
        places=catalogue.places,
        participants=size.participants,
        expected_feasible=feasible / size.participants,
        wishes=wishes,
    )


def _in_period(rng: random.Random) -> list[str]:
    days = (PERIOD_END - PERIOD_START).days
    return sorted({(PERIOD_START + datetime.timedelta(days=rng.randrange(days + 1))).isoformat() for _ in range(2)})


def _catalogue(rng: random.Random, ids: _Ids, office: Office, leader: User, count: int) -> _Catalogue:
    past_count = PAST_OFFERS_PER_GATE * len(GATES)
    employers, trainers = _providers(rng, ids, office, max(2, (count + past_count) // OFFERS_PER_PROVIDER))
    open_offers: list[uuid.UUID] = []
    by_gates: dict[tuple[str, str], list[tuple[uuid.UUID, Prerequisite]]] = defaultdict(list)
    past: dict[str, list[uuid.UUID]] = defaultdict(list)
    places = 0
    rows: list[Offer] = []
    bar = progress("Offers", count + past_count)
    for number in range(count + past_count):
        line = pick(rng, LINE_WEIGHTS)
        current = number < count
        measure = line.measure if current else GATES[(number - count) % len(GATES)]
        prerequisites: list[str] = []
        gates: tuple[str, str] | None = None
        third = ""
        if current and rng.random() >= OPEN_SHARE:
            first, second = sorted(rng.sample([gate.value for gate in GATES], 2))
            gates, third = (first, second), pick(rng, SECONDARY)
            prerequisites = [f"completed:{first}", f"completed:{second}", third]
        capacity = pick(rng, CAPACITIES)
        qualifying = rng.random() < QUALIFYING_SHARE
        offer = Offer(
            id=ids(),
            provider=rng.choice(employers if line.employer else trainers),
            measure_type=measure.value,
            title=f"{rng.choice(line.titles) if current else measure.value} ({number + 1:05d})",
            content="Innhold i klart språk: hva du gjør, hvor og hvor lenge.",
            occupation_code=rng.choice(OCCUPATION_CODES),
            hours_per_week=rng.choice(HOURS),
            length_weeks=rng.choice(line.weeks),
            start_dates=_in_period(rng) if current else [(TODAY - datetime.timedelta(days=600)).isoformat()],
            capacity=capacity,
            cost_kroner=rng.randrange(0, 60_000, 500),
            formal_qualification=(line.qualification or "Kompetansebevis") if qualifying else "",
            norwegian_needed=pick(rng, line.norwegian),
            digital_needed=pick(rng, line.digital),
            prerequisites=prerequisites,
            gives=list(line.gives),
            mentor_available=line.employer and rng.random() < 0.6,
            works_alone=line.employer and rng.random() < 0.2,
            available_from=TODAY - datetime.timedelta(days=rng.randrange(0, 300) if current else 900),
            available_until=(
                (None if rng.random() < 0.7 else PERIOD_END + datetime.timedelta(days=rng.randrange(1, 400)))
                if current
                else TODAY - datetime.timedelta(days=200)
            ),
            updated_by=leader,
        )
        rows.append(offer)
        if not current:
            past[measure.value].append(offer.id)
        elif gates is not None:
            by_gates[gates].append((offer.id, Prerequisite.parse(third)))
            places += capacity
        else:
            open_offers.append(offer.id)
            places += capacity
        if len(rows) == ROWS_PER_INSERT:
            Offer.objects.bulk_create(rows)
            bar.advance(len(rows))
            rows.clear()
    Offer.objects.bulk_create(rows)
    bar.advance(len(rows))
    bar.finish()
    return _Catalogue(open_offers, dict(by_gates), dict(past), places)


def _programme(
    rng: random.Random, ids: _Ids, office: Office, counsellor: User, catalogue: _Catalogue, size: Size
) -> tuple[int, int]:
    """Participants with everything the run reads; returns the feasible pairs and the wishes generated."""
    used: set[str] = set()
    origins = [(origin, origin.weight) for origin in ORIGINS]
    rows = _Rows()
    feasible_pairs = wish_count = 0
    bar = progress("Participants", size.participants)
    for _number in range(size.participants):
        person = _person(rng, ids, office, counsellor, used, pick(rng, origins))
        rows.participants.append(person)
        applied = TODAY - datetime.timedelta(days=rng.randrange(60, 300))
        starts = applied + datetime.timedelta(days=45)
        case = Case(
            id=ids(),
            participant=person,
            status=CaseStatus.ACTIVE,
            applied_on=applied,
            received_by=counsellor,
            decided_on=applied + datetime.timedelta(days=30),
            starts_on=starts,
            ends_on=starts + datetime.timedelta(days=365),
        )
        rows.cases.append(case)
        mapping = _mapping(rng, ids, person)
        rows.mappings.append(mapping)
        holds: set[Prerequisite] = set()
        if mapping.driving_licence in DRIVING:
            holds.add(Prerequisite.parse("driving_licence"))
        if rng.random() < WORK_EXPERIENCE_SHARE:
            experience = [
                WorkExperience(
                    id=ids(),
                    mapping=mapping,
                    occupation=OCCUPATIONS[code][:120],
                    occupation_code=code,
                    years=rng.choice(YEARS),
                    added_by=counsellor,
                )
                for code in rng.sample(OCCUPATION_CODES, rng.randint(1, 2))
            ]
            rows.experience += experience
            most = max(row.years for row in experience)
            if most >= 1:
                holds.add(Prerequisite.parse(f"work_experience_years:{int(most)}"))
        if rng.random() < PLACEMENT_SHARE:
            plan = Plan(id=ids(), case=case, participant=person, version=1)
            rows.plans.append(plan)
            kind = rng.choice((M.WORK_PRACTICE, M.WAGE_SUBSIDY))
            rows.activities.append(
                Activity(
                    id=ids(),
                    plan=plan,
                    measure_type=kind.value,
                    title=kind.value.replace("_", " ").capitalize(),
                    hours_per_week=rng.choice(HOURS),
                    starts_on=TODAY - datetime.timedelta(days=rng.randrange(10, 60)),
                    ends_on=TODAY + datetime.timedelta(days=rng.randrange(30, 180)),
                    status=Activity.Status.IN_PROGRESS,
                    origin=ProposedBy.COUNSELLOR,
                )
            )
            holds.add(Prerequisite.parse("active_placement"))
        completed = rng.sample([gate.value for gate in GATES], pick(rng, COMPLETED_TYPES))
        for kind_value in completed:
            ended = TODAY - datetime.timedelta(days=rng.randrange(220, 500))
            rows.participations.append(
                Participation(
                    id=ids(),
                    participant=person,
                    offer_id=rng.choice(catalogue.past[kind_value]),
                    status=Participation.Status.COMPLETED,
                    reason=Participation.Reason.QUALIFIED,
                    starts_on=ended - datetime.timedelta(days=rng.randrange(30, 200)),
                    ends_on=ended,
                    created_by=counsellor,
                )
            )
            holds.add(Prerequisite.parse(f"completed:{kind_value}"))
        feasible = catalogue.feasible(frozenset(holds), completed)
        feasible_pairs += len(feasible)
        wished = rng.sample(feasible, min(len(feasible), rng.randint(0, MAX_WISHES)))
        wish_count += len(wished)
        rows.preferences += [
            Preference(id=ids(), participant=person, offer_id=offer_id, rank=rank, recorded_by=counsellor)
            for rank, offer_id in enumerate(wished, start=1)
        ]
        if len(rows.participants) == PARTICIPANTS_PER_BATCH:
            bar.advance(rows.write())
    bar.advance(rows.write())
    bar.finish()
    return feasible_pairs, wish_count


def _mapping(rng: random.Random, ids: _Ids, person: Participant) -> Mapping:
    base = pick(rng, BASE_LEVEL)
    levels = {
        f"norwegian_{skill.value}": CEFR[min(max(base + rng.choice((-1, 0, 0, 1)), 0), len(CEFR) - 1)].value
        for skill in NorwegianSkill
    }
    return Mapping(
        id=ids(),
        participant=person,
        digital_skills=pick(rng, DIGITAL),
        driving_licence=pick(rng, LICENCE),
        wanted_occupations=rng.sample(OCCUPATION_CODES, rng.randint(1, 3)),
        no_education=rng.random() < NO_EDUCATION_SHARE,
        version=1,
        **levels,
    )


def feasible_per_participant(office: Office) -> float:
    """The average number of offers each participant can take, counted by the app's own code."""
    inputs = match_inputs(office, PERIOD_START, PERIOD_END)
    problem = build_problem(inputs.participants, inputs.offers, exclude=inputs.taken)
    return problem.arc_count / max(1, len(inputs.participants))


@dataclass(frozen=True)
class Timed:
    whole: float
    parts: dict[str, float]
    results: dict[str, Any]


def timed_run(office: Office, actor: User) -> Timed:
    """One `run_match` over the period; its proposals and the run are deleted afterwards."""
    gc.collect()
    started = time.perf_counter()
    run = run_match(actor=actor, office=office, mode="optimal", period_start=PERIOD_START, period_end=PERIOD_END)
    whole = time.perf_counter() - started
    results = dict(run.results)
    parts = {name: float(value) for name, value in results["seconds"].items()}
    MatchProposal.objects.filter(run=run).delete()
    MatchRun.objects.filter(pk=run.pk).delete()
    return Timed(whole, parts, results)


def matching_run_benchmark(*, quick: bool = False) -> Outcome:
    size = QUICK if quick else FULL
    status(f"Matching run: generating an office of {size.participants:,} participants × {size.offers:,} offers")
    started = time.perf_counter()
    seeded_office = seed_match_office(size)
    status(
        f"  {seeded_office.places:,} places, {seeded_office.wishes:,} wishes, about "
        f"{seeded_office.expected_feasible:.1f} feasible offers each; in {time.perf_counter() - started:.0f} s"
    )
    feasible = feasible_per_participant(seeded_office.office)
    status(f"Matching run: {RUNS} timed runs of run_match (optimal)")
    runs = [timed_run(seeded_office.office, seeded_office.counsellor) for _ in range(RUNS)]
    whole = statistics.median(run.whole for run in runs)
    parts = {name: statistics.median(run.parts.get(name, 0.0) for run in runs) for name in ("load", "solve", "store")}
    rest = statistics.median(run.whole - sum(run.parts.values()) for run in runs)
    last = runs[-1].results
    rows: list[Row] = [
        AtMost("whole run_match ÷ 5 s", "s", BUDGET_SECONDS, whole, target=1.0),
        Info("  load (match_inputs) ÷ 5 s", "s", BUDGET_SECONDS, parts["load"]),
        Info("  build (feasibility, fit) ÷ 5 s", "s", BUDGET_SECONDS, rest),
        Info("  solve (min-cost flow) ÷ 5 s", "s", BUDGET_SECONDS, parts["solve"]),
        Info("  store (fit, proposals) ÷ 5 s", "s", BUDGET_SECONDS, parts["store"]),
        Info("feasible offers per participant ÷ 50", "", WANTED_FEASIBLE, round(feasible, 1)),
    ]
    return Outcome(
        name="matching_run",
        title="a whole matching run from the database (load, solve, store proposals) within 5 s",
        baseline="the 5 s budget; feasible offers: the 50 asked for",
        large=(
            f"run_match of an office with {size.participants:,} participants × {size.offers:,} offers, "
            f"{seeded_office.places:,} places; median of {RUNS} runs"
        ),
        rows=rows,
        notes=(
            f"whole runs: {', '.join(f'{run.whole:.2f} s' for run in runs)}; last run: {last['pairs']:,} proposals "
            f"for {last['assigned']:,} participants, top-3 wish share {last['top3_share']:.0%}, "
            f"{last['unfilled']:,} places unfilled, solver {last['solver']}, proven optimal {last['proven_optimal']}",
        ),
    )
