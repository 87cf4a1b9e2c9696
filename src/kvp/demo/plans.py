"""Mappings and plans for the demo participants: goals, activities, versions, agreement and proposals.

Each participant's mapping and plans are drawn from a random stream of their own (seeded by the
participant's id), so the rest of the demo office is the same with or without them, and the same
seed and `today` give the same plans. Rows are unsaved instances with ids, like kvp.demo.story's.

A plan is laid out at the start meeting for the whole programme period in two or three phases that
fill 37.5 hours a week, training first and practice alongside (E9, E11), with a step that gives a
formal qualification (E3). Later versions record what happened since: activities started or done, an
extension, an accepted proposal. Each version holds the plan as it then was, in the shape of
kvp.plans.snapshot.plan_snapshot, and the latest one holds the plan as seeded. A few running plans have
on purpose what the plan checks warn about (`Flaw`), so the demo shows the warnings.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Mapping as Mapping_
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

from kvp.accounts.models import User
from kvp.demo import plan_texts
from kvp.demo.gardener import Persona
from kvp.demo.history import ASSESSED, EXTENDED, GRANTED, STARTED, History, workday
from kvp.demo.mappings import GAPS_SHARE, GAPS_SHARE_OTHERWISE, PARTIAL_SHARE, MappingBuilder, Profile, step_level
from kvp.demo.people import Person
from kvp.demo.plan_texts import ActivityText, Course, Placement, ProposalIdea
from kvp.demo.story import COMPLETED, at, new_uuid
from kvp.demo.texts import CEFR_LEVELS
from kvp.participants.models import Participant
from kvp.plans.models import Activity, Education, Goal, Mapping, Origin, Plan, PlanVersion, Proposal, WorkExperience
from kvp.programme.models import Case
from kvp.rules.case_status import CaseStatus
from kvp.rules.measures import MeasureType
from kvp.rules.plan_checks import DEFAULT_PLAN_RULES
from kvp.rules.skills import Cefr, DigitalLevel

DAY_HOURS = Decimal("7.5")
TENTH = Decimal("0.1")
MAX_VERSIONS = 4
PROPOSAL_SHARE = 1 / 3  # of running plans with proposals
FLAW_SHARE = 0.35  # of running plans that may get a flaw while the office's quota lasts
EXTRA_SHARE = 0.12  # of started plans with a short extra activity that was later cancelled
STATUS = Activity.Status
# Snapshot keys of the activity fields a version can change (kvp.plans.services.ACTIVITY_FIELDS).
CHANGE_FIELDS = (
    "measure_type", "title", "description", "provider", "hours_per_week", "weekdays", "starts_on", "ends_on",
    "goal", "formal_qualification", "norwegian_needed", "digital_needed", "works_alone", "language_practice",
)  # fmt: skip
DATE_FIELDS = frozenset({"starts_on", "ends_on"})
DAYTIME_PLACEMENT_KINDS = frozenset({"entry", "trade", "loop0", "loop1", "loop2"})
WORK_PLACEMENT_KINDS = DAYTIME_PLACEMENT_KINDS | {"solitary"}
EXTRAS = (
    ("Svømmeopplæring for voksne", "Drammensbadet", "Kurs i gruppe, torsdag ettermiddag.", MeasureType.HEALTH_ACTIVITY),
    ("Kurs i privatøkonomi", plan_texts.FRELSESARMEEN, "Budsjett, regninger og skatt.", MeasureType.OTHER),
)


class Flaw(StrEnum):
    """What the plan checks should find in a few demo plans."""

    UNDER_FULL_TIME = "under_full_time"  # a week under 37.5 hours
    SOLITARY = "solitary"  # a placement where the participant works alone, marked as language practice (E14)
    NORWEGIAN_ABOVE = "norwegian_above"  # an activity needs more Norwegian than the mapping records (E14)
    PRACTICE_LOOP = "practice_loop"  # work practice after work practice, no qualification, no hire (E4)


class Agreement(StrEnum):
    AGREED = "agreed"
    CHANGED = "changed"  # agreed once, changed since
    DRAFT = "draft"


@dataclass
class Quotas:
    """What the office shows on purpose, shared by all participants: overdue proposals and flawed plans."""

    overdue: int
    flaws: dict[Flaw, int]

    @classmethod
    def for_office(cls, participants: int) -> Quotas:
        each = max(2, participants // 60)  # 2 of each in the default demo of 120
        return cls(overdue=each, flaws=dict.fromkeys(Flaw, each))


@dataclass
class PlanRows:
    """One participant's mapping and plans, in foreign-key order."""

    mappings: list[Mapping] = field(default_factory=list)
    work_experience: list[WorkExperience] = field(default_factory=list)
    education: list[Education] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    versions: list[PlanVersion] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)


@dataclass
class GoalSpec:
    id: UUID
    text: str
    language: str
    origin: str
    tag: str  # main, language, licence, digital or general: which activities serve it
    written_by: User  # an instance: a participant's login is saved in the same batch, after this is built
    added_on: datetime.date
    created_at: datetime.datetime | None = None

    @property
    def created(self) -> datetime.datetime:
        if self.created_at is None:
            raise ValueError("created_at is set when the versions are laid out")
        return self.created_at


