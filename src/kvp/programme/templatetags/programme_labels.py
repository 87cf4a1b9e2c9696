from django import template

from kvp.programme.models import INCOME_KIND_CHOICES

register = template.Library()
INCOME_LABELS = dict(INCOME_KIND_CHOICES)


@register.filter
def income_label(kind: str) -> str:
    """The reader's-language name of an income or benefit kind (kvp.rules.benefit.IncomeKind)."""
    return str(INCOME_LABELS.get(kind, kind))
