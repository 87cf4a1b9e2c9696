"""The office the barrier benchmark scans: a large catalogue and a large programme, generated from fixed seeds.

The catalogue mixes the measure types of a real office: work practices and wage subsidies at employers
(which give an ongoing placement), labour-market courses (some asking for a job guarantee or approved
funding), Norwegian courses in steps from A1 to C1, vocational Norwegian alongside a placement, the
trade-certificate experience route (five years in the trade), driving and digital-skills courses, education,
and the low-threshold measures. Most offers ask for Norwegian at A2 or B1. One catch-22 is built in, as the
issue asks: every Norwegian C1 course is online and needs advanced digital skills, and every course giving
advanced digital skills needs Norwegian C1. A few per cent more offers have expired, so the scan's filter on
current offers has something to leave out.

Every participant in the programme has one open case and a mapping (CEFR levels per skill around a personal
level, digital skills, a driving licence or not); many have work experience, some have taken part in offers
(participating, completed, ended, ...) or been refused, and some have a plan with a placement in progress.
So what they hold varies: thousands of distinct sets of prerequisites. A few more participants have only an
ended case, and a few of those in the programme an earlier, ended one.

Rows are bulk-inserted in batches of PARTICIPANTS_PER_BATCH participants, so memory does not grow with the
office. Primary keys come from the seeded generator too, so the same seed builds the same rows, in the same
order, every run; only the offers' availability dates follow the real date, which the scan compares with.
"""

from __future__ import annotations

import datetime
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from bench.scale import TODAY
from bench.terminal import progress
from kvp.accounts.models import Office, User
from kvp.catalogue.models import Offer, Participation, Provider
from kvp.demo.generator import seeded
from kvp.demo.inserts import ROWS_PER_INSERT
from kvp.demo.names import ORIGINS, Origin
from kvp.participants.models import Participant
from kvp.plans.models import Activity, Mapping, Plan, WorkExperience
from kvp.plans.models import Origin as ProposedBy
from kvp.programme.models import Case
from kvp.rules.case_status import CaseStatus, EndReason
from kvp.rules.identity import make_synthetic
from kvp.rules.measures import PLACEMENTS, MeasureType
from kvp.rules.skills import Cefr, DigitalLevel, NorwegianSkill

T = TypeVar("T")
M = MeasureType
PARTICIPANTS_PER_BATCH = 2000
OFFERS_PER_PROVIDER = 25
EXPIRED_SHARE = 0.05  # offers beyond the wanted number whose availability has ended
OUTSIDE_SHARE = 0.02  # participants beyond the wanted number with only an ended case
EARLIER_CASE_SHARE = 0.05  # participants in the programme who also had an earlier, ended programme
WORK_EXPERIENCE_SHARE = 0.45
PARTICIPATION_SHARE = 0.35
REFUSAL_SHARE = 0.06
GUARANTEE_REFUSALS = 0.3  # share of refusals at offers that ask for a job guarantee
PLAN_SHARE = 0.15
Weighted = Sequence[tuple[T, int]]
NONE: tuple[str, ...] = ()


def pick(rng: random.Random, choices: Weighted[T]) -> T:
    return rng.choices([value for value, _ in choices], [weight for _, weight in choices])[0]


@dataclass(frozen=True)
class Line:
    """A kind of offer in the catalogue: its measure type, share, titles and how its rules vary."""

    measure: MeasureType
    weight: int
    titles: tuple[str, ...]
    employer: bool = False
    norwegian: Weighted[str] = (("", 1),)
    digital: Weighted[str] = (("", 1),)
    prerequisites: Weighted[tuple[str, ...]] = ((NONE, 1),)
    gives: tuple[str, ...] = ()
    qualification: str = ""
    weeks: tuple[int, ...] = (8, 12, 26)


