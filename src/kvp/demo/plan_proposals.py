"""The proposals a demo participant makes to their plan, and the counsellor's answers."""

from __future__ import annotations

import datetime

from kvp.demo import plan_texts
from kvp.demo.history import workday
from kvp.demo.plan_specs import (
    DAYTIME_PLACEMENT_KINDS,
    OPEN_STATUSES,
    PROPOSAL_SHARE,
    ActivitySpec,
    Flaw,
    PlanState,
    Quotas,
    decimal_hours,
    monday_after,
    status_at,
)
from kvp.demo.plan_texts import ActivityText, ProposalIdea
from kvp.demo.story import at, new_uuid
from kvp.plans.models import Mapping, Origin, Proposal
from kvp.rules.measures import MeasureType
from kvp.rules.plan_checks import DEFAULT_PLAN_RULES
from kvp.rules.skills import DigitalLevel


class PlanProposals(PlanState):
    """Draws the proposals of one plan (a part of kvp.demo.plans.PlanBuilder)."""

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
                    if item.kind in DAYTIME_PLACEMENT_KINDS
                    and status_at(item, submitted, self.closing) in OPEN_STATUSES
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
        starts = max(monday_after(on), self.start)
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
            hours=decimal_hours(text.hours),
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