@dataclass
class ActivitySpec:
    """An activity and its history: when it entered the plan, and a change of end date or a cancellation."""

    id: UUID
    kind: str
    measure_type: str
    title: str
    description: str
    provider: str
    hours: Decimal
    weekdays: tuple[int, ...]
    starts_on: datetime.date
    ends_on: datetime.date
    goal: GoalSpec | None
    added_on: datetime.date
    formal_qualification: str = ""
    norwegian_needed: str = ""
    digital_needed: str = ""
    works_alone: bool = False
    language_practice: bool = False
    origin: str = Origin.COUNSELLOR
    cancelled_on: datetime.date | None = None
    end_changes: list[tuple[datetime.date, datetime.date]] = field(default_factory=list)  # (on, end before)
    created_at: datetime.datetime | None = None

    def ends_at(self, day: datetime.date) -> datetime.date:
        end = self.ends_on
        for changed_on, before in reversed(self.end_changes):
            if day < changed_on:
                end = before
        return end

    def move_end(self, on: datetime.date, new_end: datetime.date) -> None:
        self.end_changes.append((on, self.ends_on))
        self.ends_on = new_end

    @property
    def created(self) -> datetime.datetime:
        if self.created_at is None:
            raise ValueError("created_at is set when the versions are laid out")
        return self.created_at


@dataclass(frozen=True)
class Closing:
    on: datetime.date
    completed: bool  # a completed programme finishes what is going on; otherwise it is cancelled


def status_at(activity: ActivitySpec, day: datetime.date, closing: Closing | None) -> str:
    """The status the counsellor has recorded by `day`: done in the past, in progress now, planned later."""
    if activity.cancelled_on is not None and day >= activity.cancelled_on:
        return STATUS.CANCELLED
    if closing is not None and day >= closing.on:
        going_on = activity.starts_on <= closing.on < activity.ends_on
        if activity.starts_on > closing.on or (going_on and not closing.completed):
            return STATUS.CANCELLED
        return STATUS.DONE
    if day > activity.ends_at(day):
        return STATUS.DONE
    return STATUS.IN_PROGRESS if day >= activity.starts_on else STATUS.PLANNED


def _date(day: datetime.date | None) -> str:
    return day.isoformat() if day else ""


def _monday_after(day: datetime.date) -> datetime.date:
    return day + datetime.timedelta(days=7 - day.weekday())


def _hours(value: Decimal | str) -> Decimal:
    return Decimal(value).quantize(TENTH)


def plan_rows(
    rng: random.Random,
    *,
    today: datetime.date,
    participant: Participant,
    person: Person,
    counsellor: User,
    login: User | None,
    first_login: bool,
    facts: Mapping_[str, str],
    cases: Sequence[tuple[History, Case]],
    quotas: Quotas,
    persona: Persona | None = None,
) -> PlanRows:
    """The mapping and plans of one participant followed by `counsellor`; `cases` oldest first. A `persona`
    (kvp.demo.gardener) gets a complete mapping with what the persona must have."""
    builder = MappingBuilder(
        rng,
        person=person,
        participant=participant,
        counsellor=counsellor,
        login=login,
        facts=facts,
        today=today,
        persona=persona,
    )
    profile = builder.profile()
    rows = PlanRows()
    current = cases[-1][0]
    assessed = [day for history, _case in cases if (day := history.on(ASSESSED)) is not None]
    complete = False
    if assessed:
        share = GAPS_SHARE.get(current.status, GAPS_SHARE_OTHERWISE)
        gaps = rng.random() < share and persona is None
        mapped = builder.rows(profile, on=max(assessed), parts="gaps" if gaps else "complete")
    elif current.status is CaseStatus.APPLIED and rng.random() < PARTIAL_SHARE:
        days = rng.randint(0, min(14, (today - current.applied_on).days))
        on = workday(current.applied_on + datetime.timedelta(days=days), today)
        mapped = builder.rows(profile, on=on, parts="partial")
    else:
        return rows
    complete = mapped.complete
    rows.mappings.append(mapped.mapping)
    rows.work_experience += mapped.work_experience
    rows.education += mapped.education
    for history, case in cases:
        if history.on(GRANTED) is None:
            continue
        plan = PlanBuilder(
            rng,
            today=today,
            participant=participant,
            counsellor=counsellor,
            login=login,
            profile=profile,
            mapping_complete=complete,
            history=history,
            case=case,
            facts=facts,
        )
        plan.build(quotas, running=history is current and history.status in STARTED, first_login=first_login)
        plan.write(rows)
    return rows


