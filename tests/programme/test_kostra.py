import datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent, listed_key
from kvp.participants.models import Participant
from kvp.programme.kostra import journal_number
from kvp.programme.models import Case
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.conftest import World, client_for

ANSWERED = {"marital_status": "1", "from_programme_elsewhere": False, "support_alongside": {"2026": []}}


def running(person: Participant, world: World, **fields: object) -> Case:
    case = factories.case(person, world.counsellor, CaseStatus.ACTIVE)  # started 1.6.2026
    Case.objects.filter(pk=case.pk).update(**(ANSWERED | fields))
    case.refresh_from_db()
    return case


def ended(world: World, **fields: object) -> Case:
    person = factories.participant(world.office, world.counsellor, first_name="Tomasz")
    return running(person, world, status=CaseStatus.ENDED, **fields)


def download(world: World, user: User | None = None) -> bytes:
    response = client_for(user or world.leader).get(reverse("kostra_download") + "?ar=2026")
    assert response.status_code == 200, response
    assert response["Content-Type"] == "text/plain; charset=iso-8859-1"
    content: bytes = response.content
    return content


def records(content: bytes) -> dict[str, str]:
    """Each record by its identity number (positions 25-35)."""
    lines = content.decode("iso-8859-1").split("\r\n")
    assert lines[-1] == ""
    return {line[24:35]: line for line in lines[:-1]}


def test_the_file_holds_each_programmes_record_at_the_published_positions(world: World) -> None:
    case = running(world.participant, world)
    moved = ended(world, ended_on=datetime.date(2026, 9, 1), end_reason="moved")
    found = records(download(world))
    line = found[world.participant.national_id]
    assert len(line) == 152
    assert line[0:8] == "3301" + "26" + "  "
    assert line[8:16] == world.participant.birth_date.strftime("%d%m%Y")
    assert line[16:24] == journal_number(case)
    assert line[36:38] == "12"  # unmarried; no children
    assert line[40:64] == "20042026" + "15052026" + "01062026"
    assert line[64] == "2"  # not from a programme elsewhere
    assert line[74] == "2"  # no support alongside
    assert line[111] == "1"
    moved_line = found[moved.participant.national_id]
    assert (moved_line[111], moved_line[112:120]) == ("5", "01092026")
    exported = AuditEvent.objects.filter(actor=world.leader, action="export")
    assert {event.participant_id for event in exported} == {world.participant.pk, moved.participant_id}


def test_the_return_covers_shielded_persons_but_the_screen_does_not_name_them(world: World) -> None:
    hidden = factories.participant(world.office, world.counsellor, first_name="Skjult", last_name="Person",
                                   shielded=True)  # fmt: skip
    running(hidden, world, marital_status="")  # an error to fix, so the record is listed
    running(world.participant, world, marital_status="")
    page = client_for(world.leader).get(reverse("kostra_overview") + "?ar=2026").content.decode()
    assert "Skjult Person" not in page
    assert hidden.national_id not in page
    assert "Skjermet person" in page  # in its place
    assert world.participant.full_name in page
    listed = AuditEvent.objects.filter(actor=world.leader, action="list")
    assert [event.listed for event in listed] == [listed_key(world.participant.pk)]  # one list, only the one shown
    Case.objects.update(marital_status="2")
    assert hidden.national_id in records(download(world))  # whoever produces it
    assert AuditEvent.objects.filter(actor=world.leader, action="export", participant=hidden).exists()


def test_a_leader_with_the_grant_sees_the_shielded_name(world: World) -> None:
    hidden = factories.participant(world.office, world.counsellor, first_name="Skjult", shielded=True)
    running(hidden, world, marital_status="")
    world.leader.may_view_shielded = True
    world.leader.save(update_fields=["may_view_shielded"])
    page = client_for(world.leader).get(reverse("kostra_overview") + "?ar=2026").content.decode()
    assert hidden.full_name in page


