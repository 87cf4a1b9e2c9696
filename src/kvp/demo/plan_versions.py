"""The versions of a demo plan, on the days something changed, and the plan's rows as they are today."""

from __future__ import annotations

import datetime
from typing import Any

from kvp.accounts.models import User
from kvp.demo.plan_specs import (
    CHANGE_FIELDS,
    DATE_FIELDS,
    MAX_VERSIONS,
    ActivitySpec,
    Agreement,
    GoalSpec,
    PlanRows,
    PlanState,
    status_at,
)
from kvp.demo.story import at, new_uuid
from kvp.plans.models import Activity, Goal, Plan, PlanVersion
from kvp.plans.snapshot import snapshot_of


class PlanVersions(PlanState):
    """Writes the versions and rows of one plan (a part of kvp.demo.plans.PlanBuilder)."""

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
        """The plan as it was on `day`."""
        started = self.history.starts_on is not None and day >= self.history.starts_on
        extended = self.extended_on is not None and day >= self.extended_on
        activities = sorted(
            (activity for activity in self.activities if activity.added_on <= day),
            key=lambda activity: (activity.starts_on, activity.created),
        )
        return snapshot_of(
            version=number,
            participant=self.participant,
            counsellor=self.counsellor,
            starts_on=self.history.starts_on if started else None,
            ends_on=self.end if extended else self.granted_until,
            goals=[self._goal_row(goal) for goal in self.goals if goal.added_on <= day],
            activities=[
                self._activity_row(
                    activity, ends_on=activity.ends_at(day), status=status_at(activity, day, self.closing)
                )
                for activity in activities
            ],
        )

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
        rows.goals += [self._goal_row(goal) for goal in self.goals]
        rows.activities += [
            self._activity_row(activity, ends_on=activity.ends_on, status=status_at(activity, self.today, self.closing))
            for activity in self.activities
        ]
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

    def _goal_row(self, goal: GoalSpec) -> Goal:
        return Goal(
            id=goal.id,
            plan_id=self.plan_id,
            text=goal.text,
            language=goal.language,
            origin=goal.origin,
            written_by=goal.written_by,
            created_at=goal.created,
        )

    def _activity_row(self, activity: ActivitySpec, *, ends_on: datetime.date, status: str) -> Activity:
        return Activity(
            id=activity.id,
            plan_id=self.plan_id,
            measure_type=activity.measure_type,
            title=activity.title,
            description=activity.description,
            provider=activity.provider,
            hours_per_week=activity.hours,
            weekdays=list(activity.weekdays),
            starts_on=activity.starts_on,
            ends_on=ends_on,
            goal_id=activity.goal.id if activity.goal else None,
            formal_qualification=activity.formal_qualification,
            norwegian_needed=activity.norwegian_needed,
            digital_needed=activity.digital_needed,
            works_alone=activity.works_alone,
            language_practice=activity.language_practice,
            status=status,
            origin=activity.origin,
            created_at=activity.created,
        )


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
