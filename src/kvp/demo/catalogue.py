"""The demo office's catalogue of measures (E10): providers and employers in and around Drammen (E19), and
their offers, with the rules that block people on purpose so the leader's barrier page has something to show.

Providers are public (the municipality, the county, NAV, the library), private (course providers and
employers) and voluntary; they and their offers are listed in kvp.demo.catalogue_specs. Their names are the
ones the demo plans use (kvp.demo.tracks), so that a plan activity at "Lier vekstsenter" is the catalogue's
offer there (`DemoCatalogue.for_activity`).

Two rules are there on purpose:

- The catch-22 of E5. The municipality's placement at Drammen helsehus requires Norwegian B1 and is the
  only offer whose `gives` lists an ongoing placement (the B1 course builds on practice in the municipality's
  health care); the only course that gives B1 requires an ongoing placement. No other offer gives B1 or
  more, and no other offer lists an ongoing placement, so the cycle holds; other Norwegian courses give A1
  or A2. Someone already in any placement holds one (kvp.catalogue.facts.holds_of) and is not caught: the
  catch-22 catches those below B1 without a placement, such as learners aiming for health care, whose
  plans give them vocational Norwegian instead of the municipality's placement (kvp.demo.plans).
- The job-guarantee rule of E6: the truck course and the bus licence are only given with a job guarantee
  from an employer, and the demo participants' refusals (kvp.demo.participations) cite it most.

Everything is drawn from the rng given and `today`, so the same seed and day give the same catalogue. Start
dates are counted from `today`: school subjects start in August and January, but the trade-certificate courses
and vocational Norwegian take a new group within the next two months, so a matching run over the coming three
months finds the offers the participants wish for most (kvp.demo.wishes). The catalogue grows mildly with the
office: more groups of the busiest courses and more employers (`offer_count`).
"""

from __future__ import annotations

import datetime
import random
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal

from kvp.accounts.models import Office, User
from kvp.catalogue.facts import requirements_of
from kvp.catalogue.models import Offer, Provider
from kvp.catalogue.services import OFFER_FIELDS, PROVIDER_FIELDS, offer_save, provider_save
from kvp.demo import places
from kvp.demo.catalogue_specs import (
    ASCII_LETTERS,
    EXTRA_CONTACTS,
    EXTRA_EMPLOYERS,
    EXTRA_GROUPS,
    NEIGHBOURHOODS,
    OFFERS,
    PROVIDERS,
    OfferSpec,
    ProviderSpec,
    check_digit,
)
from kvp.demo.story import new_uuid
from kvp.rules.measures import MeasureType
from kvp.rules.prerequisites import Prerequisite

PARTICIPANTS_PER_EXTRA_OFFER = 50
MAX_EXTRA_OFFERS = 120  # one group or employer more per 50 participants, at most this many
AVAILABLE_YEARS_BACK = 3  # offers have been there long enough for the oldest demo histories
WEEKS_IN_A_TERM = 13
M = MeasureType
KIND, SECTOR = Provider.Kind, Provider.Sector


def offer_count(participants: int) -> int:
    """How many offers the demo office has: the base catalogue and one more per 50 participants, capped."""
    return len(OFFERS) + extra_offers(participants)