class PlanBuilder:
    """The plan of one case, built as specs with their histories and then written as rows."""

    def __init__(
        self,
        rng: random.Random,
        *,
        today: datetime.date,
        participant: Participant,
        counsellor: User,
        login: User | None,
        profile: Profile,
        mapping_complete: bool,
        history: History,
        case: Case,
        facts: Mapping_[str, str],
    ) -> None:
        if not (history.planned_start and history.granted_until and history.ends_on and history.decided_on):
            raise ValueError("a plan needs a granted case")
        self.rng = rng
        self.today = today
        self.participant = participant
        self.counsellor = counsellor
        self.login = login
        self.profile = profile
        self.mapping_complete = mapping_complete
        self.history = history
        self.case = case
        self.facts = facts
        self.start = history.starts_on or history.planned_start
        self.granted_until = history.granted_until
        self.end = history.ends_on
        self.extended_on = history.on(EXTENDED)
        ended = history.ended_on
        self.closing = Closing(ended, history.end_reason in COMPLETED) if ended else None
        if history.starts_on is not None:
            self.created_on = history.starts_on  # made together in the start meeting (E1)
        else:
            latest = min(today, ended or today)
            self.created_on = workday(
                history.decided_on + datetime.timedelta(days=rng.randint(0, (latest - history.decided_on).days)), today
            )
        self.plan_id = new_uuid(rng)
        self.goals: list[GoalSpec] = []
        self.activities: list[ActivitySpec] = []
        self.proposals: list[Proposal] = []
        self.agreement = Agreement.AGREED
        self.flaw: Flaw | None = None
        self.used_ideas: set[ProposalIdea] = set()

    # -- goals -----------------------------------------------------------------------------------------

    def _participant_writer(self) -> User:
        """The participant, if they log in; otherwise the counsellor wrote down what they said."""
        return self.login if self.login is not None else self.counsellor

    def _goal(self, text: str, tag: str, *, on: datetime.date, language: str = "nb", origin: str = "") -> GoalSpec:
        origin = origin or Origin.PARTICIPANT
        writer = self._participant_writer() if origin == Origin.PARTICIPANT else self.counsellor
        goal = GoalSpec(new_uuid(self.rng), text, language, origin, tag, writer, on)
        self.goals.append(goal)
        return goal

    def _draw_goals(self) -> None:
        rng, profile, track = self.rng, self.profile, self.profile.track
        on = self.created_on
        self._goal(track.goal_again if profile.trade_years is not None else track.goal_new, "main", on=on)
        pool: list[tuple[str, str]] = []
        if profile.learner:
            pool.append(("language", rng.choice(plan_texts.LANGUAGE_GOALS)))
        no_licence = profile.licence in {Mapping.DrivingLicence.NONE, Mapping.DrivingLicence.LEARNING}
        if no_licence and track.occupation != "bussjåfør":
            pool.append(("licence", plan_texts.LICENCE_GOAL))
        if profile.digital.rank <= DigitalLevel.BASIC.rank:
            pool.append(("digital", plan_texts.DIGITAL_GOAL))
        pool.append(("general", rng.choice(plan_texts.GENERAL_GOALS)))
        count = rng.choices((0, 1, 2), weights=(35, 45, 20))[0]
        for tag, text in rng.sample(pool, min(count, len(pool))):
            self._goal(text, tag, on=on)
        if profile.writes_own and len(self.goals) < 3 and rng.random() < 0.5:
            words = plan_texts.OWN_WORDS[profile.own_language]
            self._goal(words.goal, "general", on=on, language=profile.own_language)
        if len(self.goals) < 3 and rng.random() < 0.12:
            self._goal(rng.choice(plan_texts.COUNSELLOR_GOALS), "main", on=on, origin=Origin.COUNSELLOR)

    def _goal_for(self, tag: str) -> GoalSpec | None:
        goal = next((goal for goal in self.goals if goal.tag == tag), None)
        if goal is None and tag in {"main", "language", "licence"}:
            goal = self.goals[0]
        return goal

    # -- activities ------------------------------------------------------------------------------------

    def _phases(self) -> list[tuple[datetime.date, datetime.date]]:
        """Two or three phases of the granted period, each new one starting on a Monday."""
        rng, start, end = self.rng, self.start, self.granted_until
        span = (end - start).days
        cuts = [rng.uniform(0.35, 0.5)] if span <= 200 else [rng.uniform(0.25, 0.35), rng.uniform(0.6, 0.7)]
        mondays = [_monday_after(start + datetime.timedelta(days=int(span * cut))) for cut in cuts]
        firsts = [start, *mondays]
        lasts = [monday - datetime.timedelta(days=3) for monday in mondays] + [end]
        return list(zip(firsts, lasts, strict=True))

    def _templates(self, phases: int) -> list[list[tuple[str, int]]]:
        """(kind, days a week) per phase."""
        profile = self.profile
        if self.flaw is Flaw.PRACTICE_LOOP:
            second = "vocational" if profile.learner else "job"
            return [[(f"loop{number}", 3), (second, 2)] for number in range(phases)]
        if profile.learner and profile.speaking.rank <= Cefr.A1.rank:
            first = [("norwegian", 3), ("entry", 2)]
            middle = [("vocational", 2), ("trade", 3)]
        elif profile.learner:
            first = [("vocational", 2), ("entry", 3)]
            middle = [("course", 2), ("trade", 3)]
        else:
            first = [(self.rng.choice(("mastery", "job")), 2), ("entry", 3)]
            middle = [("course", 2), ("trade", 3)]
        if phases == 2:
            return [first, [("course", 2), ("trade", 3)]]
        last = [("course", 2), ("trade", 3)] if middle[0][0] != "course" else [("wage", 4), ("job", 1)]
        return [first, middle, last]

    def _adjust(
        self, templates: list[list[tuple[str, int]]], phases: list[tuple[datetime.date, datetime.date]]
    ) -> None:
        """A day for digital skills, driving or health where the person needs it; a flaw where there is one."""
        rng, profile = self.rng, self.profile
        if self.flaw is not Flaw.PRACTICE_LOOP:
            if profile.digital is DigitalLevel.NONE:
                _take_day(templates[0], "digital")
            elif "health" in profile.matters:
                _take_day(templates[0], "health")
            licences = Mapping.DrivingLicence
            if (
                profile.licence in {licences.NONE, licences.LEARNING}
                and profile.track.occupation != "bussjåfør"
                and rng.random() < 0.3
            ):
                _take_day(templates[-1], "driving")
        now = next((index for index, (_first, last) in enumerate(phases) if last >= self.today), len(phases) - 1)
        if self.flaw is Flaw.UNDER_FULL_TIME:
            for template in templates[now:]:
                kind, days = max(template, key=lambda slot: slot[1])
                template[template.index((kind, days))] = (kind, days - 1)
        elif self.flaw is Flaw.SOLITARY:
            slots = [
                (template, index)
                for template in templates[now:]
                for index, (kind, _days) in enumerate(template)
                if kind in WORK_PLACEMENT_KINDS
            ]
            if not slots:
                self.flaw = None
                return
            template, index = slots[0]
            template[index] = ("solitary", template[index][1])

    def _lay_out(self) -> None:
        phases = self._phases()
        if self.flaw is Flaw.PRACTICE_LOOP and (len(phases) < 2 or phases[1][0] > self.today):
            self.flaw = None
        templates = self._templates(len(phases))
        self._adjust(templates, phases)
        loop = self.rng.sample(plan_texts.LOOP_PLACEMENTS, 3)
        previous: dict[tuple[str, tuple[int, ...]], ActivitySpec] = {}
        for (first, last), template in zip(phases, templates, strict=True):
            current: dict[tuple[str, tuple[int, ...]], ActivitySpec] = {}
            weekday = 0
            for kind, days in template:
                weekdays = tuple(range(weekday, weekday + days))
                weekday += days
                key = (kind, weekdays)
                if key in previous:  # the same activity goes on into the next phase
                    activity = previous[key]
                    activity.ends_on = last
                else:
                    activity = self._activity(kind, weekdays, first, last, loop)
                    self.activities.append(activity)
                current[key] = activity
            previous = current
        if self.extended_on is not None and self.end > self.granted_until:
            for activity in previous.values():  # the extension gives the last phase more time (§ 33)
                activity.move_end(self.extended_on, self.end)
        if self.flaw is Flaw.NORWEGIAN_ABOVE:
            self._norwegian_above()

    def _close(self) -> None:
        """A completed programme ends what is going on the day it ends (the rest is cancelled, see status_at)."""
        closing = self.closing
        if closing is None or not closing.completed:
            return
        for activity in self.activities:
            if activity.cancelled_on is None and activity.starts_on <= closing.on < activity.ends_on:
                activity.move_end(closing.on, closing.on)

    def _activity(
        self,
        kind: str,
        weekdays: tuple[int, ...],
        first: datetime.date,
        last: datetime.date,
        loop: list[Placement],
    ) -> ActivitySpec:
        rng, profile, track = self.rng, self.profile, self.profile.track
        hours = _hours(DAY_HOURS * len(weekdays))
        language_practice = profile.learner and rng.random() < 0.5
        common: dict[str, Any] = {
            "kind": kind, "hours": hours, "weekdays": weekdays, "starts_on": first, "ends_on": last,
            "added_on": self.created_on,
        }  # fmt: skip
        if kind == "entry" and self._no_health_placement():
            return self._course(plan_texts.HEALTH_NORWEGIAN, "language", "", **common)
        if kind == "entry":
            return self._placement(track.entry, "main", language_practice=language_practice, **common)
        if kind == "trade":
            trade = Placement(
                track.trade_title, self.facts["workplace"], track.trade_description, track.trade_norwegian
            )
            return self._placement(trade, "main", language_practice=language_practice, **common)
        if kind.startswith("loop"):
            return self._placement(loop[int(kind[-1])], "main", language_practice=language_practice, **common)
        if kind == "solitary":
            return self._placement(plan_texts.SOLITARY, "main", works_alone=True, language_practice=True, **common)
        if kind == "job":
            placement = plan_texts.JOB_SEEKING
            return self._placement(placement, "main", measure_type=MeasureType.JOB_SEEKING, **common)
        if kind == "wage":
            title = plan_texts.WAGE_SUBSIDY_TITLE.format(occupation=track.occupation)
            wage = Placement(title, self.facts["workplace"], plan_texts.WAGE_SUBSIDY_DESCRIPTION)
            return self._placement(wage, "main", measure_type=MeasureType.WAGE_SUBSIDY, **common)
        if kind == "norwegian":
            return self._course(plan_texts.NORWEGIAN_COURSE, "language", f"Norskprøven {profile.next_test}", **common)
        if kind == "vocational":
            test = rng.random() < 0.3 and self.flaw is not Flaw.PRACTICE_LOOP
            after_course = any(activity.kind == "norwegian" for activity in self.activities)
            level = CEFR_LEVELS[min(CEFR_LEVELS.index(profile.next_test) + after_course, len(CEFR_LEVELS) - 1)]
            formal = f"Norskprøven {level}" if test else ""
            return self._course(plan_texts.VOCATIONAL_NORWEGIAN, "language", formal, **common)
        course = {
            "course": track.course,
            "mastery": plan_texts.MASTERY,
            "digital": plan_texts.DIGITAL,
            "driving": plan_texts.DRIVING,
            "health": plan_texts.HEALTH,
        }[kind]
        tag = {"digital": "digital", "driving": "licence", "health": "general"}.get(kind, "main")
        return self._course(course, tag, course.formal_qualification, **common)

    def _no_health_placement(self) -> bool:
        """E5: the municipality's placements in health care need B1, which a learner below B1 does not have."""
        profile = self.profile
        health = profile.track.occupation in plan_texts.HEALTH_TRACKS
        return profile.learner and health and profile.lowest.rank < Cefr.B1.rank

    def _fits(self, needed: str) -> str:
        """The Norwegian an activity asks for, when the person has it; otherwise the plan chose one that fits."""
        return needed if needed and Cefr(needed).rank <= self.profile.lowest.rank else ""

    def _placement(
        self,
        placement: Placement,
        tag: str,
        *,
        measure_type: MeasureType = MeasureType.WORK_PRACTICE,
        works_alone: bool = False,
        language_practice: bool = False,
        **common: Any,
    ) -> ActivitySpec:
        digital = placement.digital_needed
        if digital and DigitalLevel(digital).rank > self.profile.digital.rank:
            digital = ""
        return ActivitySpec(
            id=new_uuid(self.rng),
            measure_type=measure_type,
            title=placement.title,
            description=placement.description,
            provider=placement.provider,
            goal=self._goal_for(tag),
            norwegian_needed=self._fits(placement.norwegian_needed),
            digital_needed=digital,
            works_alone=works_alone,
            language_practice=language_practice,
            **common,
        )

    def _course(self, course: Course, tag: str, formal: str, **common: Any) -> ActivitySpec:
        return ActivitySpec(
            id=new_uuid(self.rng),
            measure_type=course.measure_type,
            title=course.title,
            description=course.description,
            provider=course.provider,
            goal=self._goal_for(tag),
            formal_qualification=formal,
            norwegian_needed=self._fits(course.norwegian_needed),
            **common,
        )

    def _norwegian_above(self) -> None:
        """A placement or course ahead that asks for two levels more than the weakest skill recorded."""
        ahead = [
            activity
            for activity in self.activities
            if activity.ends_on >= self.today
            and activity.measure_type
            in {MeasureType.WORK_PRACTICE, MeasureType.TRADE_CERTIFICATE, MeasureType.LABOUR_MARKET_COURSE}
        ]
        if not ahead:
            self.flaw = None
            return
        ahead[-1].norwegian_needed = step_level(self.profile.lowest, 2).value

    def _extra(self) -> None:
        """A short extra activity that was cancelled after a while (the course was called off)."""
        if self.history.starts_on is None or (self.today - self.created_on).days < 45:
            return
        rng = self.rng
        title, provider, description, measure_type = rng.choice(EXTRAS)
        starts = _monday_after(self.created_on)
        latest = min(self.today, self.closing.on if self.closing else self.today)
        if (latest - starts).days < 10:
            return
        cancelled = workday(starts + datetime.timedelta(days=rng.randint(7, (latest - starts).days)), self.today)
        self.activities.append(
            ActivitySpec(
                id=new_uuid(rng),
                kind="extra",
                measure_type=measure_type,
                title=title,
                description=description,
                provider=provider,
                hours=_hours("2.0"),
                weekdays=(3,),
                starts_on=starts,
                ends_on=min(self.end, starts + datetime.timedelta(weeks=12)),
                goal=None,
                added_on=self.created_on,
                cancelled_on=max(cancelled, starts),
            )
        )

    # -- proposals -------------------------------------------------------------------------------------

    def _ideas(self, *, change: bool) -> list[ProposalIdea]:
        profile, licences = self.profile, Mapping.DrivingLicence
        found = []
        for idea in plan_texts.PROPOSALS:
            kind = idea.measure_type
            if (idea.becomes is None) != change:
                continue
            if kind is MeasureType.DRIVING_LICENCE and (
                profile.licence not in {licences.NONE, licences.LEARNING, licences.FOREIGN}
                or profile.track.occupation == "bussjåfør"
            ):
                continue
            if kind is MeasureType.OWN_ACTIVITY and not profile.learner:
                continue
            if kind is MeasureType.LABOUR_MARKET_COURSE and "Truck" in profile.track.course.formal_qualification:
                continue
            if kind is MeasureType.DIGITAL_SKILLS and profile.digital.rank > DigitalLevel.BASIC.rank:
                continue
            if kind is MeasureType.TRADE_CERTIFICATE or idea in self.used_ideas:
                continue  # the trade certificate only in a practice loop, see _proposals
            if change and "Norskkurset" in idea.declines[0] and not profile.learner:
                continue
            found.append(idea)
        return found

    def _proposals(self, quotas: Quotas, *, login: bool, first_login: bool) -> None:
        rng = self.rng
        wanted: list[str] = []  # "answered" or "open" or "any"
        if login:
            wanted = ["answered", *(["any"] if rng.random() < 0.4 else [])]
            if first_login:
                wanted.append("open")
        elif rng.random() < PROPOSAL_SHARE:
            wanted = ["any"] * rng.choices((1, 2), weights=(65, 35))[0]
        if self.flaw is Flaw.PRACTICE_LOOP and self.profile.trade_years is not None:
            idea = next(idea for idea in plan_texts.PROPOSALS if idea.measure_type is MeasureType.TRADE_CERTIFICATE)
            self._proposal(idea, "open", quotas, on_time=False)
        accepted = False
        for want in wanted:
            status = want
            if want == "any":
                status = rng.choices(("accepted", "with_changes", "declined", "open"), weights=(40, 10, 25, 25))[0]
            elif want == "answered":
                status = rng.choices(("accepted", "with_changes", "declined"), weights=(50, 15, 35))[0]
            if accepted and status in {"accepted", "with_changes"}:
                status = "declined"
            change = status in {"declined", "open"} and rng.random() < 0.3
            on_time = first_login and want == "open"
            proposal = None
            for ideas in (self._ideas(change=change), self._ideas(change=False)):
                if ideas and proposal is None:  # a change needs an activity going on to change
                    proposal = self._proposal(rng.choice(ideas), status, quotas, on_time=on_time)
            accepted = accepted or (proposal is not None and proposal.resulting_activity_id is not None)

    def _proposal(self, idea: ProposalIdea, status: str, quotas: Quotas, *, on_time: bool) -> Proposal | None:
        """A proposal and its answer (None: a change proposal and nothing going on to change)."""
        self.used_ideas.add(idea)
        rng, today, created = self.rng, self.today, self.created_on
        answered = status != "open"
        if answered:
            latest = max(created, today - datetime.timedelta(days=2))
            earliest = min(latest, created + datetime.timedelta(days=7))
            submitted = earliest + datetime.timedelta(days=rng.randint(0, (latest - earliest).days))
        elif not on_time and quotas.overdue > 0 and (today - created).days >= 16:
            quotas.overdue -= 1
            submitted = max(created, today - datetime.timedelta(days=rng.randint(15, 25)))
        else:
            submitted = max(created, today - datetime.timedelta(days=rng.randint(0, 10)))
        submitted = workday(submitted, today)
        submitted = max(submitted, created)
        submitted_at = at(rng, submitted, from_hour=8, to_hour=12)
        activity: ActivitySpec | None = None
        if idea.becomes is None:
            activity = next(
                (
                    item
                    for item in self.activities
                    if item.kind in DAYTIME_PLACEMENT_KINDS and status_at(item, submitted, self.closing) in _OPEN
                ),
                None,
            )
            if activity is None:
                return None
        text, language = idea.text, "nb"
        if idea.own_language and self.profile.writes_own and rng.random() < 0.6:
            text, language = plan_texts.OWN_WORDS[self.profile.own_language].proposal, self.profile.own_language
        proposal = Proposal(
            id=new_uuid(rng),
            plan_id=self.plan_id,
            kind=Proposal.Kind.CHANGE if activity else Proposal.Kind.NEW_ACTIVITY,
            activity_id=activity.id if activity else None,
            measure_type=activity.measure_type if activity else idea.measure_type,
            text=text,
            language=language,
            submitted_by=self._participant_writer(),
            submitted_at=submitted_at,
            answer_due=submitted + datetime.timedelta(days=DEFAULT_PLAN_RULES.proposal_answer_days),
        )
        self.proposals.append(proposal)
        if not answered:
            return proposal
        answered_on = min(today, submitted + datetime.timedelta(days=rng.randint(1, 12)))
        answered_on = max(submitted, workday(answered_on, today))
        proposal.answered_at = max(at(rng, answered_on, from_hour=12, to_hour=16), submitted_at)
        proposal.answered_by_id = self.counsellor.pk
        proposal.version = 2
        month = plan_texts.MONTHS[(answered_on.month + rng.randint(0, 1)) % 12]
        resulting = None
        if status != "declined" and idea.becomes is not None:
            resulting = self._from_proposal(idea.becomes, idea.measure_type, answered_on)
        if resulting is None:
            proposal.status = Proposal.Status.DECLINED
            proposal.answer = rng.choice(idea.declines).format(month=month)
            return proposal
        proposal.resulting_activity_id = resulting.id
        if status == "with_changes" and idea.with_changes:
            proposal.status = Proposal.Status.ACCEPTED_WITH_CHANGES
            proposal.answer = idea.with_changes
        else:
            proposal.status = Proposal.Status.ACCEPTED
            proposal.answer = rng.choice(plan_texts.ACCEPTED_ANSWERS)
        return proposal

    def _from_proposal(self, text: ActivityText, measure_type: MeasureType, on: datetime.date) -> ActivitySpec | None:
        starts = max(_monday_after(on), self.start)
        if starts > self.end:
            return None
        tag = {
            MeasureType.DRIVING_LICENCE: "licence",
            MeasureType.OWN_ACTIVITY: "language",
            MeasureType.DIGITAL_SKILLS: "digital",
        }.get(measure_type, "general")
        activity = ActivitySpec(
            id=new_uuid(self.rng),
            kind="proposal",
            measure_type=measure_type,
            title=text.title,
            description=text.description,
            provider=text.provider,
            hours=_hours(text.hours),
            weekdays=text.weekdays,
            starts_on=starts,
            ends_on=min(self.end, starts + datetime.timedelta(weeks=text.weeks, days=-3)),
            goal=self._goal_for(tag),
            added_on=on,
            formal_qualification=text.formal_qualification,
            origin=Origin.PARTICIPANT,
        )
        self.activities.append(activity)
        return activity

    # -- the whole plan --------------------------------------------------------------------------------

    def build(self, quotas: Quotas, *, running: bool, first_login: bool) -> None:
        rng = self.rng
        status = self.history.status
        if running and self.login is None and rng.random() < FLAW_SHARE:
            self.flaw = self._draw_flaw(quotas)
        self._draw_goals()
        self._lay_out()
        if self.flaw is not None:
            quotas.flaws[self.flaw] -= 1
        if rng.random() < EXTRA_SHARE:
            self._extra()
        if self.history.ended_on is None and (running or self.login is not None):
            self._proposals(quotas, login=self.login is not None, first_login=first_login)
        self._close()
        if status in STARTED:
            self.agreement = rng.choices(list(Agreement), weights=(75, 13, 12))[0]
        elif status is GRANTED:
            self.agreement = rng.choices(list(Agreement), weights=(45, 0, 55))[0]
        elif self.history.starts_on is None:
            self.agreement = Agreement.DRAFT
        else:
            self.agreement = rng.choices(list(Agreement), weights=(90, 0, 10))[0]
        if self.agreement is Agreement.CHANGED and not any(a.added_on > self.created_on for a in self.activities):
            if self.created_on >= self.today:
                self.agreement = Agreement.AGREED
            else:  # the participant added a goal since the plan was agreed
                earliest = max(self.created_on + datetime.timedelta(days=1), self.today - datetime.timedelta(days=20))
                on = workday(
                    earliest + datetime.timedelta(days=rng.randint(0, (self.today - earliest).days)), self.today
                )
                written = {goal.text for goal in self.goals}
                options = [text for text in plan_texts.RECENT_GOALS if text not in written]
                if not self.profile.learner:
                    options = [text for text in options if "Norsk" not in text]
                self._goal(rng.choice(options), "general", on=max(on, earliest))

    def _draw_flaw(self, quotas: Quotas) -> Flaw | None:
        """The flaw that fits the fewest plans first, while the office's quota for it lasts."""
        profile = self.profile
        eligible = []
        if profile.learner and self.mapping_complete and profile.lowest.rank <= Cefr.A2.rank:
            eligible.append(Flaw.NORWEGIAN_ABOVE)
        if profile.learner:
            eligible.append(Flaw.SOLITARY)
        if profile.trade_years is not None:  # E4: years in a trade, and one placement after another
            eligible.append(Flaw.PRACTICE_LOOP)
        eligible.append(Flaw.UNDER_FULL_TIME)
        return next((flaw for flaw in eligible if quotas.flaws[flaw] > 0), None)

    def _version_days(self) -> list[datetime.date]:
        first, closing = self.created_on, self.closing
        structural = {goal.added_on for goal in self.goals} | {activity.added_on for activity in self.activities}
        structural |= {changed_on for a in self.activities for changed_on, _end in a.end_changes}
        structural |= {a.cancelled_on for a in self.activities if a.cancelled_on is not None}
        if closing is not None:
            structural.add(closing.on)
        structural.discard(first)
        bound = closing.on - datetime.timedelta(days=1) if closing else self.today
        moves = {  # days the counsellor could record a new status: an activity started or ended
            day
            for activity in self.activities
            for day in (activity.starts_on, activity.ends_on + datetime.timedelta(days=1))
            if first < day <= bound
            and activity.added_on < day
            and status_at(activity, day - datetime.timedelta(days=1), closing) != status_at(activity, day, closing)
        }
        days = {first, *structural}
        latest = max(moves, default=first)
        if latest > max(days):
            days.add(latest)
        earlier = sorted(day for day in moves if day < latest and day not in days)
        if earlier and len(days) < MAX_VERSIONS and self.rng.random() < 0.7:  # status recorded on the way
            phase_starts = [day for day in earlier if day.weekday() == 0] or earlier
            days.add(self.rng.choice(phase_starts))
        return sorted(days)

    def _trim(self) -> list[datetime.date]:
        """At most MAX_VERSIONS versions: an extra cancelled activity gives way first."""
        days = self._version_days()
        if len(days) > MAX_VERSIONS:
            self.activities = [activity for activity in self.activities if activity.kind != "extra"]
            days = self._version_days()
        return days

    def snapshot(self, number: int, day: datetime.date) -> dict[str, Any]:
        """The plan as it was on `day`, in the shape of kvp.plans.snapshot.plan_snapshot."""
        participant, counsellor = self.participant, self.counsellor
        goals = [goal for goal in self.goals if goal.added_on <= day]
        numbers = {goal.id: index for index, goal in enumerate(goals, start=1)}
        started = self.history.starts_on is not None and day >= self.history.starts_on
        extended = self.extended_on is not None and day >= self.extended_on
        activities = sorted(
            (activity for activity in self.activities if activity.added_on <= day),
            key=lambda activity: (activity.starts_on, activity.created),
        )
        return {
            "version": number,
            "participant": participant.full_name,
            "preferred_language": participant.preferred_language,
            "office": participant.office.name,
            "counsellor": counsellor.get_full_name(),
            "period": {
                "starts_on": _date(self.history.starts_on) if started else "",
                "ends_on": _date(self.end if extended else self.granted_until),
            },
            "goals": [
                {"number": numbers[goal.id], "text": goal.text, "language": goal.language, "origin": goal.origin}
                for goal in goals
            ],
            "activities": [
                {
                    "id": str(activity.id),
                    "measure_type": activity.measure_type,
                    "title": activity.title,
                    "description": activity.description,
                    "provider": activity.provider,
                    "hours_per_week": str(activity.hours),
                    "weekdays": list(activity.weekdays),
                    "starts_on": activity.starts_on.isoformat(),
                    "ends_on": activity.ends_at(day).isoformat(),
                    "goal": numbers.get(activity.goal.id) if activity.goal else None,
                    "formal_qualification": activity.formal_qualification,
                    "norwegian_needed": activity.norwegian_needed,
                    "digital_needed": activity.digital_needed,
                    "works_alone": activity.works_alone,
                    "language_practice": activity.language_practice,
                    "status": status_at(activity, day, self.closing),
                    "origin": activity.origin,
                }
                for activity in activities
            ],
        }

    def write(self, rows: PlanRows) -> None:
        """The plan's rows: versions on the days something changed, confirmed as the agreement says."""
        rng = self.rng
        days = self._trim()
        moments = [at(rng, day, from_hour=9, to_hour=15) for day in days]
        for day, moment in zip(days, moments, strict=True):  # rows added in a version were saved just before it
            goals = [goal for goal in self.goals if goal.added_on == day]
            for number, goal in enumerate(goals):
                goal.created_at = moment - datetime.timedelta(seconds=60 - number)
            activities = [activity for activity in self.activities if activity.added_on == day]
            for number, activity in enumerate(activities, start=len(goals)):
                activity.created_at = moment - datetime.timedelta(seconds=60 - number)
        plan = Plan(
            id=self.plan_id,
            case_id=self.case.pk,
            participant_id=self.participant.pk,
            created_at=moments[0] - datetime.timedelta(minutes=5),
        )
        versions: list[PlanVersion] = []
        previous: dict[str, Any] | None = None
        for day, moment in zip(days, moments, strict=True):
            number = len(versions) + 1
            snapshot = self.snapshot(number, day)
            changes = _changes(previous, snapshot)
            if not changes:
                continue
            content = any(change["what"] in {"goal_added", "activity_added"} for change in changes) or any(
                not set(change.get("fields", [])) <= DATE_FIELDS for change in changes
            )
            version = PlanVersion(
                id=new_uuid(rng),
                plan_id=plan.pk,
                number=number,
                changed_by=self._changed_by(changes, day),
                changed_at=moment,
                changes=changes,
                snapshot=snapshot,
            )
            last_content = not any(later > day for later in self._content_days(days))
            if content:
                self._confirm(version, moment, last=last_content)
            elif versions and plan.agreed_version == versions[-1].number:  # dates and status keep the agreement
                before = versions[-1]
                version.participant_confirmed_at = before.participant_confirmed_at
                version.counsellor_confirmed_at = before.counsellor_confirmed_at
                version.counsellor_confirmed_by_id = before.counsellor_confirmed_by_id
            if version.participant_confirmed_at and version.counsellor_confirmed_at:
                plan.agreed_version = number
            versions.append(version)
            previous = snapshot
        plan.version = len(versions)
        rows.plans.append(plan)
        rows.versions += versions
        rows.goals += [self._goal_row(goal, plan) for goal in self.goals]
        rows.activities += [self._activity_row(activity, plan) for activity in self.activities]
        rows.proposals += self.proposals

    def _content_days(self, days: list[datetime.date]) -> list[datetime.date]:
        added = {goal.added_on for goal in self.goals} | {activity.added_on for activity in self.activities}
        return [day for day in days if day in added]

    def _confirm(self, version: PlanVersion, moment: datetime.datetime, *, last: bool) -> None:
        agreed = self.agreement is Agreement.AGREED or (self.agreement is Agreement.CHANGED and not last)
        participant = counsellor = agreed
        if self.agreement is Agreement.DRAFT and last and self.rng.random() < 0.4:
            participant = self.rng.random() < 0.5
            counsellor = not participant
        if participant:
            version.participant_confirmed_at = moment + datetime.timedelta(minutes=self.rng.randint(5, 40))
        if counsellor:
            version.counsellor_confirmed_at = moment + datetime.timedelta(minutes=self.rng.randint(41, 60))
            version.counsellor_confirmed_by_id = self.counsellor.pk

    def _changed_by(self, changes: list[dict[str, Any]], day: datetime.date) -> User:
        """The participant, for a goal they added themself later on; otherwise the counsellor."""
        goals_only = all(change["what"] == "goal_added" for change in changes)
        if goals_only and day > self.created_on and self.login is not None:
            return self.login
        return self.counsellor

    def _goal_row(self, goal: GoalSpec, plan: Plan) -> Goal:
        return Goal(
            id=goal.id,
            plan_id=plan.pk,
            text=goal.text,
            language=goal.language,
            origin=goal.origin,
            written_by=goal.written_by,
            created_at=goal.created,
        )

    def _activity_row(self, activity: ActivitySpec, plan: Plan) -> Activity:
        return Activity(
            id=activity.id,
            plan_id=plan.pk,
            measure_type=activity.measure_type,
            title=activity.title,
            description=activity.description,
            provider=activity.provider,
            hours_per_week=activity.hours,
            weekdays=list(activity.weekdays),
            starts_on=activity.starts_on,
            ends_on=activity.ends_on,
            goal_id=activity.goal.id if activity.goal else None,
            formal_qualification=activity.formal_qualification,
            norwegian_needed=activity.norwegian_needed,
            digital_needed=activity.digital_needed,
            works_alone=activity.works_alone,
            language_practice=activity.language_practice,
            status=status_at(activity, self.today, self.closing),
            origin=activity.origin,
            created_at=activity.created,
        )


