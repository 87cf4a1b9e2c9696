"""Demo participants' ranked wishes (kvp.matching.models.Preference; E1), so that a matching run
in the demo office shows realistic shares of first wishes and of the first three.

About 60 % of participants whose programme is granted or running rank one to five offers (`WishShare`). They
choose as people do: offers in the occupation they want (STYRK, `kvp.rules.occupations.same_field`), the measures
their goals and mapping point to (vocational Norwegian below B1, the experience route to a trade certificate after
five years in the trade, a driving licence when that is a goal, digital skills when they are weak), and sometimes
an offer they already proposed in their plan. The most fitting comes first. They keep to the rules of
kvp.matching.wishes.wishes_set: at most five, each offer once, only the office's current offers, and never an
offer whose hard prerequisites they do not meet (what they hold is read as kvp.catalogue.facts reads it).

A participant with a login wrote the wishes on their phone; for everyone else the counsellor recorded them in
their latest meeting. Each participant's wishes come from a random stream of their own, so they change nothing
else, and the same seed and `today` give the same wishes.
"""

from __future__ import annotations

import datetime
import functools
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from uuid import UUID

from kvp.accounts.models import User
from kvp.catalogue.models import Offer, Participation
from kvp.demo import plan_texts
from kvp.demo.catalogue import DemoCatalogue
from kvp.demo.history import workday
from kvp.demo.participations import PLACEMENT_TYPES, holds_in
from kvp.demo.plan_specs import PlanRows
from kvp.demo.story import at, new_uuid
from kvp.followup.models import Meeting
from kvp.matching.models import MAX_WISHES, Preference
from kvp.participants.models import Participant
from kvp.plans.models import Mapping
from kvp.rules import occupations
from kvp.rules.matching import SOFT_KINDS
from kvp.rules.measures import MeasureType
from kvp.rules.prerequisites import Prerequisite, PrerequisiteKind, met
from kvp.rules.skills import Cefr, DigitalLevel

M = MeasureType
STATUS = Participation.Status
KIND = PrerequisiteKind
WISH_SHARE = 0.6  # of participants whose programme is granted or running
WISH_COUNTS = (1, 2, 3, 4, 5)
WISH_COUNT_WEIGHTS = (12, 18, 32, 20, 18)
FITTING = 2.0  # the least score of an offer worth wishing for
NOISE = 1.5  # taste: how much two people with the same profile differ
TRADE_YEARS = Decimal(5)  # the experience route to a trade certificate (E4)
SUBSIDY_YEARS = Decimal(2)  # enough experience for an employer to hire with a wage subsidy
GROUP_MARK = " – gruppe "  # "Norskopplæring – gruppe 2" is another group of the same course
# Participations that rule an offer out: they are in it, have had it, or were refused it.
TAKEN = frozenset({STATUS.PARTICIPATING, STATUS.COMPLETED, STATUS.ENDED, STATUS.REFUSED})
ASKED = frozenset({STATUS.APPLIED, STATUS.WAITING_LIST})  # they want it and are waiting for a place
FIELD_POINTS = {
    occupations.SAME_UNIT_GROUP: 4.0,
    occupations.SAME_MINOR_GROUP: 2.5,
    occupations.SAME_SUB_MAJOR_GROUP: 1.5,
}
NO_LICENCE = frozenset({Mapping.DrivingLicence.NONE, Mapping.DrivingLicence.LEARNING, Mapping.DrivingLicence.FOREIGN})
DIGITAL_NEED = {DigitalLevel.NONE.value: 3.0, DigitalLevel.BASIC.value: 1.0}  # points for a digital skills course
DIGITAL_GOAL_NEED = 3.0
DRIVERS = "83"  # STYRK-08 sub-major group 83: drivers and mobile plant operators
# Measures anyone may look at, besides the offers in the occupation they want.
GENERAL_KINDS = (
    M.VOCATIONAL_NORWEGIAN,
    M.NORWEGIAN_COURSE,
    M.TRADE_CERTIFICATE,
    M.DRIVING_LICENCE,
    M.DIGITAL_SKILLS,
    M.JOB_SEEKING,
    M.JOB_COACH,
)


