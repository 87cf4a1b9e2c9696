"""Dates, money and identity numbers as a reader sees them, in the active language.

Pages never show a date as the database stores it (2026-03-02) or an amount in øre: they go through these
functions, or the `formats` template filters built on them, so each language gets its own month names,
digit grouping and decimal sign from Django's localisation ("2. mars 2026" and "12 345 kr" in bokmål).
"""

from __future__ import annotations

import datetime

from django.utils import formats, timezone
from django.utils.translation import pgettext

MINUS = "\u2212"
NO_BREAK = "\u00a0"


def day(value: datetime.date | None) -> str:
    """A date written out in the active language: "2. mars 2026" in bokmål, "March 2, 2026" in English."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return str(formats.date_format(value, "DATE_FORMAT"))


def moment(value: datetime.datetime | None) -> str:
    """A date and time in the active language, in the office's time zone: "2. mars 2026 14:30" in bokmål."""
    if value is None:
        return ""
    shown = timezone.localtime(value) if timezone.is_aware(value) else value
    return str(formats.date_format(shown, "DATETIME_FORMAT"))


def kroner(ore: int) -> str:
    """An amount held in øre, in kroner: "12 345 kr" and "1 072,04 kr" in bokmål; øre only when there are
    some. The digits and the unit do not break across lines."""
    whole, cents = divmod(abs(int(ore)), 100)
    amount = formats.number_format(
        whole + cents / 100 if cents else whole, decimal_pos=2 if cents else 0, use_l10n=True, force_grouping=True
    )
    sign = MINUS if ore < 0 else ""
    shown = pgettext("an amount of money in Norwegian kroner", "%(amount)s kr") % {"amount": f"{sign}{amount}"}
    return shown.replace(" ", NO_BREAK)


def masked_national_id(national_id: str) -> str:
    """The national identity number with its last five digits (the personal number) hidden, as pages show it:
    the date of birth is enough for the person to recognise their own case, and a screen is seen by others
    more often than a letter. Letters to the person keep the whole number, which identifies them in law."""
    return f"{national_id[:6]} *****" if len(national_id) == 11 else national_id
