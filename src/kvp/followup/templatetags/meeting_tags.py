"""Meeting panels for pages others own: `{% load meeting_tags %}{% meetings_panel participant %}` on the staff's
participant page, `{% my_meetings_panel participant %}` on the participant's own page. The pages have already
checked access to `participant` and logged the read."""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from kvp.followup.models import Meeting
from kvp.participants.models import Participant

register = template.Library()
SHOWN = 10


def _with_note_state(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return meetings.annotate(
        last_published=Max("note__versions__published_at"),
        note_versions=Count("note__versions", distinct=True),
        note_draft=Count("note", filter=~Q(note__draft_text="")),
    )


@register.inclusion_tag("followup/_meetings_panel.html", takes_context=True)
def meetings_panel(context: dict[str, Any], participant: Participant) -> dict[str, Any]:
    """Planned and earlier meetings with interpreter and notes state; links to change them for the counsellor."""
    now = timezone.now()
    meetings = _with_note_state(participant.meetings.all())
    access = context.get("access")
    return {
        "participant": participant,
        "upcoming": list(meetings.filter(status=Meeting.Status.PLANNED, starts_at__gte=now).order_by("starts_at")),
        "earlier": list(
            meetings.exclude(status=Meeting.Status.PLANNED, starts_at__gte=now).order_by("-starts_at")[:SHOWN]
        ),
        "can_write": bool(access is not None and access.can_write),
        "meeting_form": context.get("meeting_form"),
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }


@register.inclusion_tag("followup/_my_meetings_panel.html", takes_context=True)
def my_meetings_panel(context: dict[str, Any], participant: Participant) -> dict[str, Any]:
    """The participant's upcoming meetings (time, place or form, interpreter) and the notes published to them."""
    now = timezone.now()
    meetings = participant.meetings.all()
    return {
        "participant": participant,
        "upcoming": list(
            meetings.filter(status=Meeting.Status.PLANNED, starts_at__gte=now).order_by("starts_at")[:SHOWN]
        ),
        "notes": list(
            meetings.annotate(last_published=Max("note__versions__published_at"))
            .filter(last_published__isnull=False)
            .order_by("-last_published")[:5]
        ),
        "request": context.get("request"),
    }
