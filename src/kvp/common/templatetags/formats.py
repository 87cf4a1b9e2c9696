"""Dates, money and identity numbers in templates: `{% load formats %}`, then `|day`, `|moment`, `|kroner`
and `|masked_id` (see kvp.common.formatting)."""

from __future__ import annotations

from django import template

from kvp.common import formatting

register = template.Library()
register.filter("day", formatting.day)
register.filter("moment", formatting.moment)
register.filter("kroner", formatting.kroner)
register.filter("masked_id", formatting.masked_national_id)