def test_the_file_is_refused_while_an_error_remains(world: World) -> None:
    running(world.participant, world, marital_status="")
    response = client_for(world.leader).get(reverse("kostra_download") + "?ar=2026")
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(action="export").exists()
    page = client_for(world.leader).get(reverse("kostra_overview") + "?ar=2026").content.decode()
    assert "Feltet «sivilstand» mangler." in page
    assert "Filen kan ikke lastes ned" in page


def test_it_counts_programmes_per_status(world: World) -> None:
    running(world.participant, world)
    ended(world, ended_on=datetime.date(2026, 9, 1), end_reason="non_attendance")
    page = client_for(world.leader).get(reverse("kostra_overview") + "?ar=2026").content.decode()
    assert '<td class="aksel-table__data-cell aksel-body-short">4</td>' in page
    assert not AuditEvent.objects.filter(action="export").exists()


def test_a_death_needs_its_status_chosen_by_hand(world: World) -> None:
    case = ended(world, ended_on=datetime.date(2026, 9, 1), end_reason="died")
    page = client_for(world.leader).get(reverse("kostra_overview") + "?ar=2026").content.decode()
    assert "(036)" in page
    client_for(world.counsellor).post(reverse("case_statistics", args=[case.pk]), {
        "ar": "2026", "marital_status": "5", "from_programme_elsewhere": "no", "had_support": "no",
        "status_by_hand": "3",
    })  # fmt: skip
    case.refresh_from_db()
    assert case.kostra_status_by_hand == 3
    assert records(download(world))[case.participant.national_id][111] == "3"


def test_the_counsellor_records_the_answers_for_the_year(world: World) -> None:
    case = factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    url = reverse("case_statistics", args=[case.pk])
    response = client_for(world.counsellor).post(url, {
        "ar": "2026", "marital_status": "2", "from_programme_elsewhere": "yes", "from_municipality": "0301",
        "benefits_before": ["social_assistance_main", "introduction"], "had_support": "yes",
        "support": ["housing_bank"],
    })  # fmt: skip
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.marital_status, case.from_municipality) == ("2", "0301")
    assert case.benefits_before == ["introduction", "social_assistance_main"]
    assert case.support_alongside == {"2026": ["housing_bank"]}
    line = records(download(world))[world.participant.national_id]
    assert line[64:77] == "10301" + "12" + "4" + "  " + "1" + " 5"


def test_the_form_refuses_an_answer_that_contradicts_itself(world: World) -> None:
    case = factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    response = client_for(world.counsellor).post(reverse("case_statistics", args=[case.pk]), {
        "ar": "2026", "marital_status": "2", "from_programme_elsewhere": "yes", "had_support": "no",
        "support": ["housing_bank"],
    })  # fmt: skip
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.marital_status == ""


def test_the_command_writes_the_file_and_lists_findings_by_journal_number(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    running(world.participant, world)
    output = tmp_path / "kostra.txt"
    call_command("kostra", year=2026, municipality="3301", ident=world.leader.username, output=str(output))
    assert world.participant.national_id in output.read_bytes().decode("iso-8859-1")
    shown = capsys.readouterr().out
    assert "1 records" in shown
    assert world.participant.national_id not in shown
    assert AuditEvent.objects.filter(actor=world.leader, action="export").exists()


def test_the_command_refuses_errors_and_other_users(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = running(world.participant, world, marital_status="")
    with pytest.raises(CommandError, match="errors"):
        call_command("kostra", year=2026, municipality="3301", ident=world.leader.username,
                     output=str(tmp_path / "x.txt"))  # fmt: skip
    shown = capsys.readouterr().out
    assert f"{journal_number(case)} 002 ERROR" in shown
    assert world.participant.first_name not in shown
    assert not (tmp_path / "x.txt").exists()
    with pytest.raises(CommandError, match="not a leader"):
        call_command("kostra", year=2026, municipality="3301", ident=world.counsellor.username)
    with pytest.raises(CommandError, match="not a leader"):
        call_command("kostra", year=2026, municipality="0301", ident=world.leader.username)
