"""Organisation numbers (organisasjonsnummer) of providers and employers, checked with python-stdnum
(Brønnøysundregistrene's MOD11 check digit)."""

from __future__ import annotations

from stdnum.exceptions import ValidationError
from stdnum.no import orgnr

from kvp.rules.texts import N_

NOT_NINE_DIGITS = N_("An organisation number has nine digits.")
WRONG_CHECK_DIGIT = N_("This is not a valid organisation number: the check digit does not match.")


def organisation_number_problem(text: str) -> str | None:
    """None if `text` is a valid organisation number (spaces allowed), else what is wrong (an N_ text)."""
    digits = orgnr.compact(text)
    if len(digits) != 9 or not digits.isdigit():
        return NOT_NINE_DIGITS
    try:
        orgnr.validate(digits)
    except ValidationError:
        return WRONG_CHECK_DIGIT
    return None


def compact(text: str) -> str:
    return str(orgnr.compact(text))
