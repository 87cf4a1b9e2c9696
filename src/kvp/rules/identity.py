"""Norwegian national identity numbers (fødselsnummer and D-nummer), folkeregisterloven § 2-2.

Check digits and birth dates come from python-stdnum. Synthetic test identities follow
Skatteetaten's Tenor convention (80 added to the month), which no real person can have.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import Enum

from stdnum.exceptions import ValidationError
from stdnum.no import fodselsnummer

SYNTHETIC_MONTH_OFFSET = 80


class IdentityError(Enum):
    LENGTH = "length"
    NOT_DIGITS = "not_digits"
    CHECKSUM = "checksum"
    BIRTH_DATE = "birth_date"
    FUTURE_BIRTH = "future_birth"
    SYNTHETIC_NOT_ALLOWED = "synthetic_not_allowed"


class InvalidIdentity(ValueError):
    def __init__(self, error: IdentityError) -> None:
        super().__init__(error.value)
        self.error = error


@dataclass(frozen=True)
class Identity:
    number: str
    birth_date: datetime.date
    synthetic: bool
    d_number: bool


def is_synthetic(number: str) -> bool:
    return len(number) == 11 and number.isdigit() and int(number[2:4]) > SYNTHETIC_MONTH_OFFSET


def parse_identity(raw: str, *, accept_synthetic: bool, today: datetime.date) -> Identity:
    """Validate a fødselsnummer or D-nummer; raise InvalidIdentity with the reason."""
    number = fodselsnummer.compact(raw)
    if len(number) != 11:
        raise InvalidIdentity(IdentityError.LENGTH)
    if not number.isdigit():
        raise InvalidIdentity(IdentityError.NOT_DIGITS)
    if number[9] != fodselsnummer.calc_check_digit1(number) or number[10] != fodselsnummer.calc_check_digit2(number):
        raise InvalidIdentity(IdentityError.CHECKSUM)
    synthetic = is_synthetic(number)
    if synthetic and not accept_synthetic:
        raise InvalidIdentity(IdentityError.SYNTHETIC_NOT_ALLOWED)
    dated = number
    if synthetic:
        dated = f"{number[:2]}{int(number[2:4]) - SYNTHETIC_MONTH_OFFSET:02d}{number[4:]}"
    try:
        birth_date = fodselsnummer.get_birth_date(dated)
    except ValidationError as exc:
        raise InvalidIdentity(IdentityError.BIRTH_DATE) from exc
    if birth_date > today:
        raise InvalidIdentity(IdentityError.FUTURE_BIRTH)
    return Identity(number=number, birth_date=birth_date, synthetic=synthetic, d_number=int(number[0]) >= 4)


def make_synthetic(*, birth_date: datetime.date, individual: int) -> str | None:
    """A Tenor-style synthetic number for the date, or None if `individual` gives no valid digits.

    The individual number must fit the birth century (folkeregisterloven's ranges), e.g. 000-499
    for 1900-1999 and 500-999 for 2000-2039.
    """
    base = (
        f"{birth_date.day:02d}{birth_date.month + SYNTHETIC_MONTH_OFFSET:02d}"
        f"{birth_date.year % 100:02d}{individual:03d}"
    )
    first = fodselsnummer.calc_check_digit1(base)
    if first == "10":
        return None
    second = fodselsnummer.calc_check_digit2(base + first)
    if second == "10":
        return None
    return base + first + second
