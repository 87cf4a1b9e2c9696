"""Money in templates: amounts are whole øre in the code, shown as kroner the Norwegian way."""

from django import template

register = template.Library()


@register.filter
def kroner(ore: int) -> str:
    """123456 → "1 234,56 kr" (non-breaking space between thousands, comma before øre)."""
    sign = "−" if ore < 0 else ""
    whole, cents = divmod(abs(int(ore)), 100)
    grouped = f"{whole:,}".replace(",", "\u00a0")
    return f"{sign}{grouped},{cents:02d}\u00a0kr"
