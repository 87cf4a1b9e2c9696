"""How a recorded plan change reads in the history, in the reader's language."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext_lazy

from kvp.plans.forms import ActivityForm
from kvp.plans.models import Activity

register = template.Library()

CHANGES = {
    "goal_added": gettext_lazy("Goal added: %(title)s"),
    "goal_changed": gettext_lazy("Goal changed: %(title)s"),
    "goal_removed": gettext_lazy("Goal removed: %(title)s"),
    "activity_added": gettext_lazy("Activity added: %(title)s"),
    "activity_changed": gettext_lazy("Activity changed: %(title)s (%(fields)s)"),
    "activity_status": gettext_lazy("Status of %(title)s: %(status)s"),
}


@register.filter
def plan_change(change: dict[str, Any]) -> str:
    fields = ", ".join(str(ActivityForm.base_fields[name].label).lower() for name in change.get("fields", []))
    status = dict(Activity.Status.choices).get(change.get("status", ""), "")
    text = CHANGES.get(change.get("what", ""))
    if text is None:
        return str(change.get("title", ""))
    return str(text) % {"title": change.get("title", ""), "fields": fields, "status": status}