_OPEN = frozenset({STATUS.PLANNED, STATUS.IN_PROGRESS})


def _take_day(template: list[tuple[str, int]], kind: str) -> None:
    """Give one day of the first slot with three days or more to `kind`."""
    for index, (other, days) in enumerate(template):
        if days >= 3:
            template[index] = (other, days - 1)
            template.append((kind, 1))
            return


def _changes(previous: dict[str, Any] | None, snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    """What changed between two snapshots, as kvp.plans.services._record writes it."""
    before_goals = {goal["number"] for goal in previous["goals"]} if previous else set()
    changes: list[dict[str, Any]] = [
        {"what": "goal_added", "title": goal["text"][:80]}
        for goal in snapshot["goals"]
        if goal["number"] not in before_goals
    ]
    before = {row["id"]: row for row in previous["activities"]} if previous else {}
    for row in snapshot["activities"]:
        old = before.get(row["id"])
        if old is None:
            changes.append({"what": "activity_added", "title": row["title"]})
            continue
        fields = [name for name in CHANGE_FIELDS if old[name] != row[name]]
        if fields:
            changes.append({"what": "activity_changed", "title": row["title"], "fields": fields})
        if old["status"] != row["status"]:
            changes.append({"what": "activity_status", "title": row["title"], "status": row["status"]})
    return changes
