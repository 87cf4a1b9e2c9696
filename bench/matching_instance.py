"""A national-scale synthetic matching instance, from a fixed seed (for the benchmark).

The country is split into areas of about OFFERS_PER_AREA offers each; a participant looks at the offers of
their own area (those within reach), with a travel time per pair. Offers mix the measure types of a real
catalogue (placements at employers, courses, Norwegian tuition, the trade-certificate route, education),
with capacities from 1 to 20 (most small: about 4 on average, so 3,000 offers have about 12,000 places).
Some offers have hard prerequisites (a driving licence, an ongoing placement, a job guarantee, five years in
the trade, ...) and most ask for a Norwegian and a digital level, which the fit score weighs. So about 50
of a participant's 60 candidates are feasible. Participants hold CEFR and digital levels, sometimes a
licence or a placement, want one or two occupations and often have work experience in one; 85 % rank one to
five of their feasible offers, drawn towards popular offers and good fits, so popular offers are contested.

`group` is an education-level band (little / secondary / higher): an administrator-chosen, non-protected
attribute for the fairness floors. The generator has no notion of origin at all.

A `Shape` varies the instance, so that the fairness benchmark is not tuned to one kind of instance:

- `national`: as above;
- `over-subscribed`: capacities of 1 to 5, mostly 1 (about 1.6 places per offer), so more than half the
  participants get nothing and every qualifying place is contested;
- `sparse`: each participant looks at 15 offers of their area (about 12 feasible) instead of all 60;
- `lumpy`: three quarters of the offers have one place, a few have 40 to 120;
- `overlapping`: each participant looks at the offers of their own area and the next, so the areas chain
  into one large network per kind; with two floors, its LP relaxation is fractional.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TypeVar

import numpy as np

from kvp.matching_engine.problem import Problem
from kvp.matching_engine.scoring import score_pairs
from kvp.rules.fit import DEFAULT_FIT_RULES, Experience, FitRules
from kvp.rules.matching import (
    DEFAULT_PREFERENCE_WEIGHT,
    MAX_PREFERENCES,
    MatchOffer,
    MatchParticipant,
)
from kvp.rules.measures import MeasureType
from kvp.rules.prerequisites import Prerequisite, PrerequisiteKind
from kvp.rules.skills import Cefr, DigitalLevel

T = TypeVar("T")
M = MeasureType
K = PrerequisiteKind
OFFERS_PER_AREA = 60
PREFERENCE_SHARE = 0.85
OCCUPATIONS = (
    "5223",  # butikkmedarbeidere
    "5120",  # kokker
    "5321",  # helsefagarbeidere
    "4321",  # lagermedarbeidere
    "8344",  # truckførere
    "9112",  # renholdere i virksomheter
    "9412",  # kjøkkenassistenter
    "7115",  # tømrere og snekkere
    "8332",  # lastebilsjåfører
    "5311",  # barnehageassistenter
    "7231",  # bilmekanikere
    "6113",  # gartnere
    "7512",  # bakere
    "5131",  # servitører
    "7411",  # elektrikere
    "7131",  # malere
    "5153",  # vaktmestre
    "5141",  # frisører
    "9214",  # hjelpearbeidere i gartneri
    "9334",  # varepåfyllere
)
# (kind, share, qualification given (share of offers that give one), tied to an occupation)
KINDS: tuple[tuple[MeasureType, int, str, float, bool], ...] = (
    (M.WORK_PRACTICE, 25, "", 0.0, True),
    (M.WAGE_SUBSIDY, 10, "", 0.0, True),
    (M.LABOUR_MARKET_COURSE, 15, "Kursbevis", 0.4, True),
    (M.NORWEGIAN_COURSE, 15, "Norskprøven", 0.5, False),
    (M.VOCATIONAL_NORWEGIAN, 8, "", 0.0, True),
    (M.TRADE_CERTIFICATE, 7, "Fagbrev", 1.0, True),
    (M.DRIVING_LICENCE, 5, "Førerkort klasse B", 1.0, False),
    (M.DIGITAL_SKILLS, 8, "", 0.0, False),
    (M.EDUCATION, 7, "Vitnemål fra videregående", 1.0, False),
)
CAPACITY_DECAY = 0.76  # P(capacity = c) ∝ 0.76^(c - 1), c = 1..20: mean about 4.1
GROUPS = (("little", 40), ("secondary", 35), ("higher", 25))


@dataclass(frozen=True)
class Shape:
    name: str
    capacities: tuple[tuple[int, int], ...]  # (places, relative frequency)
    looked_at: int | None = None  # offers of each area seen that a participant looks at (None: all)
    areas_seen: int = 1  # their own area and the next areas_seen - 1


@dataclass(frozen=True)
class Instance:
    problem: Problem
    candidates: int  # pairs looked at
    fit_seconds: float  # computing the fit scores of those pairs
    seed: int


def national_instance(
    participants: int = 10_000,
    offers: int = 3_000,
    *,
    seed: int = 6,
    weights: FitRules = DEFAULT_FIT_RULES,
    preference_weight: Decimal = DEFAULT_PREFERENCE_WEIGHT,
    shape: Shape | None = None,
) -> Instance:
    """The instance: `participants` and `offers` (default 10,000 and 3,000; 3× is 30,000 and 9,000)."""
    shape = shape or NATIONAL
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    areas = max(1, round(offers / OFFERS_PER_AREA))
    catalogue = [_offer(rng, number, shape.capacities) for number in range(offers)]
    area_of_offer = [number % areas for number in range(offers)]
    popularity = [rng.lognormvariate(0, 1) for _ in range(offers)]
    by_area: list[list[int]] = [[] for _ in range(areas)]
    for number, area in enumerate(area_of_offer):
        by_area[area].append(number)

    people = [_participant(rng, number) for number in range(participants)]
    area_of_person = [rng.randrange(areas) for _ in range(participants)]
    seen = [
        sorted(_looked_at(rng, [o for step in range(shape.areas_seen) for o in by_area[(area + step) % areas]], shape))
        for area in area_of_person
    ]
    p_index = np.concatenate([np.full(len(offers), number, dtype=np.int64) for number, offers in enumerate(seen)])
    o_index = np.concatenate([np.array(offers, dtype=np.int64) for offers in seen])
    minutes = np.random.default_rng(seed).integers(5, 100, size=p_index.size)
    started = time.perf_counter()
    feasible, fits = score_pairs(people, catalogue, p_index, o_index, weights, minutes)
    fit_seconds = time.perf_counter() - started

    # Wishes: drawn from each participant's feasible offers, towards popular offers and good fits.
    bounds = np.searchsorted(p_index, np.arange(participants + 1))
    for number in range(participants):
        mine = [
            (offer, fit)
            for offer, fit, ok in zip(
                o_index[bounds[number] : bounds[number + 1]].tolist(),
                fits[bounds[number] : bounds[number + 1]].tolist(),
                feasible[bounds[number] : bounds[number + 1]].tolist(),
                strict=True,
            )
            if ok
        ]
        if mine and rng.random() < PREFERENCE_SHARE:
            wished: list[str] = []
            for _ in range(min(len(mine), rng.randint(1, MAX_PREFERENCES))):
                chosen = rng.choices(range(len(mine)), [popularity[o] * (1 + max(fit, 0) / 2000) for o, fit in mine])[0]
                wished.append(catalogue[mine.pop(chosen)[0]].offer_id)
            people[number] = replace(people[number], preferences=tuple(wished))
    problem = Problem.from_arrays(
        people,
        catalogue,
        p_index[feasible],
        o_index[feasible],
        fits[feasible],
        preference_weight=preference_weight,
    )
    return Instance(problem=problem, candidates=int(p_index.size), fit_seconds=fit_seconds, seed=seed)


def _looked_at(rng: random.Random, offers: list[int], shape: Shape) -> list[int]:
    if shape.looked_at is None or shape.looked_at * shape.areas_seen >= len(offers):
        return offers
    return rng.sample(offers, shape.looked_at * shape.areas_seen)


def _pick(rng: random.Random, choices: tuple[tuple[T, int], ...]) -> T:
    values, weights = zip(*choices, strict=True)
    picked: T = rng.choices(values, weights)[0]
    return picked


CAPACITIES = tuple((capacity, round(1000 * CAPACITY_DECAY ** (capacity - 1))) for capacity in range(1, 21))
NATIONAL = Shape("national", CAPACITIES)
SHAPES = (
    NATIONAL,
    Shape("over-subscribed", tuple((capacity, round(1000 * 0.4 ** (capacity - 1))) for capacity in range(1, 6))),
    Shape("sparse", CAPACITIES, looked_at=15),
    Shape("lumpy", ((1, 750), (2, 80), (3, 60), (5, 60), (40, 20), (60, 15), (80, 10), (120, 5))),
    Shape("overlapping", CAPACITIES, looked_at=OFFERS_PER_AREA // 2, areas_seen=2),
)
KIND_WEIGHTS = tuple((line, line[1]) for line in KINDS)
CEFR = tuple(Cefr)
NEEDS: dict[MeasureType, tuple[tuple[str, int], ...]] = {
    M.WORK_PRACTICE: (("", 30), ("a1", 20), ("a2", 30), ("b1", 20)),
    M.WAGE_SUBSIDY: (("a2", 40), ("b1", 50), ("b2", 10)),
    M.LABOUR_MARKET_COURSE: (("", 20), ("a2", 40), ("b1", 40)),
    M.NORWEGIAN_COURSE: (("", 25), ("a1", 25), ("a2", 30), ("b1", 20)),
    M.VOCATIONAL_NORWEGIAN: (("a1", 40), ("a2", 60)),
    M.TRADE_CERTIFICATE: (("a2", 30), ("b1", 70)),
    M.DRIVING_LICENCE: (("", 50), ("a2", 50)),
    M.DIGITAL_SKILLS: (("", 40), ("a1", 30), ("a2", 30)),
    M.EDUCATION: (("a2", 20), ("b1", 60), ("b2", 20)),
}
DIGITAL_NEEDS = (("", 55), ("basic", 30), ("independent", 15))
# Hard prerequisites: (code, share of offers of the kind asking for it)
HARD: dict[MeasureType, tuple[tuple[str, float], ...]] = {
    M.WORK_PRACTICE: (("driving_licence", 0.1),),
    M.WAGE_SUBSIDY: (("completed:work_practice", 0.3),),
    M.LABOUR_MARKET_COURSE: (("job_guarantee", 0.15), ("funding_approval", 0.1)),
    M.VOCATIONAL_NORWEGIAN: (("active_placement", 0.5),),
    M.TRADE_CERTIFICATE: (("work_experience_years:5", 0.5),),
}
# Norwegian (CEFR from pre-A1 to C1) and digital levels by group: the little-educated have less of both.
NORWEGIAN_BY_GROUP = {
    "little": (10, 25, 30, 25, 8, 2),
    "secondary": (5, 15, 30, 30, 15, 5),
    "higher": (3, 10, 25, 30, 20, 12),
}
DIGITAL_BY_GROUP = {"little": (25, 45, 25, 5), "secondary": (10, 35, 40, 15), "higher": (5, 20, 45, 30)}
# What participants hold besides their levels: (code, share)
HOLDS = (
    ("driving_licence", 0.35),
    ("completed:work_practice", 0.25),
    ("completed:norwegian_course", 0.3),
    ("job_guarantee", 0.05),
    ("funding_approval", 0.3),
    ("active_placement", 0.2),
)


def _offer(rng: random.Random, number: int, capacities: tuple[tuple[int, int], ...] = CAPACITIES) -> MatchOffer:
    kind, _, qualification, qualifying_share, tied = _pick(rng, KIND_WEIGHTS)
    requires = {Prerequisite.parse(code) for code, share in HARD.get(kind, ()) if rng.random() < share}
    norwegian = _pick(rng, NEEDS[kind])
    if norwegian:
        requires.add(Prerequisite(K.NORWEGIAN, norwegian))
    digital = _pick(rng, DIGITAL_NEEDS)
    if digital:
        requires.add(Prerequisite(K.DIGITAL, digital))
    placement = kind in (M.WORK_PRACTICE, M.WAGE_SUBSIDY)
    return MatchOffer(
        offer_id=f"o{number:05d}",
        kind=kind,
        capacity=_pick(rng, capacities),
        requires=frozenset(requires),
        occupation_code=rng.choice(OCCUPATIONS) if tied else "",
        formal_qualification=qualification if rng.random() < qualifying_share else "",
        mentor=placement and rng.random() < 0.6,
        works_alone=placement and rng.random() < 0.2,
        title=f"{kind.value} {number + 1:05d}",
    )


def _participant(rng: random.Random, number: int) -> MatchParticipant:
    group = _pick(rng, GROUPS)
    holds = {Prerequisite.parse(code) for code, share in HOLDS if rng.random() < share}
    if rng.random() > 0.03:  # a few are not mapped yet
        levels = tuple(zip(CEFR, NORWEGIAN_BY_GROUP[group], strict=True))
        holds.add(Prerequisite(K.NORWEGIAN, _pick(rng, levels).value))
        digital = tuple(zip(DigitalLevel, DIGITAL_BY_GROUP[group], strict=True))
        holds.add(Prerequisite(K.DIGITAL, _pick(rng, digital).value))
    experience: tuple[Experience, ...] = ()
    if rng.random() < 0.5:
        years = Decimal(rng.randrange(5, 150)) / 10
        experience = (Experience(rng.choice(OCCUPATIONS), years),)
        if years >= 1:
            holds.add(Prerequisite(K.WORK_EXPERIENCE_YEARS, str(int(years))))
    wanted = tuple(rng.sample(OCCUPATIONS, rng.randint(1, 2))) if rng.random() < 0.9 else ()
    return MatchParticipant(
        participant_id=f"p{number:06d}",
        holds=frozenset(holds),
        wanted_occupations=wanted,
        experience=experience,
        group=group,
    )
