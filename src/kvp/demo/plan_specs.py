"""The parts of a demo plan while it is drawn: goals and activities with their histories, and the office's quotas.

Shared by the plan builder (kvp.demo.plans), its proposals (kvp.demo.plan_proposals) and the versions it writes
(kvp.demo.plan_versions).
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Mapping as Mapping_
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from kvp.accounts.models import User
from kvp.demo import tracks
from kvp.demo.history import History
from kvp.demo.mappings import Profile
from kvp.demo.plan_texts import ProposalIdea
from kvp.demo.story import new_uuid
from kvp.participants.models import Participant
from kvp.plans.models import Activity, Education, Goal, Mapping, Origin, Plan, PlanVersion, Proposal, WorkExperience
from kvp.programme.models import Case
from kvp.rules.measures import MeasureType

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
    ("Kurs i privatøkonomi", tracks.FRELSESARMEEN, "Budsjett, regninger og skatt.", MeasureType.OTHER),
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


def monday_after(day: datetime.date) -> datetime.date:
    return day + datetime.timedelta(days=7 - day.weekday())


def decimal_hours(value: Decimal | str) -> Decimal:
    return Decimal(value).quantize(TENTH)


OPEN_STATUSES = frozenset({STATUS.PLANNED, STATUS.IN_PROGRESS})


class PlanState:
    """What a plan's builder knows while it draws the plan: shared by the builder (kvp.demo.plans), its
    proposals (kvp.demo.plan_proposals) and its versions (kvp.demo.plan_versions)."""

    rng: random.Random
    today: datetime.date
    participant: Participant
    counsellor: User
    login: User | None
    profile: Profile
    mapping_complete: bool
    history: History
    case: Case
    facts: Mapping_[str, str]
    start: datetime.date
    granted_until: datetime.date
    end: datetime.date
    extended_on: datetime.date | None
    closing: Closing | None
    created_on: datetime.date
    plan_id: UUID
    goals: list[GoalSpec]
    activities: list[ActivitySpec]
    proposals: list[Proposal]
    agreement: Agreement
    flaw: Flaw | None
    used_ideas: set[ProposalIdea]

    def _participant_writer(self) -> User:
        """The participant, if they log in; otherwise the counsellor wrote down what they said."""
        return self.login if self.login is not None else self.counsellor

    def _goal(self, text: str, tag: str, *, on: datetime.date, language: str = "nb", origin: str = "") -> GoalSpec:
        origin = origin or Origin.PARTICIPANT
        writer = self._participant_writer() if origin == Origin.PARTICIPANT else self.counsellor
        goal = GoalSpec(new_uuid(self.rng), text, language, origin, tag, writer, on)
        self.goals.append(goal)
        return goal

    def _goal_for(self, tag: str) -> GoalSpec | None:
        goal = next((goal for goal in self.goals if goal.tag == tag), None)
        if goal is None and tag in {"main", "language", "licence"}:
            goal = self.goals[0]
        return goal
