"""The demo office NAV Drammen as unsaved model instances: staff, then participants one by one.

Everything is drawn from a seeded random generator, so the same seed and the same `today` give
the same people, numbers, histories, mappings and plans (kvp.demo.plans), the same places in the
catalogue's offers (kvp.demo.participations) and the same ranked wishes for them (kvp.demo.wishes). Nothing
here touches the database.

Caseloads stay realistic at any size: about 20 participants per counsellor (E7). The office keeps
its six named counsellors and gets more generated ones when there are more than 120 participants.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from kvp.accounts.models import Office, User
from kvp.catalogue.models import Participation, ProviderChange
from kvp.demo import places
from kvp.demo.catalogue import DemoCatalogue
from kvp.demo.gardener import GARDENER, fits_gardener
from kvp.demo.history import CURRENT, EARLIER, NEW_APPLICATION, History, case_history
from kvp.demo.names import FIRST_GENERATED_IDENT, NAMED_COUNSELLORS, ORIGINS, STAFF, StaffMember
from kvp.demo.participations import Ledger, participation_rows
from kvp.demo.people import PeopleFactory, Person, add_years
from kvp.demo.plan_specs import PlanRows, Quotas
from kvp.demo.plans import plan_rows
from kvp.demo.story import Story, new_uuid, note_facts
from kvp.demo.wishes import WishCatalogue, WishShare, wish_rows
from kvp.followup.models import CaseNote, Meeting
from kvp.matching.models import Preference
from kvp.participants.models import Participant
from kvp.programme.models import Case, CaseEvent, Decision, EligibilityReview
from kvp.rules.case_status import CaseStatus

PASSWORD = "kvp-demo-2026"  # noqa: S105 -- the published password of the demo accounts
CASELOAD = 20
MAX_PARTICIPANTS = 150_000  # 7,500 counsellors, within the generated idents' range
PARTICIPANT_LOGINS = 10
SHIELDED_GRANT_EVERY = 25  # one in 25 generated counsellors may view shielded persons
EARLIER_CASE_SHARE = 0.12
CLOSED_CASES_WITHIN_DAYS = 540  # current cases that are closed ended within the last 18 months
EARLIER_CASE_GAP = datetime.timedelta(days=60)  # at least this long between an earlier case and a new application
EARLIER_CASES_WITHIN_DAYS = 640
ATTEMPTS = 5
LOGIN_STATUSES = frozenset({CaseStatus.GRANTED, CaseStatus.ACTIVE, CaseStatus.EXTENDED})


@dataclass(frozen=True)
class Sizes:
    participants: int

    @property
    def counsellors(self) -> int:
        return max(NAMED_COUNSELLORS, round(self.participants / CASELOAD))

    @property
    def shielded(self) -> int:
        return self.participants // 50  # 2 of 120

    @property
    def unassigned(self) -> int:
        return self.participants * 3 // 100  # new applications not yet given to a counsellor: 3 of 120


@dataclass(frozen=True)
class Staff:
    users: list[User]

    @cached_property
    def counsellors(self) -> list[User]:
        return [user for user in self.users if user.is_counsellor]

    @cached_property
    def shielded_counsellors(self) -> list[User]:
        return [user for user in self.counsellors if user.may_view_shielded]

    @cached_property
    def leader(self) -> User:
        return next(user for user in self.users if user.is_leader)


@dataclass
class ParticipantRows:
    participant: Participant
    login: User | None
    cases: list[Case] = field(default_factory=list)
    events: list[CaseEvent] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    notes: list[CaseNote] = field(default_factory=list)
    reviews: list[EligibilityReview] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    plans: PlanRows = field(default_factory=PlanRows)  # the mapping, and a plan for each granted case
    participations: list[Participation] = field(default_factory=list)  # in the catalogue's offers
    provider_changes: list[ProviderChange] = field(default_factory=list)
    preferences: list[Preference] = field(default_factory=list)  # ranked wishes for the catalogue's offers


def seeded(seed: int, purpose: str) -> random.Random:
    """An independent random stream per purpose, so that adding staff does not change the participants."""
    return random.Random(f"{seed}:{purpose}")  # noqa: S311 -- synthetic demo data, not security


def build_office() -> Office:
    return Office(
        name=places.OFFICE_NAME,
        unit_number=places.OFFICE_UNIT_NUMBER,
        municipality_number=places.MUNICIPALITY_NUMBER,
        municipality_name=places.MUNICIPALITY_NAME,
    )


def build_staff(rng: random.Random, office: Office, sizes: Sizes, password_hash: str) -> Staff:
    """The named staff, plus generated counsellors when the office has more than 120 participants."""
    extra = sizes.counsellors - NAMED_COUNSELLORS
    members = [*STAFF, *(_generated_counsellor(rng, index) for index in range(extra))]
    return Staff(
        users=[
            User(
                username=member.username,
                first_name=member.first_name,
                last_name=member.last_name,
                password=password_hash,
                office=office,
                is_counsellor=member.is_counsellor,
                is_leader=member.is_leader,
                is_administrator=member.is_administrator,
                may_view_shielded=member.may_view_shielded,
                is_staff=member.is_administrator,
                is_superuser=member.is_administrator,
            )
            for member in members
        ]
    )


def _generated_counsellor(rng: random.Random, index: int) -> StaffMember:
    origin = rng.choices(ORIGINS, weights=[origin.weight for origin in ORIGINS])[0]
    female = rng.random() < 0.6  # most counsellors are women
    return StaffMember(
        username=f"Z{FIRST_GENERATED_IDENT + index}",
        first_name=rng.choice(origin.female_names if female else origin.male_names),
        last_name=origin.last_name(rng.choice(origin.last_names), female=female),
        is_counsellor=True,
        may_view_shielded=index % SHIELDED_GRANT_EVERY == SHIELDED_GRANT_EVERY - 1,
    )


def participant_rows(
    rng: random.Random,
    *,
    office: Office,
    staff: Staff,
    sizes: Sizes,
    today: datetime.date,
    password_hash: str,
    catalogue: DemoCatalogue | None = None,
) -> Iterator[ParticipantRows]:
    """Participants with their cases, events, meetings, notes, mapping and plans, one at a time to keep memory
    flat. Mappings and plans come from a stream of each participant's own, so they change nothing else; so do
    their participations in the `catalogue`'s offers, when there is one (kvp.demo.participations), and their
    wishes for those offers (kvp.demo.wishes)."""
    people = PeopleFactory(rng, today)
    quotas = Quotas.for_office(sizes.participants)
    ledger = Ledger.for_office(sizes.participants)
    wishes = WishCatalogue.of(catalogue, today) if catalogue is not None else None
    wish_share = WishShare()
    gardener_placed = False
    chosen = rng.sample(range(sizes.participants), sizes.shielded + sizes.unassigned)
    shielded, unassigned = set(chosen[: sizes.shielded]), set(chosen[sizes.shielded :])
    logins = 0
    for index in range(sizes.participants):
        person = people.person(shielded=index in shielded)
        counsellor: User | None = None
        if index in shielded:
            counsellor = staff.shielded_counsellors[index % len(staff.shielded_counsellors)]
        elif index not in unassigned:
            counsellor = rng.choice(staff.counsellors)
        current, earlier = _histories(rng, today=today, person=person, assigned=counsellor is not None)
        login = None
        if counsellor and index not in shielded and current.status in LOGIN_STATUSES and logins < PARTICIPANT_LOGINS:
            logins += 1
            login = User(
                username=f"deltaker{logins:02d}",
                first_name=person.first_name,
                last_name=person.last_name,
                password=password_hash,
            )
        participant = _participant(rng, person, office=office, counsellor=counsellor, login=login)
        persona = None
        if login is not None and not gardener_placed and fits_gardener(person, current, today):
            persona, gardener_placed = GARDENER, True  # E4: deltaker02 in the default demo
        story = Story(
            rng,
            today=today,
            participant=participant,
            person=person,
            actor=counsellor or staff.leader,  # the leader receives applications not yet assigned
            facts=note_facts(rng, person, persona.facts if persona else None),
        )
        rows = ParticipantRows(participant=participant, login=login)
        cases: list[tuple[History, Case]] = []
        for history in (earlier, current):
            if history is not None:
                case, events = story.case(history)
                cases.append((history, case))
                rows.cases.append(case)
                rows.events += events
                reviews, decisions = story.decisions(
                    history, case, approver=staff.leader if counsellor else staff.counsellors[0]
                )
                rows.reviews += reviews
                rows.decisions += decisions
        participant.created_at = rows.cases[0].created_at
        if counsellor:
            rows.meetings = story.meetings(current)
            rows.plans = plan_rows(
                random.Random(participant.pk.int),  # noqa: S311 -- synthetic demo data, not security
                today=today,
                participant=participant,
                person=person,
                counsellor=counsellor,
                login=login,
                first_login=login is not None and logins == 1,
                facts=story.facts,
                cases=cases,
                quotas=quotas,
                persona=persona,
            )
            if catalogue is not None:
                rows.participations, rows.provider_changes = participation_rows(
                    random.Random(f"{participant.pk}:catalogue"),  # noqa: S311 -- synthetic demo data
                    today=today,
                    participant=participant,
                    counsellor=counsellor,
                    plans=rows.plans,
                    cases=cases,
                    occupation=story.facts["occupation"],
                    catalogue=catalogue,
                    ledger=ledger,
                )
            granted = current.decided_on if current.status in LOGIN_STATUSES else None  # a programme to wish in
            if wishes is not None and granted is not None and (wish_share.due() or persona is not None):
                rows.preferences = wish_rows(
                    random.Random(f"{participant.pk}:wishes"),  # noqa: S311 -- synthetic demo data, not security
                    today=today,
                    since=granted,
                    participant=participant,
                    login=login,
                    counsellor=counsellor,
                    plans=rows.plans,
                    participations=rows.participations,
                    meetings=rows.meetings,
                    wishes=wishes,
                    first=persona.wishes if persona else (),
                )
                wish_share.record(rows.preferences)
        rows.notes = story.notes(current, earlier)
        yield rows


def _histories(
    rng: random.Random, *, today: datetime.date, person: Person, assigned: bool
) -> tuple[History, History | None]:
    """The current case and maybe an earlier, closed one; no application before the person turned 18."""
    adult_from = add_years(person.birth_date, 18)
    mix = CURRENT if assigned else NEW_APPLICATION
    for _attempt in range(ATTEMPTS):
        current = case_history(rng, mix, today=today, closed_by=today, spread_days=CLOSED_CASES_WITHIN_DAYS)
        if current.applied_on >= adult_from:
            break
    else:  # a young person with a long history drawn each time: a recent application instead
        current = case_history(rng, NEW_APPLICATION, today=today, closed_by=today, spread_days=0)
    if not assigned or rng.random() >= EARLIER_CASE_SHARE:
        return current, None
    earlier = case_history(
        rng,
        EARLIER,
        today=today,
        closed_by=current.applied_on - EARLIER_CASE_GAP,
        spread_days=EARLIER_CASES_WITHIN_DAYS,
    )
    return current, earlier if earlier.applied_on >= adult_from else None


def _participant(
    rng: random.Random, person: Person, *, office: Office, counsellor: User | None, login: User | None
) -> Participant:
    return Participant(
        id=new_uuid(rng),
        office=office,
        national_id=person.national_id,
        first_name=person.first_name,
        last_name=person.last_name,
        phone=person.phone,
        email=person.email,
        street_address=person.street_address,
        postal_code=person.postal_code,
        postal_town=person.postal_town,
        preferred_language=person.preferred_language,
        needs_interpreter=person.needs_interpreter,
        interpreter_language=person.interpreter_language,
        country_of_birth=person.country_of_birth,
        shielded=person.shielded,
        counsellor=counsellor,
        user=login,
    )
