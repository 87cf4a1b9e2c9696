"""Writes the demo office to the database, in one transaction.

What the office's people do today goes through the services they would use, with the member of staff who
would do it as the actor: the leader keeps the catalogue (kvp.demo.catalogue), counsellors record incidents and
after-care and set their categories, the leader reassigns. Those writes leave the audit events real ones do;
seeding reads no one's data on anyone's behalf, so it leaves no read events.

The participants' histories reach back up to two years, and the services stamp what they write with the
present moment; they are built by kvp.demo.generator as dated rows and take the validated fast path
(kvp.demo.inserts): every row validated, each case's steps checked against the transition rule, then
inserted in batches, which also lets the benchmarks seed offices of up to 100,000 participants.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import models, transaction

from kvp.accounts.models import Office, User
from kvp.catalogue.models import Participation, ProviderChange
from kvp.demo.aftercare import seed_aftercare
from kvp.demo.catalogue import build_catalogue, catalogue_save
from kvp.demo.checkins import seed_checkins
from kvp.demo.generator import (
    PASSWORD,
    ParticipantRows,
    Sizes,
    Staff,
    build_office,
    build_staff,
    participant_rows,
    seeded,
)
from kvp.demo.incidents import seed_incidents
from kvp.demo.inserts import insert_validated, validate_case_steps
from kvp.demo.meetings import seed_meeting_details
from kvp.demo.overview import seed_overview
from kvp.demo.places import OFFICE_NAME, OFFICE_UNIT_NUMBER
from kvp.followup.models import CaseNote, Meeting
from kvp.matching.models import Preference
from kvp.participants.models import Participant
from kvp.plans.models import Activity, Education, Goal, Mapping, Plan, PlanVersion, Proposal, WorkExperience
from kvp.programme.models import Case, CaseEvent, Decision, EligibilityReview

PARTICIPANTS_PER_BATCH = 2000
# Foreign-key order, with the label the summary uses.
INSERT_ORDER: dict[type[models.Model], str] = {
    User: "participant logins",
    Participant: "participants",
    Case: "cases",
    CaseEvent: "case events",
    EligibilityReview: "eligibility reviews",
    Decision: "decisions",
    Meeting: "meetings",
    CaseNote: "case notes",
    Mapping: "mappings",
    WorkExperience: "work experiences",
    Education: "education entries",
    Plan: "plans",
    Goal: "goals",
    Activity: "activities",
    PlanVersion: "plan versions",
    Proposal: "proposals",
    Participation: "participations",
    ProviderChange: "provider changes",
    Preference: "wishes",
}


@dataclass(frozen=True)
class Seeded:
    office: Office
    staff: Staff
    logins: list[User]
    counts: Counter[str]


def demo_office_exists() -> bool:
    return Office.objects.filter(models.Q(name=OFFICE_NAME) | models.Q(unit_number=OFFICE_UNIT_NUMBER)).exists()


def seed_demo(
    *, seed: int, participants: int, today: datetime.date, on_progress: Callable[[int], None]
) -> Seeded | None:
    """Seed the demo office, or return None if it is already there. `on_progress` gets participants written."""
    if demo_office_exists():
        return None
    sizes = Sizes(participants)
    password_hash = make_password(PASSWORD)  # hashed once: argon2 is slow by design
    batch = Batch()
    logins: list[User] = []
    with transaction.atomic():
        office = build_office()
        office.full_clean()
        office.save()
        staff = build_staff(seeded(seed, "staff"), office, sizes, password_hash)
        insert_validated(User, staff.users)
        catalogue = build_catalogue(
            seeded(seed, "catalogue"), office=office, today=today, editor=staff.leader, participants=participants
        )
        catalogue = catalogue_save(catalogue, office=office, editor=staff.leader)
        batch.counts["providers"] = len(catalogue.providers)
        batch.counts["offers"] = len(catalogue.offers)
        rows = participant_rows(
            seeded(seed, "participants"),
            office=office,
            staff=staff,
            sizes=sizes,
            today=today,
            password_hash=password_hash,
            catalogue=catalogue,
        )
        for item in rows:
            if item.login is not None:
                logins.append(item.login)
            batch.add(item)
            if batch.participants == PARTICIPANTS_PER_BATCH:
                on_progress(batch.write())
        on_progress(batch.write())
        batch.counts["check-ins"] = seed_checkins(seeded(seed, "checkins"), office=office, today=today)
        batch.counts["meeting notes"] = seed_meeting_details(seeded(seed, "meetings"), office=office, today=today)
        seed_aftercare(seeded(seed, "aftercare"), office=office, staff=staff, today=today)
        batch.counts["discrimination incidents"] = seed_incidents(office=office, today=today)
        batch.counts["alerts"] = seed_overview(seeded(seed, "overview"), office=office, staff=staff, today=today)
    return Seeded(office=office, staff=staff, logins=logins, counts=batch.counts)


class Batch:
    """Rows waiting to be inserted, by model in foreign-key order, and how many of each were written."""

    def __init__(self) -> None:
        self.rows: dict[type[models.Model], list[models.Model]] = {model: [] for model in INSERT_ORDER}
        self.counts: Counter[str] = Counter()

    @property
    def participants(self) -> int:
        return len(self.rows[Participant])

    def add(self, item: ParticipantRows) -> None:
        if item.login is not None:
            self.rows[User].append(item.login)
        self.rows[Participant].append(item.participant)
        validate_case_steps(item.cases, item.events)
        self.rows[Case] += item.cases
        self.rows[CaseEvent] += item.events
        self.rows[EligibilityReview] += item.reviews
        self.rows[Decision] += item.decisions
        self.rows[Meeting] += item.meetings
        self.rows[CaseNote] += item.notes
        plans = item.plans
        self.rows[Mapping] += plans.mappings
        self.rows[WorkExperience] += plans.work_experience
        self.rows[Education] += plans.education
        self.rows[Plan] += plans.plans
        self.rows[Goal] += plans.goals
        self.rows[Activity] += plans.activities
        self.rows[PlanVersion] += plans.versions
        self.rows[Proposal] += plans.proposals
        self.rows[Participation] += item.participations
        self.rows[ProviderChange] += item.provider_changes
        self.rows[Preference] += item.preferences

    def write(self) -> int:
        """Insert and empty the batch; returns the number of participants written."""
        written = self.participants
        for model, objects in self.rows.items():
            self.counts[INSERT_ORDER[model]] += insert_validated(model, objects)
            objects.clear()
        return written
