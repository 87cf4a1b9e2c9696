"""Small builders for test data. Synthetic national ids follow Skatteetaten's Tenor convention."""

from __future__ import annotations

import datetime
import itertools

from kvp.accounts.models import Office, User
from kvp.parameters.models import ParameterValue
from kvp.participants.models import Participant
from kvp.programme.decisions import decision_snapshot
from kvp.programme.models import Case, CaseEvent, Decision
from kvp.rules.case_status import CaseStatus
from kvp.rules.identity import make_synthetic

PASSWORD = "correct-horse-battery-staple"
_serial = itertools.count(1)


def synthetic_id(birth_date: datetime.date = datetime.date(1985, 3, 14)) -> str:
    while True:
        century = 500 if birth_date.year >= 2000 else 0  # the individual numbers of births from 2000 (identity.py)
        number = make_synthetic(birth_date=birth_date, individual=century + next(_serial) % 500)
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
    running = status in {CaseStatus.ACTIVE, CaseStatus.EXTENDED}
    item = Case.objects.create(
        participant=person,
        status=status,
        applied_on=datetime.date(2026, 9, 1) if not running else datetime.date(2026, 4, 20),
        received_by=actor,
        decided_on=datetime.date(2026, 5, 15) if running else None,
        starts_on=datetime.date(2026, 6, 1) if running else None,
        ends_on=datetime.date(2028, 5, 31) if running else None,
    )
    CaseEvent.objects.create(case=item, actor=actor, to_status=status)
    return item


def decision(item: Case, maker: User, kind: str) -> Decision:
    """A refusal awaiting approval, or a decided grant, as decision_make leaves them."""
    grant = kind == Decision.Kind.GRANT
    made = Decision(
        case=item,
        kind=kind,
        status=Decision.Status.APPROVED if grant else Decision.Status.AWAITING_APPROVAL,
        language="nb",
        starts_on=datetime.date(2026, 10, 5) if grant else None,
        ends_on=datetime.date(2028, 10, 4) if grant else None,
        reasons="Begrunnelse.",
        made_by=maker,
        decided_on=datetime.date(2026, 10, 1) if grant else None,
        snapshot={},
    )
    made.snapshot = decision_snapshot(
        made, case=item, participant=item.participant, made_by=maker, approved_by=None, review_result=None
    )
    made.save()
    return made


def parameter_value(
    name: str,
    value: str,
    by: User,
    *,
    office: Office | None = None,
    valid_from: datetime.date = datetime.date(2007, 11, 1),
) -> ParameterValue:
    """A rule parameter's value, by default nationally and as if it had always applied."""
    return ParameterValue.objects.create(
        name=name, value=value, changed_by=by, office=office, valid_from=valid_from, reason="Set in a test"
    )