COURSE_DIGITAL: Weighted[str] = (("", 55), ("basic", 35), ("independent", 10))
# Steps of Norwegian tuition: (level given, level needed, share). The C1 course is the catch-22's first half.
NORWEGIAN_STEPS: Sequence[tuple[tuple[str, str], int]] = (
    (("a1", ""), 20),
    (("a2", "a1"), 25),
    (("b1", "a2"), 30),
    (("b2", "b1"), 18),
    (("c1", "b2"), 7),
)
DIGITAL_STEPS: Sequence[tuple[tuple[str, str, str], int]] = (  # (level given, digital needed, Norwegian needed)
    (("basic", "", ""), 40),
    (("independent", "basic", "a1"), 40),
    (("advanced", "independent", "c1"), 20),  # the catch-22's second half: needs Norwegian C1
)
LINES: tuple[Line, ...] = (
    Line(
        M.WORK_PRACTICE,
        24,
        ("Arbeidspraksis i butikk", "Arbeidspraksis på sykehjem", "Arbeidspraksis i barnehage", "Lagerpraksis"),
        employer=True,
        norwegian=(("", 20), ("a1", 10), ("a2", 35), ("b1", 30), ("b2", 5)),
        digital=(("", 70), ("basic", 25), ("independent", 5)),
        prerequisites=(
            (NONE, 70),
            (("driving_licence",), 8),
            (("completed:labour_market_course",), 7),
            (("funding_approval",), 5),
            (("completed:norwegian_course",), 10),
        ),
        gives=("active_placement", "completed:work_practice"),
    ),
    Line(
        M.WAGE_SUBSIDY,
        10,
        ("Lønnstilskudd som renholder", "Lønnstilskudd som sjåfør", "Lønnstilskudd som kokk", "Lønnstilskudd i lager"),
        employer=True,
        norwegian=(("a2", 30), ("b1", 55), ("b2", 15)),
        digital=(("", 60), ("basic", 30), ("independent", 10)),
        prerequisites=(
            (NONE, 40),
            (("completed:work_practice",), 30),
            (("driving_licence",), 15),
            (("funding_approval",), 15),
        ),
        gives=("active_placement",),
        weeks=(26, 52),
    ),
    Line(
        M.LABOUR_MARKET_COURSE,
        12,
        ("Truckførerkurs", "Kurs i renhold", "Barne- og ungdomsarbeiderkurs", "Kurs i butikk og service"),
        norwegian=(("", 20), ("a2", 40), ("b1", 40)),
        digital=COURSE_DIGITAL,
        prerequisites=(
            (NONE, 50),
            (("job_guarantee",), 20),
            (("funding_approval",), 15),
            (("funding_approval", "job_guarantee"), 5),
            (("active_placement",), 10),
        ),
        gives=("completed:labour_market_course",),
        qualification="Kursbevis",
    ),
    Line(M.NORWEGIAN_COURSE, 14, ("Norskkurs",), digital=(("", 70), ("basic", 30))),
    Line(
        M.VOCATIONAL_NORWEGIAN,
        8,
        ("Yrkesnorsk for helsefag", "Yrkesnorsk for renhold", "Yrkesnorsk i butikk"),
        digital=(("", 80), ("basic", 20)),
        prerequisites=((("active_placement",), 70), (NONE, 30)),
    ),
    Line(
        M.TRADE_CERTIFICATE,
        6,
        ("Fagbrev som praksiskandidat", "Fagbrev i renholdsoperatørfaget", "Fagbrev i helsearbeiderfaget"),
        norwegian=(("b1", 70), ("a2", 30)),
        digital=(("", 60), ("basic", 40)),
        prerequisites=(
            (("work_experience_years:5",), 60),
            (("active_placement", "work_experience_years:5"), 20),
            (("completed:vocational_norwegian",), 20),
        ),
        qualification="Fagbrev",
        weeks=(26, 52, 104),
    ),
    Line(
        M.DRIVING_LICENCE,
        4,
        ("Førerkort klasse B", "Førerkort klasse C1"),
        norwegian=(("a2", 70), ("a1", 30)),
        prerequisites=((("funding_approval",), 60), (NONE, 40)),
        gives=("driving_licence",),
        qualification="Førerkort",
    ),
    Line(M.DIGITAL_SKILLS, 6, ("Digitale ferdigheter",)),
    Line(M.JOB_COACH, 4, ("Jobbspesialist (IPS)", "Individuell jobbstøtte")),
    Line(M.MASTERY_COURSE, 4, ("Mestringskurs", "Motivasjonskurs")),
    Line(
        M.HEALTH_ACTIVITY, 3, ("Opptrening", "Helsesamtaler"), prerequisites=((NONE, 70), (("funding_approval",), 30))
    ),
    Line(
        M.EDUCATION,
        4,
        ("Videregående for voksne", "Fagskole, helse"),
        norwegian=(("b2", 60), ("b1", 40)),
        digital=(("independent", 100),),
        prerequisites=((NONE, 70), (("completed:norwegian_course",), 30)),
        qualification="Vitnemål",
        weeks=(40, 80),
    ),
    Line(M.OWN_ACTIVITY, 1, ("Egenaktivitet",)),
)
LINE_WEIGHTS = [(line, line.weight) for line in LINES]
SECTORS = (
    Provider.Sector.HEALTH_CARE,
    Provider.Sector.RETAIL,
    Provider.Sector.HOSPITALITY,
    Provider.Sector.CLEANING,
    Provider.Sector.CONSTRUCTION,
    Provider.Sector.TRANSPORT,
    Provider.Sector.EDUCATION,
)
HOURS = (Decimal("7.5"), Decimal("15.0"), Decimal("22.5"), Decimal("30.0"), Decimal("37.5"))

