"""Participants with the follow-up data the overview shows, built directly (fast, no services)."""

from __future__ import annotations

import datetime

from kvp.accounts.models import Office, User
from kvp.dialog.models import Message, Thread
from kvp.followup.models import Meeting
from kvp.overview.models import Alert, Reminder
from kvp.participants.models import Participant
from kvp.plans.models import Plan, Proposal
from kvp.programme.models import Case
from kvp.rules.case_status import CaseStatus
from tests import factories

NOW = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)
TODAY = NOW.date()


def full_participant(office: Office, counsellor: User | None, number: int, *, author: User) -> Participant:
    """A participant with a running case, a plan with an open proposal, a held and a planned meeting, a
    thread with a message from them, an alert and a reminder."""
    person = factories.participant(office, counsellor, with_login=True, last_name=f"Person{number:04d}")
    case = factories.case(person, author, CaseStatus.ACTIVE)
    plan = Plan.objects.create(case=case, participant=person)
    assert person.user is not None
    Proposal.objects.create(
        plan=plan,
        measure_type="education",
        text="Jeg vil ta fagbrev.",
        language="nb",
        submitted_by=person.user,
        answer_due=TODAY - datetime.timedelta(days=number % 3),
    )
    Meeting.objects.create(
        participant=person, starts_at=NOW - datetime.timedelta(days=3 + number), topic="Samtale", organiser=author,
        status=Meeting.Status.HELD,
    )  # fmt: skip
    Meeting.objects.create(
        participant=person, starts_at=NOW + datetime.timedelta(days=2), topic="Plan", organiser=author
    )
    thread = Thread.objects.create(
        participant=person, subject="Spørsmål", language="nb", waiting_for=Thread.Waiting.COUNSELLOR,
        created_by=person.user, last_message_at=NOW - datetime.timedelta(days=1),
    )  # fmt: skip
    Message.objects.create(thread=thread, author=person.user, text="Hei", language="nb")
    Alert.objects.create(participant=person, kind="no_contact", since=TODAY, message="No contact", evidence="E7")
    Reminder.objects.create(participant=person, text="Ring om praksis", due=TODAY, created_by=author)
    return person


def running_case(person: Participant, actor: User, *, ends_on: datetime.date | None = None) -> Case:
    case = factories.case(person, actor, CaseStatus.ACTIVE)
    if ends_on is not None:
        Case.objects.filter(pk=case.pk).update(ends_on=ends_on)
        case.refresh_from_db()
    return case