def extra_offers(participants: int) -> int:
    return min(MAX_EXTRA_OFFERS, participants // PARTICIPANTS_PER_EXTRA_OFFER)


@dataclass
class DemoCatalogue:
    """The catalogue's rows, unsaved or saved, and what the participations need to know about them."""

    providers: list[Provider]
    offers: list[Offer]
    by_key: dict[str, Offer]
    contacts: dict[uuid.UUID, str]  # provider id -> the person there who writes to the counsellor
    requirements: dict[uuid.UUID, frozenset[Prerequisite]] = field(default_factory=dict)
    by_id: dict[uuid.UUID, Offer] = field(default_factory=dict)
    _activities: dict[tuple[str, str], list[Offer]] = field(default_factory=dict)

    def for_activity(self, title: str, provider: str) -> list[Offer]:
        """The offers a plan activity with this title at this provider is one of (groups of one course)."""
        return self._activities.get((title, provider), [])

    def add(self, key: str, offer: Offer, activities: Iterable[tuple[str, str]]) -> None:
        self.offers.append(offer)
        self.by_key[key] = offer
        self.by_id[offer.pk] = offer
        self.requirements[offer.pk] = requirements_of(offer)
        for activity in activities:
            self._activities.setdefault(activity, []).append(offer)

    def activities_of(self, offer: Offer) -> list[tuple[str, str]]:
        return [activity for activity, offers in self._activities.items() if offer in offers]


def catalogue_save(catalogue: DemoCatalogue, *, office: Office, editor: User) -> DemoCatalogue:
    """Write the catalogue through the catalogue's services, as the office's leader (`editor`) keeps it; returns
    the catalogue of the saved rows. The services give the rows new ids and stamp them as changed now."""
    providers = {
        provider.pk: provider_save(
            actor=editor, office=office, fields={name: getattr(provider, name) for name in PROVIDER_FIELDS}
        )
        for provider in catalogue.providers
    }
    saved = DemoCatalogue(
        providers=list(providers.values()),
        offers=[],
        by_key={},
        contacts={providers[provider_id].pk: contact for provider_id, contact in catalogue.contacts.items()},
    )
    keys = {offer.pk: key for key, offer in catalogue.by_key.items()}
    for offer in catalogue.offers:
        fields = {name: getattr(offer, name) for name in OFFER_FIELDS}
        written = offer_save(actor=editor, provider=providers[offer.provider_id], fields=fields)
        saved.add(keys[offer.pk], written, catalogue.activities_of(offer))
    return saved


def build_catalogue(
    rng: random.Random, *, office: Office, today: datetime.date, editor: User, participants: int
) -> DemoCatalogue:
    """Providers and offers for the demo office, unsaved, with ids; `editor` last changed them
    (`catalogue_save` writes them)."""
    first_day = datetime.date(today.year - AVAILABLE_YEARS_BACK, 1, 1)
    providers: dict[str, Provider] = {}
    contacts: dict[uuid.UUID, str] = {}
    specs = list(OFFERS)
    provider_specs = list(PROVIDERS)
    for extra, employer in _extras(extra_offers(participants)):
        specs.append(extra)
        if employer is not None:
            provider_specs.append(employer)
    for provider_spec in provider_specs:
        providers[provider_spec.key] = _provider(rng, provider_spec, office)
        contacts[providers[provider_spec.key].pk] = provider_spec.contact
    catalogue = DemoCatalogue(providers=list(providers.values()), offers=[], by_key={}, contacts=contacts)
    for spec in specs:
        offer = _offer(rng, spec, providers[spec.provider], today=today, first_day=first_day, editor=editor)
        catalogue.add(spec.key, offer, spec.activities)
    return catalogue


def _provider(rng: random.Random, spec: ProviderSpec, office: Office) -> Provider:
    street, postcode, town = places.STREETS[spec.street % len(places.STREETS)]
    first, _space, last = spec.contact.partition(" ")
    email_name = f"{first}.{last.split(' ')[-1]}".lower() if last else first.lower()
    domain = "".join(char for char in spec.name.split(" – ")[0].lower() if char.isalnum()) or "demo"
    return Provider(
        id=new_uuid(rng),
        office=office,
        name=spec.name,
        kind=spec.kind,
        is_employer=spec.is_employer,
        organisation_number=spec.organisation_number,
        sector=spec.sector,
        address=f"{street} {rng.randint(1, 60)}, {postcode} {town}",
        contact_name=spec.contact,
        contact_phone=f"{rng.choice('349')}{rng.randint(0, 9_999_999):07d}",
        contact_email=_ascii_email(f"{email_name}@{domain}.example.no"),
    )


def _ascii_email(text: str) -> str:
    return text.translate(ASCII_LETTERS)


def _offer(
    rng: random.Random,
    spec: OfferSpec,
    provider: Provider,
    *,
    today: datetime.date,
    first_day: datetime.date,
    editor: User,
) -> Offer:
    until = None if spec.starts == "rolling" else datetime.date(today.year + 1, 12, 31)
    return Offer(
        id=new_uuid(rng),
        provider=provider,
        measure_type=spec.measure_type.value,
        title=spec.title,
        content=spec.content,
        occupation_code=spec.occupation,
        hours_per_week=Decimal(spec.hours).quantize(Decimal("0.1")),
        length_weeks=spec.weeks,
        start_dates=[day.isoformat() for day in _start_dates(spec.starts, today)],
        capacity=spec.capacity,
        cost_kroner=spec.cost,
        formal_qualification=spec.qualification,
        norwegian_needed=spec.norwegian,
        digital_needed=spec.digital,
        prerequisites=sorted(Prerequisite.parse(code).code for code in spec.prerequisites),
        gives=sorted(Prerequisite.parse(code).code for code in spec.gives),
        mentor_available=spec.mentor,
        workplace_language=spec.language,
        works_alone=spec.alone,
        available_from=first_day,
        available_until=until,
        updated_by=editor,
    )


def _monday_on_or_after(day: datetime.date) -> datetime.date:
    return day + datetime.timedelta(days=(7 - day.weekday()) % 7)


def _start_dates(pattern: str, today: datetime.date) -> list[datetime.date]:
    """The next start dates: none for rolling starts; Mondays counted from `today` for groups every few weeks
    (four of them, or two when they are more than a term apart); else the first Monday of the coming months or
    terms."""
    if pattern == "rolling":
        return []
    if pattern.startswith("weeks:"):
        weeks, _plus, lead = pattern.partition(":")[2].partition("+")
        every = datetime.timedelta(weeks=int(weeks))
        first = _monday_on_or_after(today + datetime.timedelta(days=1)) + datetime.timedelta(weeks=int(lead or 0))
        return [first + every * number for number in range(4 if int(weeks) <= WEEKS_IN_A_TERM else 2)]
    months = (1, 8) if pattern == "term" else tuple(range(1, 13))
    found: list[datetime.date] = []
    year, month = today.year, today.month
    while len(found) < (2 if pattern == "term" else 4):
        month += 1
        if month > 12:
            year, month = year + 1, 1
        if month in months:
            found.append(_monday_on_or_after(datetime.date(year, month, 1)))
    return found


def _extras(count: int) -> Iterator[tuple[OfferSpec, ProviderSpec | None]]:
    """`count` more offers: a new group of a busy course, or a placement at one more employer, in turn."""
    by_key = {spec.key: spec for spec in OFFERS}
    kinds = len(EXTRA_GROUPS) + len(EXTRA_EMPLOYERS)
    for index in range(count):
        round_, slot = divmod(index, kinds)
        if slot < len(EXTRA_GROUPS):
            base = by_key[EXTRA_GROUPS[slot]]
            yield replace(base, key=f"{base.key}_{round_ + 2}", title=f"{base.title} – gruppe {round_ + 2}"), None
            continue
        name, sector, measure, title, content, code, norwegian = EXTRA_EMPLOYERS[slot - len(EXTRA_GROUPS)]
        place = NEIGHBOURHOODS[round_ % len(NEIGHBOURHOODS)]
        provider = ProviderSpec(
            key=f"extra_{index}",
            name=name.format(place=place),
            kind=KIND.PUBLIC if name.startswith("Drammen kommune") else KIND.PRIVATE,
            sector=sector,
            organisation_number=_made_up_number(index),
            is_employer=True,
            street=index,
            contact=EXTRA_CONTACTS[index % len(EXTRA_CONTACTS)],
        )
        spec = OfferSpec(
            f"extra_{index}", provider.key, measure, title, content, "37.5" if measure is M.WAGE_SUBSIDY else "22.5",
            26 if measure is M.WAGE_SUBSIDY else 12, 1 + index % 4, occupation=code, norwegian=norwegian,
            mentor=True,
        )  # fmt: skip
        yield spec, provider


def _made_up_number(index: int) -> str:
    """A made-up organisation number with a valid check digit, different for each index."""
    base = 93_000_000 + index * 7_919
    while (digit := check_digit(str(base))) is None:
        base += 1
    return f"{base}{digit}"
