"""Checks of a participant's plan against the law and the mapping (forskrift § 1, S2, S5; E2, E3, E14).

The checks only warn: they never block a plan. Counsellor and participant read the same warnings, so each
message says in plain words what is missing and what to do about it, and never blames the participant.
Messages are English msgids marked with `N_`; the app translates them, translates the values named in
`PlanWarning.labels` and the texts in `PlanWarning.items`, and then formats the message with
`params | labels`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from kvp.rules.dates import add_months
from kvp.rules.duration import halfway_date
from kvp.rules.measures import WORK_DIRECTED, MeasureType
from kvp.rules.skills import DIGITAL_LABELS, SKILL_LABELS, Cefr, DigitalLevel, NorwegianSkill
from kvp.rules.texts import N_

Param = str | int | Decimal | datetime.date  # a value shown in a message

_WEEK = datetime.timedelta(days=7)
MAX_FULL_TIME_HOURS = Decimal(60)  # the most hours per week an activity may have (plans.Activity constraint)


class ActivityStatus(StrEnum):
    INTERESTED = "interested"  # the participant is interested; not yet part of the plan
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


# Activities that are part of the plan: planned, going on, or done.
IN_PLAN = frozenset({ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS, ActivityStatus.DONE})
# Activities still ahead or going on, including those the participant is interested in.
AHEAD = frozenset({ActivityStatus.INTERESTED, ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS})


@dataclass(frozen=True)
class ActivityFacts:
    """One activity of the plan, as the checks need it."""

    title: str
    measure_type: MeasureType
    status: ActivityStatus
    hours_per_week: Decimal
    starts_on: datetime.date
    ends_on: datetime.date
    formal_qualification: bool
    norwegian_needed: Cefr | None = None
    digital_needed: DigitalLevel | None = None
    works_alone: bool = False
    language_practice: bool = False

    def __post_init__(self) -> None:
        if self.ends_on < self.starts_on:
            raise ValueError(f"the activity {self.title!r} ends before it starts")
        if not self.hours_per_week.is_finite() or self.hours_per_week < 0:
            raise ValueError(f"the activity {self.title!r} has a negative or invalid number of hours per week")

    def overlaps(self, first: datetime.date, last: datetime.date) -> bool:
        return self.starts_on <= last and self.ends_on >= first


@dataclass(frozen=True)
class MappingAnswers:
    """What the mapping (kartlegging) has recorded so far (E2, E13, E18)."""

    has_strengths: bool = False
    has_what_matters: bool = False
    work_experience_count: int = 0
    no_work_experience: bool = False
    education_count: int = 0
    no_education: bool = False
    norwegian: Mapping[NorwegianSkill, Cefr] = field(default_factory=dict)  # recorded skills only
    digital: DigitalLevel | None = None
    driving_licence_recorded: bool = False
    accommodations_recorded: bool = False
    learning_difficulty_recorded: bool = False
    learning_assessed_how_recorded: bool = False
    learning_assessment_needed: bool = False  # True when a learning difficulty is suspected or was assessed


class MappingGap(StrEnum):
    STRENGTHS = "strengths"
    WHAT_MATTERS = "what_matters"
    WORK_EXPERIENCE = "work_experience"
    EDUCATION = "education"
    NORWEGIAN = "norwegian"
    DIGITAL = "digital"
    DRIVING_LICENCE = "driving_licence"
    ACCOMMODATIONS = "accommodations"
    LEARNING = "learning"


MAPPING_GAP_LABELS = {
    MappingGap.STRENGTHS: N_("What the participant is good at"),
    MappingGap.WHAT_MATTERS: N_("What matters to the participant"),
    MappingGap.WORK_EXPERIENCE: N_("Work experience, or that there is none yet"),
    MappingGap.EDUCATION: N_("Schooling and education, or that there is none"),
    MappingGap.NORWEGIAN: N_("Norwegian level for all four skills"),
    MappingGap.DIGITAL: N_("Digital skills"),
    MappingGap.DRIVING_LICENCE: N_("Driving licence"),
    MappingGap.ACCOMMODATIONS: N_("Whether the plan must take anything into account, such as health or care duties"),
    MappingGap.LEARNING: N_("Possible learning difficulties, and how they were assessed"),
}


def mapping_gaps(answers: MappingAnswers) -> list[MappingGap]:
    """The parts of the mapping not yet recorded, in MappingGap order (E2, E13, E18)."""
    learning_done = answers.learning_difficulty_recorded and (
        not answers.learning_assessment_needed or answers.learning_assessed_how_recorded
    )
    recorded = {
        MappingGap.STRENGTHS: answers.has_strengths,
        MappingGap.WHAT_MATTERS: answers.has_what_matters,
        MappingGap.WORK_EXPERIENCE: answers.work_experience_count > 0 or answers.no_work_experience,
        MappingGap.EDUCATION: answers.education_count > 0 or answers.no_education,
        MappingGap.NORWEGIAN: all(skill in answers.norwegian for skill in NorwegianSkill),
        MappingGap.DIGITAL: answers.digital is not None,
        MappingGap.DRIVING_LICENCE: answers.driving_licence_recorded,
        MappingGap.ACCOMMODATIONS: answers.accommodations_recorded,
        MappingGap.LEARNING: learning_done,
    }
    return [gap for gap in MappingGap if not recorded[gap]]


@dataclass(frozen=True)
class PlanRules:
    """Parameters an administrator may change."""

    full_time_hours: Decimal = Decimal("37.5")  # forskrift § 1 tredje ledd (S5)
    months_without_qualification: int = 6  # E3; [U] our own default
    proposal_answer_days: int = 14  # § 42; the app's deadline for answering a participant's proposal

    def __post_init__(self) -> None:
        hours = self.full_time_hours
        if not isinstance(hours, Decimal) or not hours.is_finite() or not 0 < hours <= MAX_FULL_TIME_HOURS:
            raise ValueError(f"full-time hours must be more than 0 and at most {MAX_FULL_TIME_HOURS}")
        if isinstance(self.months_without_qualification, bool) or self.months_without_qualification < 1:
            raise ValueError("the months without a formal qualification must be at least 1")
        if isinstance(self.proposal_answer_days, bool) or self.proposal_answer_days < 1:
            raise ValueError("the days to answer a proposal must be at least 1")


DEFAULT_PLAN_RULES = PlanRules()


class Severity(StrEnum):
    WARNING = "warning"  # worth looking at
    PROBLEM = "problem"  # the plan does not meet a legal requirement


class CheckCode(StrEnum):
    FULL_TIME = "full_time"
    WORK_DIRECTED_BY_HALFWAY = "work_directed_by_halfway"
    NO_FORMAL_QUALIFICATION = "no_formal_qualification"
    NORWEGIAN_NEEDED = "norwegian_needed"
    DIGITAL_NEEDED = "digital_needed"
    ALONE_AS_LANGUAGE_PRACTICE = "alone_as_language_practice"
    MAPPING_INCOMPLETE = "mapping_incomplete"


@dataclass(frozen=True)
class PlanWarning:
    """One finding. To show it: translate `message`, each value of `labels` and each of `items`, then
    `message % (params | translated labels)`, and list the translated `items` below it."""

    code: CheckCode
    severity: Severity
    message: str  # an N_ text with %(name)s placeholders
    params: dict[str, Param]  # data values: the app formats numbers and dates for the reader
    labels: dict[str, str]  # N_ texts the app translates before formatting
    source: str  # the legal section or evidence item the check rests on
    activity: str = ""  # the activity's title when the warning is about one activity
    items: tuple[str, ...] = ()  # N_ texts the app translates and lists under the message


@dataclass(frozen=True)
class _Plan:
    activities: Sequence[ActivityFacts]
    mapping: MappingAnswers
    period_start: datetime.date
    period_end: datetime.date
    today: datetime.date
    agreed: bool
    rules: PlanRules

    def in_plan(self) -> list[ActivityFacts]:
        return [activity for activity in self.activities if activity.status in IN_PLAN]

    def ahead(self) -> list[ActivityFacts]:
        return [activity for activity in self.activities if activity.status in AHEAD]


def check_plan(
    *,
    activities: Sequence[ActivityFacts],
    mapping: MappingAnswers,
    period_start: datetime.date,
    period_end: datetime.date,
    today: datetime.date,
    agreed: bool,
    rules: PlanRules = DEFAULT_PLAN_RULES,
) -> list[PlanWarning]:
    """All warnings for a plan covering the programme period [period_start, period_end], as of `today`."""
    if period_end < period_start:
        raise ValueError("the programme period ends before it starts")
    plan = _Plan(activities, mapping, period_start, period_end, today, agreed, rules)
    checks: tuple[Callable[[_Plan], list[PlanWarning]], ...] = (
        _full_time,
        _work_directed_by_halfway,
        _formal_qualification,
        _norwegian_needed,
        _digital_needed,
        _alone_as_language_practice,
        _mapping_incomplete,
    )
    return [warning for check in checks for warning in check(plan)]


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _full_time(plan: _Plan) -> list[PlanWarning]:
    """Full time, 37.5 hours a week, from this week to the end of the period (forskrift § 1 tredje ledd;
    sotjl. § 30). Every kind of activity in the plan counts, paid work, health and own activities too."""
    counted = plan.in_plan()
    short: list[tuple[datetime.date, Decimal]] = []
    monday = _monday(max(plan.period_start, _monday(plan.today)))
    while monday <= plan.period_end:
        sunday = monday + datetime.timedelta(days=6)
        hours = sum((a.hours_per_week for a in counted if a.overlaps(monday, sunday)), Decimal(0))
        if hours < plan.rules.full_time_hours:
            short.append((monday, hours))
        monday += _WEEK
    if not short:
        return []
    first_week, hours = short[0]
    return [
        PlanWarning(
            code=CheckCode.FULL_TIME,
            severity=Severity.WARNING,
            message=N_(
                "Weeks in the plan with fewer than %(required)s hours of activities: %(weeks)s. The first is "
                "the week starting %(first_week)s, with %(hours)s hours. A full-time programme has "
                "%(required)s hours a week, and health activities, own activities and paid work count too. "
                "Add or extend activities so that every week is full."
            ),
            params={
                "weeks": len(short),
                "required": plan.rules.full_time_hours,
                "first_week": first_week,
                "hours": hours,
            },
            labels={},
            source="forskrift § 1 tredje ledd; sotjl. § 30",
        )
    ]


def _work_directed_by_halfway(plan: _Plan) -> list[PlanWarning]:
    """Work-directed measures at the latest at the programme's halfway point (sotjl. § 30; forskrift § 1).
    The halfway point is duration.halfway_date: the later middle day when there are two."""
    halfway = halfway_date(start=plan.period_start, end=plan.period_end)
    if any(a.measure_type in WORK_DIRECTED and a.starts_on <= halfway for a in plan.in_plan()):
        return []
    return [
        PlanWarning(
            code=CheckCode.WORK_DIRECTED_BY_HALFWAY,
            severity=Severity.PROBLEM if plan.today > halfway else Severity.WARNING,
            message=N_(
                "The plan has no work-directed activity, such as work practice, job seeking or vocational "
                "Norwegian, that starts by the middle of the programme (%(halfway)s). The law requires "
                "work-directed activities from the middle of the programme at the latest: agree on one together "
                "and add it to the plan."
            ),
            params={"halfway": halfway},
            labels={},
            source="sotjl. § 30; forskrift § 1",
        )
    ]


def _formal_qualification(plan: _Plan) -> list[PlanWarning]:
    """Flag a plan with no formally qualifying activity after a set time (E3)."""
    months = plan.rules.months_without_qualification
    if plan.today < add_months(plan.period_start, months):
        return []
    if any(a.formal_qualification for a in plan.in_plan()):
        return []
    return [
        PlanWarning(
            code=CheckCode.NO_FORMAL_QUALIFICATION,
            severity=Severity.WARNING,
            message=N_(
                "The programme started at least %(months)s months ago, and no activity in the plan gives a "
                "formal qualification, such as a trade certificate, a driving licence or a Norwegian test "
                "result. Short qualifications with formal value help in getting work: consider adding one."
            ),
            params={"months": months},
            labels={},
            source="E3",
        )
    ]


def _lowest_norwegian(norwegian: Mapping[NorwegianSkill, Cefr]) -> tuple[NorwegianSkill, Cefr] | None:
    """The recorded skill with the lowest level; on a tie, the first in NorwegianSkill order."""
    recorded = [(skill, norwegian[skill]) for skill in NorwegianSkill if skill in norwegian]
    return min(recorded, key=lambda pair: pair[1].rank) if recorded else None


def _norwegian_needed(plan: _Plan) -> list[PlanWarning]:
    """An activity needs more Norwegian than the mapping records (E14). No level recorded at all is left
    to MAPPING_INCOMPLETE."""
    lowest = _lowest_norwegian(plan.mapping.norwegian)
    if lowest is None:
        return []
    skill, level = lowest
    return [
        PlanWarning(
            code=CheckCode.NORWEGIAN_NEEDED,
            severity=Severity.WARNING,
            message=N_(
                "“%(activity)s” needs Norwegian at level %(needed)s, and the mapping records %(level)s in "
                "%(skill)s so far. Plan Norwegian training before or alongside it, or choose an activity "
                "that fits the current level."
            ),
            params={"activity": a.title},
            labels={"needed": a.norwegian_needed.label, "level": level.label, "skill": SKILL_LABELS[skill]},
            source="E14",
            activity=a.title,
        )
        for a in plan.ahead()
        if a.norwegian_needed is not None and level.rank < a.norwegian_needed.rank
    ]


def _digital_needed(plan: _Plan) -> list[PlanWarning]:
    """An activity needs more digital skill than the mapping records (E14). Not recorded is left to
    MAPPING_INCOMPLETE."""
    level = plan.mapping.digital
    if level is None:
        return []
    return [
        PlanWarning(
            code=CheckCode.DIGITAL_NEEDED,
            severity=Severity.WARNING,
            message=N_(
                "“%(activity)s” needs digital skills at the level “%(needed)s”, and the mapping records "
                "“%(level)s”. Plan digital training or help with the digital parts, or choose an activity that fits."
            ),
            params={"activity": a.title},
            labels={"needed": DIGITAL_LABELS[a.digital_needed], "level": DIGITAL_LABELS[level]},
            source="E14",
            activity=a.title,
        )
        for a in plan.ahead()
        if a.digital_needed is not None and level.rank < a.digital_needed.rank
    ]


def _alone_as_language_practice(plan: _Plan) -> list[PlanWarning]:
    """A placement where the participant works alone all day gives little language practice (E14)."""
    return [
        PlanWarning(
            code=CheckCode.ALONE_AS_LANGUAGE_PRACTICE,
            severity=Severity.WARNING,
            message=N_(
                "“%(activity)s” is meant as language practice, but the work there is done mostly alone, "
                "which gives little chance to speak Norwegian. Choose a workplace with colleagues or a "
                "mentor, or combine it with vocational Norwegian."
            ),
            params={"activity": a.title},
            labels={},
            source="E14",
            activity=a.title,
        )
        for a in plan.ahead()
        if a.language_practice and a.works_alone
    ]


def _mapping_incomplete(plan: _Plan) -> list[PlanWarning]:
    """The plan should rest on a complete mapping (E2); once the plan is agreed, this is not repeated."""
    gaps = mapping_gaps(plan.mapping)
    if plan.agreed or not gaps:
        return []
    return [
        PlanWarning(
            code=CheckCode.MAPPING_INCOMPLETE,
            severity=Severity.WARNING,
            message=N_(
                "The mapping is not complete yet; parts missing: %(count)s (listed below). Completing it "
                "helps make the plan fit the participant's resources, experience and goals."
            ),
            params={"count": len(gaps)},
            labels={},
            source="E2",
            items=tuple(MAPPING_GAP_LABELS[gap] for gap in gaps),
        )
    ]