@dataclass
class WishShare:
    """Which participants in a granted programme wish: counted across the office, so that the share is
    WISH_SHARE at any size, and the participants' own streams are left alone."""

    seen: int = 0
    wishing: int = 0

    def due(self) -> bool:
        """Whether the next participant in a granted programme wishes."""
        self.seen += 1
        return self.wishing < WISH_SHARE * self.seen

    def record(self, wishes: Sequence[Preference]) -> None:
        self.wishing += bool(wishes)


@dataclass(frozen=True)
class _Option:
    """An offer as wishes see it, worked out once per catalogue."""

    offer: Offer
    kind: MeasureType
    code: str  # a valid STYRK-08 code, or ""
    hard: tuple[Prerequisite, ...]  # prerequisites that must be met (E5); Norwegian and digital levels are weighed
    norwegian: int  # the rank of the Norwegian level it asks for, or -1
    course: tuple[UUID, str]  # the provider and the title without a group number: one group of a course is wished


@dataclass
class WishCatalogue:
    """The catalogue's current offers by occupation field (STYRK sub-major group) and by measure."""

    by_field: dict[str, list[_Option]] = field(default_factory=dict)  # the first group of each course
    by_kind: dict[MeasureType, list[_Option]] = field(default_factory=dict)  # the first group of each course
    groups: dict[tuple[UUID, str], list[_Option]] = field(default_factory=dict)  # every group of each course
    by_key: dict[str, _Option] = field(default_factory=dict)
    by_id: dict[UUID, _Option] = field(default_factory=dict)
    kinds: dict[UUID, str] = field(default_factory=dict)  # every offer's measure type, current or not

    @classmethod
    def of(cls, catalogue: DemoCatalogue, today: datetime.date) -> WishCatalogue:
        found = cls()
        keys = {offer.pk: key for key, offer in catalogue.by_key.items()}
        for offer in catalogue.offers:
            found.kinds[offer.pk] = offer.measure_type
            if offer.available_until is not None and offer.available_until < today:
                continue  # only the office's current offers (kvp.matching.wishes.wishable_offers)
            needs = catalogue.requirements[offer.pk]
            level = next((Cefr(need.level) for need in needs if need.kind is KIND.NORWEGIAN), None)
            code = offer.occupation_code if occupations.is_valid_code(offer.occupation_code) else ""
            option = _Option(
                offer=offer,
                kind=MeasureType(offer.measure_type),
                code=code,
                hard=tuple(sorted(need for need in needs if need.kind not in SOFT_KINDS)),
                norwegian=level.rank if level is not None else -1,
                course=(offer.provider.pk, offer.title.split(GROUP_MARK)[0]),
            )
            found.by_key[keys[offer.pk]] = option
            found.by_id[offer.pk] = option
            if option.course in found.groups:
                found.groups[option.course].append(option)
                continue
            found.groups[option.course] = [option]
            if code:
                found.by_field.setdefault(code[:2], []).append(option)
            found.by_kind.setdefault(option.kind, []).append(option)
        return found


@dataclass(frozen=True)
class _Person:
    """What a participant's choice rests on, read from their unsaved rows."""

    holds: frozenset[Prerequisite]
    wanted: tuple[str, ...]  # STYRK-08 codes
    experience: tuple[tuple[str, Decimal], ...]  # (STYRK-08 code, years)
    norwegian: int  # the rank of the Norwegian level held, -1 if not mapped
    learner: bool  # learning Norwegian below B1: vocational Norwegian is what they need first (E9, E14)
    no_licence: bool
    wants_licence: bool
    digital_need: float  # points for a digital skills course
    proposed: frozenset[UUID]  # offers they asked about in a proposal to their plan
    asked: frozenset[UUID]  # offers they applied for or wait for a place in
    taken: frozenset[UUID]  # offers they are in, have had or were refused

    def meets(self, option: _Option) -> bool:
        return all(met(self.holds, need) for need in option.hard)

    def years_near(self, code: str) -> Decimal:
        """Years of work in the occupation's minor group or closer (E4)."""
        if not code:
            return Decimal(0)
        return max(
            (years for done, years in self.experience if occupations.same_field(done, code) >= 3),
            default=Decimal(0),
        )


