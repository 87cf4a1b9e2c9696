"""Small builders for test data. Synthetic national ids follow Skatteetaten's Tenor convention."""

from __future__ import annotations

import datetime
import itertools

from kvp.accounts.models import Office, User
from kvp.participants.models import Participant
from kvp.programme.models import Case, CaseEvent
from kvp.rules.case_status import CaseStatus
from kvp.rules.identity import make_synthetic

PASSWORD = "correct-horse-battery-staple"
_serial = itertools.count(1)


def synthetic_id(birth_date: datetime.date = datetime.date(1985, 3, 14)) -> str:
    while True:
        number = make_synthetic(birth_date=birth_date, individual=next(_serial) % 500)
        if number is not None and not Participant.objects.filter(national_id=number).exists():
            return number


def office(name: str = "NAV Testby", unit: str = "0001") -> Office:
    return Office.objects.create(name=name, unit_number=unit, municipality_number="3301", municipality_name="Drammen")


def staff(username: str, office: Office | None, **roles: bool) -> User:
    first, _sep, last = username.partition("_")
    return User.objects.create_user(
        username=username, password=PASSWORD, office=office, first_name=first.title(), last_name=last.title(), **roles
    )


def participant(office: Office, counsellor: User | None, *, with_login: bool = False, **fields: object) -> Participant:
    values: dict[str, object] = {"first_name": "Amina", "last_name": "Hassan", "preferred_language": "so"} | fields
    person = Participant.objects.create(office=office, counsellor=counsellor, national_id=synthetic_id(), **values)
    if with_login:
        person.user = User.objects.create_user(username=f"deltaker-{person.pk}", password=PASSWORD)
        person.save(update_fields=["user"])
    return person


def case(person: Participant, actor: User, status: CaseStatus = CaseStatus.ASSESSED) -> Case:
    item = Case.objects.create(
        participant=person, status=status, applied_on=datetime.date(2026, 9, 1), received_by=actor
    )
    CaseEvent.objects.create(case=item, actor=actor, to_status=status)
    return item
