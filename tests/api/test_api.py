import datetime

import yaml
from django.urls import reverse
from drf_spectacular.validation import validate_schema

from kvp.audit.models import AuditEvent
from kvp.participants.models import Participant
from kvp.programme.models import Case
from tests import factories
from tests.conftest import World, client_for
from tests.i18n import nb


def test_it_publishes_a_valid_openapi_schema(world: World) -> None:
    schema = yaml.safe_load(client_for(None).get(reverse("api_schema")).content)
    validate_schema(schema)
    assert "/api/v1/participants/" in schema["paths"]


def test_it_registers_a_participant_and_refuses_bad_input_in_bokmal(world: World) -> None:
    client = client_for(world.counsellor)
    url = reverse("api_participants")
    bad = client.post(
        url, {"national_id": "15108695077", "first_name": "A", "last_name": "B"}, content_type="application/json"
    )
    assert bad.status_code == 400
    assert nb("This is not a valid national identity number: the check digits do not match.") in bad.content.decode()
    number = factories.synthetic_id(datetime.date(1992, 4, 30))
    good = client.post(
        url, {"national_id": number, "first_name": "Olena", "last_name": "Kovalenko"}, content_type="application/json"
    )
    assert good.status_code == 201
    assert good.json()["counsellor"] == world.counsellor.pk
    assert "country_of_birth" not in good.json()
    assert Participant.objects.filter(national_id=number).exists()


def test_it_tells_a_colleague_to_record_a_reason_first(world: World) -> None:
    client = client_for(world.colleague)
    url = reverse("api_participant_detail", args=[world.participant.pk])
    assert client.get(url).json()["code"] == "reason_required"
    client.post(
        reverse("api_access_reason", args=[world.participant.pk]),
        {"reason": "Vikar for Kari i dag"},
        content_type="application/json",
    )
    assert client.get(url).status_code == 200
    assert AuditEvent.objects.get(actor=world.colleague).reason == "Vikar for Kari i dag"


def test_it_moves_a_case_and_refuses_a_forbidden_step_as_a_conflict(world: World) -> None:
    case = factories.case(world.participant, world.counsellor)
    client = client_for(world.counsellor)
    url = reverse("api_case_transitions", args=[case.pk])
    refused = client.post(
        url,
        {"target": "extended", "effective_on": "2026-10-01", "expected_version": 1},
        content_type="application/json",
    )
    assert (refused.status_code, refused.json()["code"]) == (409, "conflict")
    granted = client.post(
        url,
        {"target": "granted", "effective_on": "2026-10-01", "period_end": "2027-10-01", "expected_version": 1},
        content_type="application/json",
    )
    assert granted.json()["status"] == "granted"
    assert Case.objects.get().version == 2


def test_a_transition_from_an_old_version_is_a_conflict_with_what_changed(world: World) -> None:
    case = factories.case(world.participant, world.counsellor)
    url = reverse("api_case_transitions", args=[case.pk])
    client = client_for(world.counsellor)
    move = {"target": "granted", "effective_on": "2026-10-01", "period_end": "2027-10-01", "expected_version": 1}
    client.post(url, move, content_type="application/json")
    stale = client.post(url, move | {"target": "refused"}, content_type="application/json")
    assert stale.status_code == 409
    body = stale.json()
    assert (body["code"], body["version"]) == ("stale", 2)
    assert [(change["field"], change["value"]) for change in body["changed"]] == [
        ("status", "Innvilget"),
        ("ends_on", "01.10.2027"),
    ]
    assert Case.objects.get().status == "granted"


def test_it_shows_the_participant_their_access_log(world: World) -> None:
    client_for(world.counsellor).get(reverse("api_participant_detail", args=[world.participant.pk]))
    rows = client_for(world.participant_user).get(reverse("api_my_access_log")).json()["results"]
    assert [(row["who"], row["action"]) for row in rows] == [("Kari Nordmann", "view")]


def test_a_page_of_the_participant_list_is_one_audit_event_and_one_entry_in_the_access_log(world: World) -> None:
    other = factories.participant(world.office, world.counsellor, first_name="Olena")
    for _page in range(2):
        assert client_for(world.counsellor).get(reverse("api_participants")).status_code == 200
    events = AuditEvent.objects.filter(actor=world.counsellor, action="list")
    assert [sorted(event.listed.split()) for event in events] == 2 * [sorted([world.participant.pk.hex, other.pk.hex])]
    rows = client_for(world.participant_user).get(reverse("api_my_access_log")).json()["results"]
    assert [(row["who"], row["action"], row["object_type"]) for row in rows] == 2 * [
        ("Kari Nordmann", "list", "participant_list")
    ]
    assert other.pk.hex not in str(rows)  # the list event names others; the participant sees only that it was shown


def test_every_operation_documents_its_problem_answers_and_lists_are_pages(world: World) -> None:
    schema = yaml.safe_load(client_for(None).get(reverse("api_schema")).content)
    participants = schema["paths"]["/api/v1/participants/"]
    assert set(participants["post"]["responses"]) == {"201", "400", "403", "409", "429"}
    assert set(schema["paths"]["/api/v1/participants/{participant_id}/"]["get"]["responses"]) == {
        "200",
        "403",
        "404",
        "429",
    }
    page = participants["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert page == "#/components/schemas/PaginatedParticipantList"


def test_an_id_that_is_no_uuid_is_a_json_404_with_a_code(world: World) -> None:
    answer = client_for(world.counsellor).get("/api/v1/participants/0/")
    assert (answer.status_code, answer["Content-Type"], answer.json()["code"]) == (404, "application/json", "not_found")


def test_a_number_where_the_schema_says_text_is_refused(world: World) -> None:
    answer = client_for(world.counsellor).post(
        reverse("api_participants"),
        {"national_id": factories.synthetic_id(), "first_name": "Olena", "last_name": "Kovalenko", "phone": 12345678},
        content_type="application/json",
    )
    assert (answer.status_code, list(answer.json())) == (400, ["phone"])


def test_registering_a_registered_number_again_is_a_conflict(world: World) -> None:
    answer = client_for(world.counsellor).post(
        reverse("api_participants"),
        {"national_id": world.participant.national_id, "first_name": "Olena", "last_name": "Kovalenko"},
        content_type="application/json",
    )
    assert (answer.status_code, answer.json()["code"]) == (409, "conflict")