def wish_rows(
    rng: random.Random,
    *,
    today: datetime.date,
    since: datetime.date,
    participant: Participant,
    login: User | None,
    counsellor: User,
    plans: PlanRows,
    participations: Sequence[Participation],
    meetings: Sequence[Meeting],
    wishes: WishCatalogue,
    first: Sequence[str] = (),
) -> list[Preference]:
    """One participant's ranked wishes, or none if nothing fits. Call it for a participant whose programme is
    granted or running, granted on `since`, when they wish (`WishShare`). `first` are catalogue keys the
    participant puts first, in that order (a persona's wishes, kvp.demo.gardener)."""
    if not plans.mappings:
        return []
    person = _person(plans, participations, wishes)
    count = min(MAX_WISHES, max(len(first), rng.choices(WISH_COUNTS, weights=WISH_COUNT_WEIGHTS)[0]))
    chosen = [
        option
        for key in first
        if (option := wishes.by_key.get(key)) is not None
        and option.offer.pk not in person.taken
        and person.meets(option)
    ]
    courses = {option.course for option in chosen}
    ranked = sorted(
        ((_score(rng, person, option), index, option) for index, option in enumerate(_candidates(rng, person, wishes))),
        key=lambda item: (-item[0], item[1]),
    )
    for score, _index, option in ranked:
        if len(chosen) >= count or score < FITTING:
            break
        if option.course not in courses:
            chosen.append(option)
            courses.add(option.course)
    if not chosen:
        return []
    writer, moment = _recorded(rng, today=today, since=since, login=login, counsellor=counsellor, meetings=meetings)
    return [
        Preference(
            id=new_uuid(rng),
            participant_id=participant.pk,
            offer_id=option.offer.pk,
            rank=rank,
            recorded_by=writer,
            recorded_at=moment,
        )
        for rank, option in enumerate(chosen, start=1)
    ]


def _person(plans: PlanRows, participations: Sequence[Participation], wishes: WishCatalogue) -> _Person:
    mapping = plans.mappings[0]
    holds = set(holds_in(plans))
    for row in participations:  # as kvp.catalogue.barrier_scan.holds_by_participant reads them
        kind = wishes.kinds[row.offer_id]
        if row.status == STATUS.COMPLETED:
            holds.add(Prerequisite(KIND.COMPLETED, kind))
        elif row.status == STATUS.PARTICIPATING and kind in PLACEMENT_TYPES:
            holds.add(Prerequisite(KIND.ACTIVE_PLACEMENT))
    level = next((Cefr(held.level) for held in holds if held.kind is KIND.NORWEGIAN), None)
    wanted = tuple(code for code in mapping.wanted_occupations if occupations.is_valid_code(code))
    goals = {goal.text for goal in plans.goals}
    no_licence = mapping.driving_licence in NO_LICENCE
    return _Person(
        holds=frozenset(holds),
        wanted=wanted,
        experience=tuple(
            (row.occupation_code, row.years)
            for row in plans.work_experience
            if occupations.is_valid_code(row.occupation_code)
        ),
        norwegian=level.rank if level is not None else -1,
        learner=level is not None and level.rank < Cefr.B1.rank,
        no_licence=no_licence,
        wants_licence=plan_texts.LICENCE_GOAL in goals
        or (no_licence and any(code.startswith(DRIVERS) for code in wanted)),
        digital_need=DIGITAL_GOAL_NEED
        if plan_texts.DIGITAL_GOAL in goals
        else DIGITAL_NEED.get(mapping.digital_skills, -3.0),
        proposed=frozenset(proposal.offer_id for proposal in plans.proposals if proposal.offer_id is not None),
        asked=frozenset(row.offer_id for row in participations if row.status in ASKED),
        taken=frozenset(row.offer_id for row in participations if row.status in TAKEN),
    )


