"""`{{ event.actor_roles|roles_label }}`: stored role codes as the reader's words."""

from django import template

from kvp.accounts.models import roles_label as label_of_roles

register = template.Library()


@register.filter
def roles_label(codes: str) -> str:
    """'counsellor,leader' -> 'veileder, kontorleder' in the active language."""
    return label_of_roles(codes)
