from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from kvp.accounts.models import User
from kvp.common.formatting import day, moment
from kvp.dialog.selectors import unread_count_for_viewer
from kvp.followup.models import Meeting
from kvp.matching.models import MatchProposal
from kvp.motivation.services import open_checkin
from kvp.participants.access import participants_visible_in_lists
from kvp.participants.models import Participant
from kvp.plans.models import Plan, Proposal
from kvp.plans.selectors import current_case, plan_of
from kvp.programme.models import STATUS_LABELS, Case


def participant_overview(*, user: User, counsellor_id: int | None = None) -> QuerySet[Participant]:
    """Rows for the participant list, with the latest case status and next meeting in one query."""
    latest_case = Case.objects.filter(participant=OuterRef("pk")).order_by("-applied_on", "-created_at")
    next_meeting = Meeting.objects.filter(
        participant=OuterRef("pk"), status=Meeting.Status.PLANNED, starts_at__gte=timezone.now()
    ).order_by("starts_at")
    participants = participants_visible_in_lists(user)
    if counsellor_id is not None:
        participants = participants.filter(counsellor_id=counsellor_id)
    return participants.annotate(
        case_status=Subquery(latest_case.values("status")[:1]),
        next_meeting_at=Subquery(next_meeting.values("starts_at")[:1]),
    )


@dataclass(frozen=True)
class ParticipantRow:
    """One line of the participant list."""

    participant: Participant
    case_status_label: str
    next_meeting_at: datetime.datetime | None


def participant_rows(*, participants: list[Participant]) -> list[ParticipantRow]:
    """Rows for a page of `participant_overview`."""
    found: list[Any] = participants  # annotated by participant_overview
    return [
        ParticipantRow(
            participant=participant,
            case_status_label=str(STATUS_LABELS.get(participant.case_status, "")),
            next_meeting_at=participant.next_meeting_at,
        )
        for participant in found
    ]


class Waiting(enum.Enum):
    """What can wait for the participant on their start page, in the order it is shown: what needs their
    answer first, then what they should read, then what is coming."""

    PLACE_OFFERED = "place_offered"
    PLAN_TO_APPROVE = "plan_to_approve"
    CHECKIN_DUE = "checkin_due"
    UNREAD_MESSAGES = "unread_messages"
    PROPOSAL_ANSWERED = "proposal_answered"
    MEETING = "meeting"


# An answer to a proposal counts as new for two weeks; a meeting shows once it is two weeks away.
ANSWER_SHOWN_FOR = datetime.timedelta(days=14)
MEETING_SHOWN_BEFORE = datetime.timedelta(days=14)

PROPOSAL_ANSWERS = {
    Proposal.Status.ACCEPTED: gettext_lazy("Your counsellor said yes to your proposal from %(day)s."),
    Proposal.Status.ACCEPTED_WITH_CHANGES: gettext_lazy(
        "Your counsellor said yes to your proposal from %(day)s, with some changes."
    ),
    Proposal.Status.DECLINED: gettext_lazy("Your counsellor said no to your proposal from %(day)s."),
}


@dataclass(frozen=True)
class WaitingRow:
    """One thing waiting for the participant, one tap away: a sentence to them, the link and its label, and
    what it is about as someone wrote it (an offer's or a meeting's title, shown as written)."""

    kind: Waiting
    text: str
    action: str
    url: str
    subject: str = ""


def my_page_waiting(*, participant: Participant, user: User, now: datetime.datetime) -> list[WaitingRow]:
    """Everything waiting for the participant, most pressing first; empty when nothing waits."""
    plan = plan_of(current_case(participant))
    rows = _places_offered(participant)
    rows += _plan_to_approve(participant, plan)
    rows += _checkin_due(participant, now)
    rows += _unread_messages(participant, user)
    rows += _proposals_answered(participant, plan, now)
    rows += _next_meeting(participant, now)
    return rows


def _places_offered(participant: Participant) -> list[WaitingRow]:
    offered = MatchProposal.objects.filter(
        participant=participant, status__in=[MatchProposal.Status.ACCEPTED, MatchProposal.Status.CHANGED]
    ).select_related("offer")
    return [
        WaitingRow(
            Waiting.PLACE_OFFERED,
            _("You are offered a place. Say yes or no."),
            _("Answer"),
            reverse("wishes", args=[participant.pk]),
            subject=proposal.offer.title,
        )
        for proposal in offered
    ]


def _plan_to_approve(participant: Participant, plan: Plan | None) -> list[WaitingRow]:
    """The plan's newest version, when the participant has not approved it and either the counsellor has
    or an earlier version was agreed (the plan changed since)."""
    if plan is None or plan.version == 0 or plan.is_agreed:
        return []
    latest = plan.versions.filter(number=plan.version).first()
    if latest is None or latest.participant_confirmed_at is not None:
        return []
    if plan.agreed_version is not None:
        text = _("Your plan has changed. Read it and approve it again.")
    elif latest.counsellor_confirmed_at is not None:
        text = _("Your counsellor has approved your plan. Read it and approve it too.")
    else:
        return []
    return [WaitingRow(Waiting.PLAN_TO_APPROVE, text, _("Read your plan"), reverse("plan", args=[participant.pk]))]


def _checkin_due(participant: Participant, now: datetime.datetime) -> list[WaitingRow]:
    checkin = open_checkin(participant.pk, timezone.localdate(now))
    if checkin is None:
        return []
    return [
        WaitingRow(
            Waiting.CHECKIN_DUE,
            _("A few short questions are waiting for you."),
            _("Answer now"),
            reverse("my_checkin_answer", args=[checkin.pk]),
        )
    ]


def _unread_messages(participant: Participant, user: User) -> list[WaitingRow]:
    count = unread_count_for_viewer(participant, user)
    if not count:
        return []
    text = ngettext("You have %(count)s new message from NAV.", "You have %(count)s new messages from NAV.", count) % {
        "count": count
    }
    return [WaitingRow(Waiting.UNREAD_MESSAGES, text, _("Read"), reverse("my_dialog"))]


def _proposals_answered(participant: Participant, plan: Plan | None, now: datetime.datetime) -> list[WaitingRow]:
    if plan is None:
        return []
    answered = plan.proposals.filter(answered_at__gte=now - ANSWER_SHOWN_FOR).exclude(status=Proposal.Status.OPEN)
    url = reverse("plan", args=[participant.pk]) + "#proposals-heading"
    return [
        WaitingRow(
            Waiting.PROPOSAL_ANSWERED,
            str(PROPOSAL_ANSWERS[Proposal.Status(proposal.status)]) % {"day": day(proposal.submitted_at)},
            _("Read the answer"),
            url,
        )
        for proposal in answered
    ]


def _next_meeting(participant: Participant, now: datetime.datetime) -> list[WaitingRow]:
    meeting = (
        Meeting.objects.filter(
            participant=participant,
            status=Meeting.Status.PLANNED,
            starts_at__gte=now,
            starts_at__lte=now + MEETING_SHOWN_BEFORE,
        )
        .order_by("starts_at")
        .first()
    )
    if meeting is None:
        return []
    return [
        WaitingRow(
            Waiting.MEETING,
            _("You have a meeting with NAV on %(when)s.") % {"when": moment(meeting.starts_at)},
            _("See the meeting"),
            reverse("my_meeting", args=[meeting.pk]),
            subject=meeting.topic,
        )
    ]
