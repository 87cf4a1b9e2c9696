"""Synthetic people for the demo office: names, birth dates, identity numbers, contact details, languages.

Identity numbers are Tenor-style synthetic numbers (month + 80), which no real person has.
"""

from __future__ import annotations

import datetime
import random
import unicodedata
from dataclasses import dataclass

from kvp.demo.names import NORWAY, ORIGINS, Origin
from kvp.demo.places import STREETS
from kvp.rules.identity import make_synthetic

YOUNGEST, OLDEST = 19, 64
BORN_IN_NORWAY_SHARE = 0.1  # of people with an immigrant background: their parents came, they did not
NO_COUNTRY_SHARE = 0.08  # country of birth is optional and sometimes not recorded
INDIVIDUAL_RANGES = {19: 0, 20: 500}  # first individual number by century (folkeregisterloven), 500 of each
_ASCII = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "ł": "l", "ı": "i", "đ": "d"})


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    birth_date: datetime.date
    national_id: str
    phone: str
    email: str
    street_address: str
    postal_code: str
    postal_town: str
    preferred_language: str
    needs_interpreter: bool
    interpreter_language: str
    country_of_birth: str
    shielded: bool  # strictly confidential address: none on record
    learns_norwegian: bool  # moved to Norway as an adult, so Norwegian training may be part of the plan


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _ascii(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.lower().translate(_ASCII))
    return "".join(char for char in text if char.isascii() and char.isalnum())


class PeopleFactory:
    """Draws people aged 19-64 on `today`, each with a unique synthetic national identity number."""

    def __init__(self, rng: random.Random, today: datetime.date) -> None:
        self.rng = rng
        self.today = today
        self.used_ids: set[str] = set()
        self.origin_weights = [origin.weight for origin in ORIGINS]

    def person(self, *, shielded: bool) -> Person:
        """A person; a shielded one (strictly confidential address) has no address on record."""
        rng = self.rng
        origin = rng.choices(ORIGINS, weights=self.origin_weights)[0]
        female = rng.random() < origin.female_share
        first_name = rng.choice(origin.female_names if female else origin.male_names)
        last_name = origin.last_name(rng.choice(origin.last_names), female=female)
        birth_date = self._birth_date()
        immigrated = origin is not NORWAY and rng.random() >= BORN_IN_NORWAY_SHARE
        preferred, interpreter = self._languages(origin) if immigrated else ("nb", "")
        country = (origin.country if immigrated else NORWAY.country) if rng.random() >= NO_COUNTRY_SHARE else ""
        street, postal_code, town = rng.choice(STREETS)
        house = f"{rng.randint(1, 120)}{rng.choice('ABC') if rng.random() < 0.1 else ''}"
        return Person(
            first_name=first_name,
            last_name=last_name,
            birth_date=birth_date,
            national_id=self._national_id(birth_date),
            phone=f"4{rng.randint(0, 99):02d} {rng.randint(0, 99):02d} {rng.randint(0, 999):03d}",
            email=f"{_ascii(first_name)}.{_ascii(last_name)}@example.com" if rng.random() < 0.4 else "",
            street_address="" if shielded else f"{street} {house}",
            postal_code="" if shielded else postal_code,
            postal_town="" if shielded else town,
            preferred_language=preferred,
            needs_interpreter=bool(interpreter),
            interpreter_language=interpreter,
            country_of_birth=country,
            shielded=shielded,
            learns_norwegian=immigrated,
        )

    def _birth_date(self) -> datetime.date:
        """Ages spread over 19-64, most in their thirties, as among KVP participants."""
        age = min(OLDEST, int(self.rng.triangular(YOUNGEST, OLDEST + 1, 33)))
        latest = add_years(self.today, -age)
        earliest = add_years(self.today, -age - 1) + datetime.timedelta(days=1)
        return earliest + datetime.timedelta(days=self.rng.randint(0, (latest - earliest).days))

    def _languages(self, origin: Origin) -> tuple[str, str]:
        """(preferred language, interpreter language or ""): most prefer Norwegian or their own language."""
        own = self.rng.choice(origin.languages)
        if self.rng.random() < origin.interpreter_share:
            return own, own
        return self.rng.choices(("nb", own, "en"), weights=(7, 2, 1))[0], ""

    def _national_id(self, birth_date: datetime.date) -> str:
        """The first free valid number from a random individual number within the birth century's range."""
        first = INDIVIDUAL_RANGES[birth_date.year // 100]
        offset = self.rng.randrange(500)
        for step in range(500):
            number = make_synthetic(birth_date=birth_date, individual=first + (offset + step) % 500)
            if number is not None and number not in self.used_ids:
                self.used_ids.add(number)
                return number
        raise RuntimeError(f"No free synthetic national identity number left for {birth_date}.")
