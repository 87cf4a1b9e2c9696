"""`{% submission_key %}`: the one-time key (kvp.common.idempotency) for a form that has no Form class."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from kvp.common.idempotency import FIELD, new_key

register = template.Library()


@register.simple_tag
def submission_key() -> SafeString:
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_key())
