import datetime

from django.urls import reverse

from kvp.audit.models import AuditEvent
from kvp.programme.models import Case
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.conftest import World, client_for


def ended(world: World, **fields: object) -> Case:
    person = factories.participant(world.office, world.counsellor, first_name="Tomasz")
    case = factories.case(person, world.counsellor, CaseStatus.ACTIVE)  # started 1.6.2026
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.ENDED, **fields)
    return case


def test_it_exports_the_status_of_each_programme_on_31_december(world: World) -> None:
    factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    moved = ended(world, ended_on=datetime.date(2026, 9, 1), end_reason="moved")
    response = client_for(world.leader).get(reverse("kostra_download") + "?ar=2026")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("kommunenummer;fodselsnummer;status_3112")
    assert f"3301;{world.participant.national_id};1;2026-06-01;;" in lines
    assert f"3301;{moved.participant.national_id};5;2026-06-01;2026-09-01;moved" in lines
    exported = AuditEvent.objects.filter(actor=world.leader, action="export")
    assert {event.participant_id for event in exported} == {world.participant.pk, moved.participant_id}


def test_it_counts_programmes_per_status_for_the_leader(world: World) -> None:
    factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    ended(world, ended_on=datetime.date(2026, 9, 1), end_reason="non_attendance")
    page = client_for(world.leader).get(reverse("kostra_overview") + "?ar=2026").content.decode()
    assert '<td class="aksel-table__data-cell aksel-body-short">4</td>' in page
    assert not AuditEvent.objects.filter(action="export").exists()  # counts are not personal data
