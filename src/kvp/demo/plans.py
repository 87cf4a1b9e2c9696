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
from typing import Any

from kvp.accounts.models import User
from kvp.demo import plan_texts
from kvp.demo.gardener import Persona
from kvp.demo.history import ASSESSED, EXTENDED, GRANTED, STARTED, History, workday
from kvp.demo.mappings import GAPS_SHARE, GAPS_SHARE_OTHERWISE, PARTIAL_SHARE, MappingBuilder, Profile, step_level
from kvp.demo.people import Person
from kvp.demo.plan_proposals import PlanProposals
from kvp.demo.plan_specs import (
    DAY_HOURS,
    EXTRA_SHARE,
    EXTRAS,
    FLAW_SHARE,
    WORK_PLACEMENT_KINDS,
    ActivitySpec,
    Agreement,
    Closing,
    Flaw,
    GoalSpec,
    PlanRows,
    Quotas,
    decimal_hours,
    monday_after,
)
from kvp.demo.plan_texts import ProposalIdea
from kvp.demo.plan_versions import PlanVersions
from kvp.demo.story import COMPLETED, new_uuid
from kvp.demo.texts import CEFR_LEVELS
from kvp.demo.tracks import Course, Placement
from kvp.participants.models import Participant
from kvp.plans.models import Mapping, Origin, Proposal
from kvp.programme.models import Case
from kvp.rules.case_status import CaseStatus
from kvp.rules.measures import MeasureType
from kvp.rules.skills import Cefr, DigitalLevel


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


class PlanBuilder(PlanProposals, PlanVersions):
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

    # -- activities ------------------------------------------------------------------------------------

    def _phases(self) -> list[tuple[datetime.date, datetime.date]]:
        """Two or three phases of the granted period, each new one starting on a Monday."""
        rng, start, end = self.rng, self.start, self.granted_until
        span = (end - start).days
        cuts = [rng.uniform(0.35, 0.5)] if span <= 200 else [rng.uniform(0.25, 0.35), rng.uniform(0.6, 0.7)]
        mondays = [monday_after(start + datetime.timedelta(days=int(span * cut))) for cut in cuts]
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
            for activity in previous.values():  # the extension gives the last phase more time (S1)
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
        hours = decimal_hours(DAY_HOURS * len(weekdays))
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
        starts = monday_after(self.created_on)
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
                hours=decimal_hours("2.0"),
                weekdays=(3,),
                starts_on=starts,
                ends_on=min(self.end, starts + datetime.timedelta(weeks=12)),
                goal=None,
                added_on=self.created_on,
                cancelled_on=max(cancelled, starts),
            )
        )

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


def _take_day(template: list[tuple[str, int]], kind: str) -> None:
    """Give one day of the first slot with three days or more to `kind`."""
    for index, (other, days) in enumerate(template):
        if days >= 3:
            template[index] = (other, days - 1)
            template.append((kind, 1))
            return
