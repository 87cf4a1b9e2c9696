import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.no import fodselsnummer

from kvp.rules.identity import IdentityError, InvalidIdentity, make_synthetic, parse_identity

TODAY = datetime.date(2026, 11, 27)


def test_it_accepts_a_valid_number_with_separators() -> None:
    identity = parse_identity("151086 95088", accept_synthetic=False, today=TODAY)
    assert identity.number == "15108695088"
    assert identity.birth_date == datetime.date(1986, 10, 15)
    assert not identity.synthetic
    assert not identity.d_number


def with_check_digits(base: str) -> str | None:
    first = fodselsnummer.calc_check_digit1(base)
    second = fodselsnummer.calc_check_digit2(base + first)
    return None if "10" in (first, second) else base + first + second


def test_it_accepts_a_d_number() -> None:
    # D-nummer: 40 added to the day, for people without a fødselsnummer, e.g. newly arrived.
    number = next(n for i in range(100, 200) if (n := with_check_digits(f"410180{i:03d}")))
    identity = parse_identity(number, accept_synthetic=False, today=TODAY)
    assert identity.d_number
    assert identity.birth_date == datetime.date(1980, 1, 1)


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("1510869508", IdentityError.LENGTH),
        ("151086950881", IdentityError.LENGTH),
        ("15108695O88", IdentityError.NOT_DIGITS),
        ("15108695077", IdentityError.CHECKSUM),
        ("", IdentityError.LENGTH),
    ],
)
def test_it_names_what_is_wrong(raw: str, error: IdentityError) -> None:
    with pytest.raises(InvalidIdentity) as caught:
        parse_identity(raw, accept_synthetic=True, today=TODAY)
    assert caught.value.error is error


def test_it_refuses_synthetic_numbers_where_they_are_not_allowed() -> None:
    number = make_synthetic(birth_date=datetime.date(1985, 3, 14), individual=1) or make_synthetic(
        birth_date=datetime.date(1985, 3, 14), individual=2
    )
    assert number is not None
    with pytest.raises(InvalidIdentity) as caught:
        parse_identity(number, accept_synthetic=False, today=TODAY)
    assert caught.value.error is IdentityError.SYNTHETIC_NOT_ALLOWED


def test_it_refuses_a_birth_date_in_the_future() -> None:
    number = next(
        n for i in range(500, 999) if (n := make_synthetic(birth_date=datetime.date(2027, 1, 5), individual=i))
    )
    with pytest.raises(InvalidIdentity) as caught:
        parse_identity(number, accept_synthetic=True, today=TODAY)
    assert caught.value.error is IdentityError.FUTURE_BIRTH


@given(
    birth_date=st.dates(min_value=datetime.date(1940, 1, 1), max_value=datetime.date(1999, 12, 31)),
    individual=st.integers(min_value=0, max_value=499),
)
def test_it_round_trips_every_synthetic_number(birth_date: datetime.date, individual: int) -> None:
    number = make_synthetic(birth_date=birth_date, individual=individual)
    if number is None:  # about 2 in 11 individual numbers give no valid check digit
        return
    identity = parse_identity(number, accept_synthetic=True, today=TODAY)
    assert identity.birth_date == birth_date
    assert identity.synthetic
    assert int(number[2:4]) > 80  # Tenor: never a month a real person can have
