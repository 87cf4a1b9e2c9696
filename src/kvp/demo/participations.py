"""Demo participants' places in the catalogue's offers, the applications that were refused, and the changes
providers asked for (E4, E5, E6).

A plan activity that is one of the catalogue's offers (`DemoCatalogue.for_activity`) and whose requirements
the participant meets becomes a participation with the activity's dates, and the activity points to the
offer: in progress is participating (while the offer has places), planned is applied or on the waiting
list, done is completed (ended with "got a job" when the programme ended in work that day), and what the
programme's end cut short is ended or cancelled. Offers are full when their places are taken: further
activities stay activities without an offer, arranged directly with the workplace.

Refusals are drawn per office from quotas (`Ledger`), so the leader sees the job-guarantee rule block the
most requests (E6), then the two rules of the catch-22 (E5), and a few refusals for other reasons.

Each participant's rows come from a random stream of their own and the office's shared ledger, so the
same seed and `today` give the same rows.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from uuid import UUID

from kvp.accounts.models import User
from kvp.catalogue.facts import DRIVING, lowest_norwegian
from kvp.catalogue.models import Offer, Participation, ProviderChange
from kvp.demo import plan_texts
from kvp.demo.catalogue import DemoCatalogue
from kvp.demo.history import GRANTED, History, workday
from kvp.demo.plan_specs import PlanRows
from kvp.demo.story import COMPLETED, at, new_uuid
from kvp.participants.models import Participant
from kvp.plans.models import Activity, Proposal
from kvp.programme.models import Case
from kvp.rules.case_status import EndReason
from kvp.rules.measures import PLACEMENTS, MeasureType
from kvp.rules.prerequisites import Prerequisite, PrerequisiteKind, met
from kvp.rules.skills import Cefr

STATUS, REASON = Participation.Status, Participation.Reason
CHANGE = ProviderChange
PLACEMENT_TYPES = frozenset(kind.value for kind in PLACEMENTS)
# Measures during which the participant meets employers (E9: long courses without it lock people in).
WORK_CONTACT = PLACEMENT_TYPES | {MeasureType.VOCATIONAL_NORWEGIAN, MeasureType.JOB_SEEKING, MeasureType.JOB_COACH}
QUALIFIED_SHARE = 0.8  # of completed offers with a formal qualification, where the participant passed
CHANGE_SHARE = 0.18  # of ongoing participations with a change the provider asked for
JOB_GUARANTEE_SHARE = 0.75  # of participants aiming for a trade where the course needs a job guarantee
# E6: the course a participant aiming for the trade applies for, which needs a job guarantee.
JOB_GUARANTEE_OFFERS = {
    "lagermedarbeider": "truck",
    "butikkmedarbeider": "truck",
    "bilmekaniker": "truck",
    "sveiser": "truck",
    "bussjåfør": "forerkort_d",
}
# (quota, offer key, reason, draw below which a participant without another refusal gets it)
OTHER_REFUSALS = (
    ("no_place", "kiwi", REASON.NO_PLACE, 0.06),
    ("no_funding", "forerkort_b", REASON.NO_FUNDING, 0.11),
    ("not_suitable", "kveldsrenhold", REASON.NOT_SUITABLE, 0.15),
)
IDEA_BY_MEASURE = {idea.measure_type.value: idea for idea in plan_texts.PROPOSALS if idea.becomes is not None}
EXPLANATIONS = {
    CHANGE.Kind.DATES: (
        "Vi foreslår å forlenge perioden med noen uker, så deltakeren får fullført opplæringen.",
        "Veilederen vår er borte en periode, og vi foreslår å flytte sluttdatoen.",
    ),
    CHANGE.Kind.HOURS: (
        "Vi har færre vakter på dagtid fremover og foreslår færre timer i uken.",
        "Deltakeren klarer mer nå, og vi foreslår flere timer i uken.",
    ),
    CHANGE.Kind.END: (
        "Deltakeren har ikke møtt de siste to ukene, og vi får ikke kontakt.",
        "Arbeidsoppgavene passer ikke for deltakeren, og vi foreslår å avslutte.",
    ),
}
APPROVE_NOTES = ("", "Avtalt med deltakeren.", "Greit. Planen er oppdatert.")
REJECT_NOTES = (
    "Deltakeren trenger praksisen for å nå målet sitt. Vi tar et møte med dere om oppfølgingen.",
    "Endringen passer ikke med norskkurset. Vi beholder det som er avtalt.",
)


@dataclass
class Ledger:
    """What the office shares across participants: places taken now, and the refusals still to draw."""

    taken: Counter[UUID] = field(default_factory=Counter)
    refusals: dict[str, int] = field(default_factory=dict)

    @classmethod
    def for_office(cls, participants: int) -> Ledger:
        return cls(
            refusals={
                "job_guarantee": max(6, participants // 12),  # 10 in the default demo of 120
                "norwegian_b1": max(3, participants // 40),
                "active_placement": max(2, participants // 60),
                "no_place": max(2, participants // 60),
                "no_funding": max(1, participants // 120),
                "not_suitable": max(1, participants // 120),
            }
        )

    def has_place(self, offer: Offer) -> bool:
        return self.taken[offer.pk] < offer.capacity


def holds_in(plans: PlanRows) -> frozenset[Prerequisite]:
    """What the participant holds, as kvp.catalogue.facts.holds_of reads it, from the unsaved rows (E5)."""
    holds: set[Prerequisite] = set()
    if plans.mappings:
        mapping = plans.mappings[0]
        if level := lowest_norwegian(mapping):
            holds.add(Prerequisite(PrerequisiteKind.NORWEGIAN, level.value))
        if mapping.digital_skills:
            holds.add(Prerequisite(PrerequisiteKind.DIGITAL, mapping.digital_skills))
        if mapping.driving_licence in DRIVING:
            holds.add(Prerequisite(PrerequisiteKind.DRIVING_LICENCE))
    years = max((row.years for row in plans.work_experience), default=Decimal(0))
    if years >= 1:
        holds.add(Prerequisite(PrerequisiteKind.WORK_EXPERIENCE_YEARS, str(min(int(years), 60))))
    placed = any(
        activity.status == Activity.Status.IN_PROGRESS and activity.measure_type in PLACEMENT_TYPES
        for activity in plans.activities
    )
    if placed:
        holds.add(Prerequisite(PrerequisiteKind.ACTIVE_PLACEMENT))
    return frozenset(holds)


@dataclass(frozen=True)
class Outcome:
    status: str
    reason: str = ""
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    hired: bool = False


def participation_rows(
    rng: random.Random,
    *,
    today: datetime.date,
    participant: Participant,
    counsellor: User,
    plans: PlanRows,
    cases: Sequence[tuple[History, Case]],
    occupation: str,
    catalogue: DemoCatalogue,
    ledger: Ledger,
) -> tuple[list[Participation], list[ProviderChange]]:
    """One participant's participations and the changes their providers asked for; `cases` oldest first,
    `occupation` the trade their plan aims for (kvp.demo.tracks.TRACKS)."""
    if not plans.plans:
        return [], []
    maker = _Maker(rng, today, participant, counsellor, plans, cases, catalogue, ledger)
    maker.link_activities()
    maker.link_proposals()
    maker.refuse(occupation)
    maker.provider_changes()
    return maker.participations, maker.changes


class _Maker:
    """Builds one participant's rows, in order: plan activities, proposals, refusals, provider changes."""

    def __init__(
        self,
        rng: random.Random,
        today: datetime.date,
        participant: Participant,
        counsellor: User,
        plans: PlanRows,
        cases: Sequence[tuple[History, Case]],
        catalogue: DemoCatalogue,
        ledger: Ledger,
    ) -> None:
        self.rng = rng
        self.today = today
        self.participant = participant
        self.counsellor = counsellor
        self.plans = plans
        self.cases = cases
        self.catalogue = catalogue
        self.ledger = ledger
        self.holds = holds_in(plans)
        histories = {case.pk: history for history, case in cases}
        self.history_of_plan = {plan.pk: histories[plan.case_id] for plan in plans.plans}
        self.participations: list[Participation] = []
        self.changes: list[ProviderChange] = []

    def _meets(self, offer: Offer) -> bool:
        return all(met(self.holds, need) for need in self.catalogue.requirements[offer.pk])

    def _add(
        self,
        offer: Offer,
        outcome: Outcome,
        *,
        created_at: datetime.datetime,
        activity: Activity | None = None,
        refused_for: str = "",
        qualified: bool = False,
    ) -> Participation:
        started = outcome.starts_on is not None and outcome.status not in {STATUS.APPLIED, STATUS.WAITING_LIST}
        participation = Participation(
            id=new_uuid(self.rng),
            participant_id=self.participant.pk,
            offer_id=offer.pk,
            activity_id=activity.pk if activity is not None else None,
            status=outcome.status,
            reason=outcome.reason,
            refused_for=refused_for,
            starts_on=outcome.starts_on,
            ends_on=outcome.ends_on,
            hired=outcome.hired,
            qualification_gained=qualified,
            work_contact=started and offer.measure_type in WORK_CONTACT,
            created_by_id=self.counsellor.pk,
            created_at=created_at,
            version=1 if outcome.status == STATUS.APPLIED else 2,
        )
        self.participations.append(participation)
        return participation

    # -- plan activities that are offers --------------------------------------------------------------

    def link_activities(self) -> None:
        activities = sorted(self.plans.activities, key=lambda activity: (activity.starts_on, activity.created_at))
        for activity in activities:
            offers = [
                offer for offer in self.catalogue.for_activity(activity.title, activity.provider) if self._meets(offer)
            ]
            if not offers:
                continue
            outcome = self._outcome(activity, self.history_of_plan[activity.plan_id])
            free = next((offer for offer in offers if self.ledger.has_place(offer)), None)
            if outcome.status == STATUS.PARTICIPATING:
                if free is None:
                    continue  # the groups are full: arranged directly with the provider
                offer = free
                self.ledger.taken[offer.pk] += 1
            elif outcome.status == STATUS.APPLIED:
                offer = free or offers[0]
                if free is None:
                    outcome = Outcome(STATUS.WAITING_LIST, starts_on=outcome.starts_on)
            else:
                offer = self.rng.choice(offers)
            qualified = (
                outcome.status == STATUS.COMPLETED
                and bool(offer.formal_qualification)
                and self.rng.random() < QUALIFIED_SHARE
            )
            activity.offer_id = offer.pk
            created = activity.created_at - datetime.timedelta(minutes=self.rng.randint(1, 30))
            self._add(offer, outcome, created_at=created, activity=activity, qualified=qualified)

    def _outcome(self, activity: Activity, history: History) -> Outcome:
        """The participation that matches the activity's status and how the programme ended, if it has."""
        starts, ends = activity.starts_on, activity.ends_on
        closing, reason = history.ended_on, history.end_reason
        status = activity.status
        if status == Activity.Status.IN_PROGRESS:
            return Outcome(STATUS.PARTICIPATING, starts_on=starts, ends_on=ends)
        if status == Activity.Status.PLANNED:
            return Outcome(STATUS.APPLIED, starts_on=starts)
        if status == Activity.Status.DONE:
            if closing is not None and ends == closing and reason is EndReason.COMPLETED_WORK:
                hired = activity.measure_type in PLACEMENT_TYPES
                return Outcome(STATUS.ENDED, REASON.GOT_JOB, starts, ends, hired=hired)
            return Outcome(STATUS.COMPLETED, starts_on=starts, ends_on=ends)
        last = min(self.today, closing) if closing is not None else self.today
        if starts > last:  # cancelled before it started
            return Outcome(STATUS.CANCELLED, REASON.PROGRAMME_ENDED)
        if closing is not None and reason not in COMPLETED:
            cut = REASON.DID_NOT_ATTEND if reason is EndReason.NON_ATTENDANCE else REASON.PROGRAMME_ENDED
            return Outcome(STATUS.ENDED, cut, starts, max(starts, min(ends, closing)))
        return Outcome(STATUS.CANCELLED, REASON.OTHER, starts_on=starts)  # the provider called it off

    def link_proposals(self) -> None:
        """A proposal of a new activity names the catalogue's offer it is about (the participant's interest)."""
        for proposal in self.plans.proposals:
            idea = IDEA_BY_MEASURE.get(proposal.measure_type)
            if proposal.kind != Proposal.Kind.NEW_ACTIVITY or idea is None or idea.becomes is None:
                continue
            offers = self.catalogue.for_activity(idea.becomes.title, idea.becomes.provider)
            if offers:
                proposal.offer_id = offers[0].pk

    # -- refusals (E5, E6) ------------------------------------------------------------------------------

    def refuse(self, occupation: str) -> None:
        history = self.cases[-1][0]
        decided = history.decided_on
        if history.on(GRANTED) is None or decided is None:
            return
        last = min(self.today, history.ended_on or self.today)
        for quota, key, reason, refused_for in self._refusals(occupation):
            self.ledger.refusals[quota] -= 1
            day = workday(decided + datetime.timedelta(days=self.rng.randint(0, (last - decided).days)), self.today)
            moment = at(self.rng, max(decided, day), from_hour=9, to_hour=15)
            outcome = Outcome(STATUS.REFUSED, reason)
            self._add(self.catalogue.by_key[key], outcome, created_at=moment, refused_for=refused_for)

    def _refusals(self, occupation: str) -> list[tuple[str, str, str, str]]:
        """(quota, offer key, reason, prerequisite) of each refusal this participant gets."""
        rng, left = self.rng, self.ledger.refusals
        level = next((Cefr(held.level) for held in self.holds if held.kind is PrerequisiteKind.NORWEGIAN), None)
        placed = Prerequisite(PrerequisiteKind.ACTIVE_PLACEMENT) in self.holds
        missing = REASON.PREREQUISITE_MISSING
        found: list[tuple[str, str, str, str]] = []
        guarantee = JOB_GUARANTEE_OFFERS.get(occupation)
        if guarantee and left["job_guarantee"] > 0 and rng.random() < JOB_GUARANTEE_SHARE:
            title = self.catalogue.by_key[guarantee].title
            started = {Activity.Status.IN_PROGRESS, Activity.Status.DONE}
            if not any(a.title == title and a.status in started for a in self.plans.activities):
                found.append(("job_guarantee", guarantee, missing, "job_guarantee"))
        # E5: someone below B1 without a placement is refused the placement (B1) and the B1 course (placement).
        below_b1 = level is not None and level.rank < Cefr.B1.rank and not placed
        if occupation in plan_texts.HEALTH_TRACKS and below_b1 and left["norwegian_b1"] > 0:
            found.append(("norwegian_b1", "helsehus", missing, "norwegian:b1"))
        if below_b1 and level is Cefr.A2 and left["active_placement"] > 0:
            found.append(("active_placement", "norsk_b1", missing, "active_placement"))
        if found:
            return found
        draw = rng.random()
        for quota, key, reason, below in OTHER_REFUSALS:
            if draw < below and left[quota] > 0:
                return [(quota, key, reason, "")]
        return []

    # -- changes the providers asked for ----------------------------------------------------------------

    def provider_changes(self) -> None:
        for participation in self.participations:
            starts, ends = participation.starts_on, participation.ends_on
            if starts is None:
                continue
            if participation.status == STATUS.PARTICIPATING and self.rng.random() < CHANGE_SHARE:
                self._change(participation, starts)
            elif participation.reason == REASON.DID_NOT_ATTEND and ends is not None and self.rng.random() < 0.5:
                self._ended_by_provider(participation, starts, ends)

    def _change(self, participation: Participation, starts: datetime.date) -> None:
        rng, today = self.rng, self.today
        offer = self.catalogue.by_id[participation.offer_id]
        kind = rng.choices((CHANGE.Kind.DATES, CHANGE.Kind.HOURS, CHANGE.Kind.END), weights=(45, 35, 20))[0]
        status = rng.choices(list(CHANGE.Status), weights=(45, 30, 25))[0]
        if status == CHANGE.Status.APPROVED and kind != CHANGE.Kind.DATES:
            status = CHANGE.Status.PROPOSED  # an approved change of hours or an end would show in the plan
        earliest = max(starts, today - datetime.timedelta(days=60))
        registered = workday(earliest + datetime.timedelta(days=rng.randint(0, (today - earliest).days)), today)
        registered = max(registered, starts)
        decided = registered + datetime.timedelta(days=rng.randint(1, 7))
        if decided > today:
            status = CHANGE.Status.PROPOSED
        change = ProviderChange(
            id=new_uuid(rng),
            participation_id=participation.pk,
            kind=kind,
            explanation=rng.choice(EXPLANATIONS[kind]),
            proposed_by=self.catalogue.contacts[offer.provider.pk],
            registered_by_id=self.counsellor.pk,
            registered_at=at(rng, registered, from_hour=8, to_hour=12),
            status=status,
        )
        ends = participation.ends_on or starts + datetime.timedelta(weeks=offer.length_weeks)
        if kind == CHANGE.Kind.DATES:
            later = ends + datetime.timedelta(weeks=rng.randint(2, 8))
            change.ends_on = ends if status == CHANGE.Status.APPROVED else later  # an approved one is in place
        elif kind == CHANGE.Kind.HOURS:
            step = Decimal("7.5") if offer.hours_per_week <= Decimal("15") else Decimal("-7.5")
            change.hours_per_week = offer.hours_per_week + step
        else:
            change.end_reason = rng.choice((REASON.DID_NOT_ATTEND, REASON.NOT_SUITABLE, REASON.ILL))
        if status != CHANGE.Status.PROPOSED:
            change.decided_by_id = self.counsellor.pk
            change.decided_at = at(rng, decided, from_hour=12, to_hour=16)
            notes = APPROVE_NOTES if status == CHANGE.Status.APPROVED else REJECT_NOTES
            change.decision_note = rng.choice(notes)
        self.changes.append(change)

    def _ended_by_provider(self, participation: Participation, starts: datetime.date, ends: datetime.date) -> None:
        """The provider reported that the participant stopped coming, and the counsellor ended it."""
        rng = self.rng
        offer = self.catalogue.by_id[participation.offer_id]
        registered = max(starts, ends - datetime.timedelta(days=rng.randint(3, 10)))
        self.changes.append(
            ProviderChange(
                id=new_uuid(rng),
                participation_id=participation.pk,
                kind=CHANGE.Kind.END,
                end_reason=REASON.DID_NOT_ATTEND,
                explanation=EXPLANATIONS[CHANGE.Kind.END][0],
                proposed_by=self.catalogue.contacts[offer.provider.pk],
                registered_by_id=self.counsellor.pk,
                registered_at=at(rng, registered, from_hour=8, to_hour=12),
                status=CHANGE.Status.APPROVED,
                decided_by_id=self.counsellor.pk,
                decided_at=at(rng, ends, from_hour=12, to_hour=16),
                decision_note=APPROVE_NOTES[1],
            )
        )
