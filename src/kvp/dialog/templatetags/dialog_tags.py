"""Unread counts for links to the dialog from other pages: `{% load dialog_tags %}`."""

from __future__ import annotations

from typing import Any

from django import template

from kvp.dialog.selectors import unread_count_for_participant_user, unread_count_for_viewer
from kvp.participants.models import Participant

register = template.Library()


@register.simple_tag(takes_context=True)
def my_unread_messages(context: dict[str, Any]) -> int:
    """`{% my_unread_messages as unread %}`: the logged-in participant's unread messages."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return unread_count_for_participant_user(user) if user is not None else 0


@register.simple_tag(takes_context=True)
def unread_messages_for(context: dict[str, Any], participant: Participant) -> int:
    """`{% unread_messages_for participant as unread %}`: messages in the participant's threads the
    logged-in staff member has not read (on pages that already checked access to `participant`)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return unread_count_for_viewer(participant, user)