# The participants.
CEFR = list(Cefr)
BASE_LEVEL: Weighted[int] = ((0, 10), (1, 20), (2, 30), (3, 25), (4, 10), (5, 5))  # index in CEFR
DIGITAL: Weighted[str] = (("", 5), *((level.value, w) for level, w in zip(DigitalLevel, (15, 35, 35, 10), strict=True)))
LICENCE: Weighted[str] = (
    ("", 20),
    (Mapping.DrivingLicence.NONE, 40),
    (Mapping.DrivingLicence.LEARNING, 10),
    (Mapping.DrivingLicence.CAR, 25),
    (Mapping.DrivingLicence.HEAVY, 3),
    (Mapping.DrivingLicence.FOREIGN, 2),
)
OPEN_CASE: Weighted[CaseStatus] = (
    (CaseStatus.ACTIVE, 80),
    (CaseStatus.EXTENDED, 8),
    (CaseStatus.GRANTED, 7),
    (CaseStatus.ASSESSED, 3),
    (CaseStatus.APPLIED, 2),
)
S = Participation.Status
TAKEN_PART: Weighted[str] = (
    (S.PARTICIPATING, 25),
    (S.COMPLETED, 30),
    (S.ENDED, 15),
    (S.CANCELLED, 10),
    (S.APPLIED, 10),
    (S.WAITING_LIST, 10),
)
REFUSAL_REASONS: Weighted[str] = (
    (Participation.Reason.PREREQUISITE_MISSING, 65),
    (Participation.Reason.NO_PLACE, 25),
    (Participation.Reason.NO_FUNDING, 10),
)
ACTIVITIES: Weighted[tuple[MeasureType, str]] = (
    ((M.WORK_PRACTICE, Activity.Status.IN_PROGRESS), 35),
    ((M.WAGE_SUBSIDY, Activity.Status.IN_PROGRESS), 15),
    ((M.WORK_PRACTICE, Activity.Status.DONE), 10),
    ((M.NORWEGIAN_COURSE, Activity.Status.IN_PROGRESS), 20),
    ((M.MASTERY_COURSE, Activity.Status.PLANNED), 10),
    ((M.JOB_SEEKING, Activity.Status.IN_PROGRESS), 10),
)
PROGRAMME_DAYS = 365
DECISION_DAYS = datetime.timedelta(days=30)
PLACEMENT_TYPES = frozenset(kind.value for kind in PLACEMENTS)