def _candidates(rng: random.Random, person: _Person, wishes: WishCatalogue) -> list[_Option]:
    """The offers the participant would look at and may choose, one group of each course: in the fields they
    want, of the general measures, or proposed; never one they are in, have had or were refused, nor one they
    cannot take (E5). Of a course's groups, the one they asked about, or any."""
    pools = [wishes.by_field.get(code[:2], []) for code in person.wanted]
    pools += [wishes.by_kind.get(kind, []) for kind in GENERAL_KINDS]
    pools.append([wishes.by_id[pk] for pk in sorted(person.proposed, key=str) if pk in wishes.by_id])
    interested = person.proposed | person.asked
    seen: set[tuple[UUID, str]] = set()
    found: list[_Option] = []
    for pool in pools:
        for option in pool:
            if option.course in seen:
                continue
            seen.add(option.course)
            if not person.meets(option):  # the groups of a course have the same prerequisites
                continue
            groups = wishes.groups[option.course]
            if len(groups) == 1:
                if option.offer.pk not in person.taken:
                    found.append(option)
                continue
            groups = [group for group in groups if group.offer.pk not in person.taken]
            wanted = [group for group in groups if group.offer.pk in interested]
            if groups:
                found.append(wanted[0] if wanted else rng.choice(groups))
    return found


def _score(rng: random.Random, person: _Person, option: _Option) -> float:
    """How well the offer fits what the participant wants and needs, with a little taste of their own."""
    kind, code = option.kind, option.code
    score = max((_field_points(want, code) for want in person.wanted), default=0.0) if code else 0.0
    if kind is M.TRADE_CERTIFICATE:  # E4: the experience route, for years in the trade
        score += 4.0 if person.years_near(code) >= TRADE_YEARS else -3.0
    elif kind is M.VOCATIONAL_NORWEGIAN:  # E9: Norwegian alongside practice, below B1
        score += 3.0 if person.learner else -3.0
    elif kind is M.NORWEGIAN_COURSE:
        if person.learner:
            score += 2.5 if person.norwegian <= Cefr.A1.rank else 1.5
        else:
            score -= 3.0
    elif kind is M.DRIVING_LICENCE:
        score += 3.5 if person.wants_licence else (0.5 if person.no_licence else -3.0)
    elif kind is M.DIGITAL_SKILLS:
        score += person.digital_need
    elif kind is M.JOB_SEEKING:
        score += 0.5 if person.learner else 1.5
    elif kind is M.JOB_COACH:
        score += 1.0
    elif kind in PLACEMENT_TYPES and score > 0:  # a workplace in the occupation they want: most wanted (E9)
        score += 1.0
        years = person.years_near(code)
        if kind is M.WAGE_SUBSIDY and years >= SUBSIDY_YEARS:
            score += 1.0
        elif kind is M.WORK_PRACTICE and years >= TRADE_YEARS:
            score -= 1.0  # E4: one more practice in work they master is not what they want
    elif option.offer.formal_qualification:
        score += 0.5
    if option.norwegian > person.norwegian >= 0:  # asks for more Norwegian than they have: less tempting
        score -= 1.5 * (option.norwegian - person.norwegian)
    if option.offer.pk in person.proposed:
        score += 2.5
    if option.offer.pk in person.asked:
        score += 2.0
    return score + rng.random() * NOISE


@functools.cache
def _field_points(wanted: str, code: str) -> float:
    """Points for an offer in the occupation wanted, or near it (E8)."""
    return FIELD_POINTS.get(occupations.same_field(wanted, code), 0.0)


def _recorded(
    rng: random.Random,
    *,
    today: datetime.date,
    since: datetime.date,
    login: User | None,
    counsellor: User,
    meetings: Sequence[Meeting],
) -> tuple[User, datetime.datetime]:
    """Who wrote the wishes down, and when: the participant on their phone in the last weeks, or the counsellor
    in the latest meeting since the programme was granted."""
    if login is not None:
        day = workday(today - datetime.timedelta(days=rng.randint(1, 30)), today)
        return login, at(rng, max(day, since), from_hour=8, to_hour=22)
    held = [
        meeting
        for meeting in meetings
        if meeting.status == Meeting.Status.HELD and since <= meeting.starts_at.date() <= today
    ]
    if held:
        latest = max(held, key=lambda meeting: meeting.starts_at)
        return counsellor, latest.starts_at + datetime.timedelta(minutes=rng.randint(10, latest.duration_minutes))
    day = workday(since + datetime.timedelta(days=rng.randint(0, max(0, (today - since).days))), today)
    return counsellor, at(rng, min(day, today), from_hour=9, to_hour=15)