@dataclass(frozen=True)
class OfferRules:
    """What the generator keeps of each current offer: enough to pick offers and plausible refusal reasons."""

    offer_id: uuid.UUID
    measure_type: str
    requires: tuple[str, ...]  # codes, e.g. "norwegian:b1", "job_guarantee"


@dataclass(frozen=True)
class BarrierOffice:
    office: Office
    offers: int  # current offers
    expired_offers: int
    participants: int  # with an open case
    outside: int  # with only an ended case: not in the programme, not scanned


@dataclass
class Rows:
    """One batch of rows, inserted in foreign-key order (the order of the fields)."""

    participants: list[Participant] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    mappings: list[Mapping] = field(default_factory=list)
    experience: list[WorkExperience] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)

    def write(self) -> int:
        written = len(self.participants)
        for rows in vars(self).values():
            if rows:
                type(rows[0]).objects.bulk_create(rows, batch_size=ROWS_PER_INSERT)
            rows.clear()  # the next batch starts empty
        return written


class _Ids:
    """Primary keys from a seeded stream: the same seed gives the same keys, so the same row order."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def __call__(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)


def seed_barrier_office(*, unit: str, offers: int, participants: int, seed: int) -> BarrierOffice:
    """An office with `offers` current offers and `participants` participants in the programme (see above)."""
    today = timezone.localdate()
    ids = _Ids(seeded(seed, "ids"))
    expired = round(offers * EXPIRED_SHARE)
    outside = round(participants * OUTSIDE_SHARE)
    with transaction.atomic():
        office = Office.objects.create(
            name=f"NAV Barriers {unit}", unit_number=unit, municipality_number="3005", municipality_name="Drammen"
        )
        password = make_password(None)
        leader = User.objects.create(
            username=f"{unit}-leader",
            office=office,
            is_leader=True,
            first_name="Liv",
            last_name="Leder",
            password=password,
        )
        counsellor = User.objects.create(
            username=f"{unit}-counsellor",
            office=office,
            is_counsellor=True,
            first_name="Vera",
            last_name="Veileder",
            password=password,
        )
        catalogue = _catalogue(seeded(seed, "catalogue"), ids, office, leader, offers, expired, today)
        _programme(seeded(seed, "participants"), ids, office, counsellor, catalogue, participants, outside)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as autovacuum or a DBA would keep them
    return BarrierOffice(
        office=office, offers=offers, expired_offers=expired, participants=participants, outside=outside
    )


def _organisation_number(rng: random.Random) -> str:
    """A valid Norwegian organisation number (MOD11, weights 3 2 7 6 5 4 3 2), starting with 9."""
    while True:
        digits = [9, *(rng.randrange(10) for _ in range(7))]
        check = (11 - sum(d * w for d, w in zip(digits, (3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11) % 11
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def _providers(rng: random.Random, ids: _Ids, office: Office, count: int) -> tuple[list[Provider], list[Provider]]:
    """Employers (for placements) and course providers, about half each."""
    providers = []
    for number in range(count):
        employer = number % 2 == 0
        providers.append(
            Provider(
                id=ids(),
                office=office,
                name=f"{'Arbeidsgiver' if employer else 'Kursleverandør'} {number + 1:04d}",
                kind=pick(rng, ((Provider.Kind.PRIVATE, 6), (Provider.Kind.PUBLIC, 3), (Provider.Kind.VOLUNTARY, 1))),
                is_employer=employer,
                organisation_number=_organisation_number(rng),
                sector=rng.choice(SECTORS) if employer else Provider.Sector.TRAINING,
            )
        )
    Provider.objects.bulk_create(providers, batch_size=ROWS_PER_INSERT)
    return [p for p in providers if p.is_employer], [p for p in providers if not p.is_employer]


def _rules(rng: random.Random, line: Line) -> tuple[str, str, tuple[str, ...], tuple[str, ...], str]:
    """Norwegian needed, digital needed, other prerequisites, what it gives, and a title suffix."""
    if line.measure is M.NORWEGIAN_COURSE:
        gives_level, needs_level = pick(rng, NORWEGIAN_STEPS)
        prerequisites: tuple[str, ...] = ()
        digital = pick(rng, line.digital)
        if gives_level == "c1":
            digital = "advanced"  # online only, with advanced tools
        elif gives_level == "b1" and rng.random() < 0.15:
            prerequisites = ("active_placement",)  # B1 in working hours: only for those in a placement
        gives = (f"norwegian:{gives_level}", "completed:norwegian_course")
        return needs_level, digital, prerequisites, gives, f" {gives_level.upper()}"
    if line.measure is M.DIGITAL_SKILLS:
        gives_level, digital, norwegian = pick(rng, DIGITAL_STEPS)
        return norwegian, digital, (), (f"digital:{gives_level}",), f" – {gives_level}"
    if line.measure is M.VOCATIONAL_NORWEGIAN:
        needs_level = pick(rng, (("a2", 60), ("a1", 40)))
        gives_level = "b1" if needs_level == "a2" else "a2"
        gives = (f"norwegian:{gives_level}", "completed:vocational_norwegian")
        return needs_level, pick(rng, line.digital), pick(rng, line.prerequisites), gives, ""
    return pick(rng, line.norwegian), pick(rng, line.digital), pick(rng, line.prerequisites), line.gives, ""


def _catalogue(
    rng: random.Random,
    ids: _Ids,
    office: Office,
    leader: User,
    current: int,
    expired: int,
    today: datetime.date,
) -> list[OfferRules]:
    employers, trainers = _providers(rng, ids, office, max(2, (current + expired) // OFFERS_PER_PROVIDER))
    kept: list[OfferRules] = []
    bar = progress("Catalogue", current + expired)
    for start in range(0, current + expired, ROWS_PER_INSERT):
        rows = []
        for number in range(start, min(start + ROWS_PER_INSERT, current + expired)):
            line = pick(rng, LINE_WEIGHTS)
            norwegian, digital, prerequisites, gives, suffix = _rules(rng, line)
            is_current = number < current
            available_from = TODAY - datetime.timedelta(days=rng.randrange(30, 900))
            if is_current:
                until = None if rng.random() < 0.75 else today + datetime.timedelta(days=rng.randrange(90, 900))
            else:
                until = today - datetime.timedelta(days=rng.randrange(1, 365))
                available_from = min(available_from, until)
            offer = Offer(
                id=ids(),
                provider=rng.choice(employers if line.employer else trainers),
                measure_type=line.measure.value,
                title=f"{rng.choice(line.titles)}{suffix} ({number + 1:05d})",
                content="Innhold i klart språk: hva du gjør, hvor og hvor lenge.",
                hours_per_week=rng.choice(HOURS),
                length_weeks=rng.choice(line.weeks),
                start_dates=[(today + datetime.timedelta(days=30 * k)).isoformat() for k in range(1, 3)],
                capacity=rng.randrange(1, 30),
                cost_kroner=rng.randrange(0, 60_000, 500),
                formal_qualification=line.qualification,
                norwegian_needed=norwegian,
                digital_needed=digital,
                prerequisites=list(prerequisites),
                gives=list(gives),
                mentor_available=line.employer and rng.random() < 0.6,
                works_alone=line.employer and rng.random() < 0.2,
                available_from=available_from,
                available_until=until,
                updated_by=leader,
            )
            rows.append(offer)
            if is_current:
                codes = [*prerequisites]
                if norwegian:
                    codes.append(f"norwegian:{norwegian}")
                if digital:
                    codes.append(f"digital:{digital}")
                kept.append(OfferRules(offer.id, line.measure.value, tuple(codes)))
        Offer.objects.bulk_create(rows, batch_size=ROWS_PER_INSERT)
        bar.advance(len(rows))
    bar.finish()
    return kept


def _programme(
    rng: random.Random,
    ids: _Ids,
    office: Office,
    counsellor: User,
    catalogue: list[OfferRules],
    participants: int,
    outside: int,
) -> None:
    total = participants + outside
    guarded = [offer for offer in catalogue if "job_guarantee" in offer.requires]
    used: set[str] = set()
    origins = [(origin, origin.weight) for origin in ORIGINS]
    bar = progress("Participants", total)
    rows = Rows()
    for number in range(total):
        person = _person(rng, ids, office, counsellor, used, pick(rng, origins))
        rows.participants.append(person)
        in_programme = number < participants
        case = _case(rng, ids, person, counsellor, in_programme)
        rows.cases.append(case)
        if in_programme and rng.random() < EARLIER_CASE_SHARE:
            rows.cases.append(_case(rng, ids, person, counsellor, False, before=case.applied_on))
        mapping = _mapping(rng, ids, person)
        rows.mappings.append(mapping)
        if rng.random() < WORK_EXPERIENCE_SHARE:
            rows.experience.extend(_experience(rng, ids, mapping, counsellor))
        if rng.random() < PARTICIPATION_SHARE:
            for _ in range(rng.randint(1, 3)):
                offer = rng.choice(catalogue)
                status = pick(rng, TAKEN_PART)
                rows.participations.append(_participation(rng, ids, person, offer, status, counsellor))
        if rng.random() < REFUSAL_SHARE:
            for _ in range(rng.randint(1, 2)):
                # E6: rules asking for a job guarantee are behind a large share of refusals
                chosen = rng.choice(guarded if guarded and rng.random() < GUARANTEE_REFUSALS else catalogue)
                rows.participations.append(_refusal(rng, ids, person, chosen, counsellor))
        if in_programme and case.starts_on is not None and rng.random() < PLAN_SHARE:
            plan = Plan(id=ids(), case=case, participant=person, version=1)
            rows.plans.append(plan)
            for _ in range(rng.randint(1, 2)):
                rows.activities.append(_activity(rng, ids, plan, case.starts_on))
        if len(rows.participants) == PARTICIPANTS_PER_BATCH:
            bar.advance(rows.write())
    bar.advance(rows.write())
    bar.finish()


def _person(
    rng: random.Random, ids: _Ids, office: Office, counsellor: User, used: set[str], origin: Origin
) -> Participant:
    female = rng.random() < origin.female_share
    while True:
        born = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(40 * 365))
        national_id = make_synthetic(birth_date=born, individual=rng.randrange(500))
        if national_id and national_id not in used:
            used.add(national_id)
            break
    return Participant(
        id=ids(),
        office=office,
        national_id=national_id,
        first_name=rng.choice(origin.female_names if female else origin.male_names),
        last_name=origin.last_name(rng.choice(origin.last_names), female=female),
        preferred_language=origin.languages[0],
        counsellor=counsellor,
    )


def _case(
    rng: random.Random,
    ids: _Ids,
    person: Participant,
    counsellor: User,
    open_case: bool,
    *,
    before: datetime.date | None = None,
) -> Case:
    last = (before - datetime.timedelta(days=PROGRAMME_DAYS + 90)) if before else TODAY
    applied = last - datetime.timedelta(days=rng.randrange(20, 600))
    status = pick(rng, OPEN_CASE) if open_case else CaseStatus.ENDED
    started = status in {CaseStatus.ACTIVE, CaseStatus.EXTENDED, CaseStatus.ENDED}
    starts = applied + datetime.timedelta(days=45) if started else None
    ends = starts + datetime.timedelta(days=PROGRAMME_DAYS) if starts else None
    return Case(
        id=ids(),
        participant=person,
        status=status,
        end_reason=rng.choice(list(EndReason)) if status is CaseStatus.ENDED else "",
        applied_on=applied,
        received_by=counsellor,
        decided_on=None if status in {CaseStatus.APPLIED, CaseStatus.ASSESSED} else applied + DECISION_DAYS,
        starts_on=starts,
        ends_on=ends,
        ended_on=ends if status is CaseStatus.ENDED else None,
    )


def _mapping(rng: random.Random, ids: _Ids, person: Participant) -> Mapping:
    """CEFR levels per skill around a personal level (writing usually lowest); a few skills not assessed."""
    base = pick(rng, BASE_LEVEL)
    levels: dict[str, str] = {}
    for skill in NorwegianSkill:
        if rng.random() < 0.04:
            levels[f"norwegian_{skill.value}"] = ""
            continue
        shift = rng.choice((-1, 0, 0, 1)) - (1 if skill is NorwegianSkill.WRITING and rng.random() < 0.4 else 0)
        levels[f"norwegian_{skill.value}"] = CEFR[min(max(base + shift, 0), len(CEFR) - 1)].value
    return Mapping(
        id=ids(),
        participant=person,
        digital_skills=pick(rng, DIGITAL),
        driving_licence=pick(rng, LICENCE),
        version=1,
        **levels,
    )


def _experience(rng: random.Random, ids: _Ids, mapping: Mapping, counsellor: User) -> list[WorkExperience]:
    return [
        WorkExperience(
            id=ids(),
            mapping=mapping,
            occupation=rng.choice(("Renholder", "Kokk", "Butikkmedarbeider", "Sjåfør", "Gartner", "Snekker")),
            years=Decimal(rng.choice((1, 2, 3, 5, 5, 10, 20)) * rng.randrange(2, 25)) / 10,
            added_by=counsellor,
        )
        for _ in range(rng.randint(1, 3))
    ]


def _participation(
    rng: random.Random, ids: _Ids, person: Participant, offer: OfferRules, status: str, counsellor: User
) -> Participation:
    starts = TODAY - datetime.timedelta(days=rng.randrange(10, 500))
    finished = status in {S.COMPLETED, S.ENDED, S.CANCELLED}
    return Participation(
        id=ids(),
        participant=person,
        offer_id=offer.offer_id,
        status=status,
        reason=Participation.Reason.QUALIFIED if status == S.COMPLETED else "",
        starts_on=starts if status != S.APPLIED else None,
        ends_on=starts + datetime.timedelta(days=rng.randrange(30, 200)) if finished else None,
        work_contact=offer.measure_type in PLACEMENT_TYPES,
        created_by=counsellor,
    )


def _refusal(rng: random.Random, ids: _Ids, person: Participant, offer: OfferRules, counsellor: User) -> Participation:
    reason = pick(rng, REFUSAL_REASONS)
    cited = ""
    if reason == Participation.Reason.PREREQUISITE_MISSING and offer.requires:
        # a job guarantee is the rule most often cited where it applies (E6)
        cited = "job_guarantee" if "job_guarantee" in offer.requires else rng.choice(offer.requires)
    return Participation(
        id=ids(),
        participant=person,
        offer_id=offer.offer_id,
        status=S.REFUSED,
        reason=reason if cited or reason != Participation.Reason.PREREQUISITE_MISSING else Participation.Reason.OTHER,
        refused_for=cited,
        created_by=counsellor,
    )


def _activity(rng: random.Random, ids: _Ids, plan: Plan, starts: datetime.date) -> Activity:
    measure, status = pick(rng, ACTIVITIES)
    begins = starts + datetime.timedelta(days=rng.randrange(0, 120))
    return Activity(
        id=ids(),
        plan=plan,
        measure_type=measure.value,
        title=f"{measure.value.replace('_', ' ').capitalize()}",
        hours_per_week=rng.choice(HOURS),
        starts_on=begins,
        ends_on=begins + datetime.timedelta(days=rng.randrange(30, 180)),
        status=status,
        origin=ProposedBy.COUNSELLOR,
    )
