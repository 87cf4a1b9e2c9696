"""Double submits stored once: the finding was a note stored twice when its form was sent twice."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.db.models import Model
from django.test import Client
from django.urls import reverse

from kvp.audit.models import AuditEvent
from kvp.catalogue.models import ProviderChange
from kvp.common.idempotency import new_key
from kvp.dialog.models import Thread
from kvp.followup.models import CaseNote
from kvp.overview.models import SavedFilter
from kvp.plans.models import Activity, Proposal
from kvp.programme.models import AftercareContact, Appeal, EligibilityReview
from tests import factories
from tests.catalogue.builders import offer, provider
from tests.conftest import World, client_for
from tests.plans.builders import running_case
from tests.test_access_matrix import ENDPOINTS, _case_for

KEY = re.compile(r'name="(?:[\w-]+-)?submission" value="([^"]+)"')


def key_on(page: str) -> str:
    found = KEY.search(page)
    assert found, "the form carries no submission key"
    return found.group(1)


def note_key(client: Client, world: World) -> str:
    return key_on(client.get(reverse("participant_detail", args=[world.participant.pk])).content.decode())


def test_a_note_sent_twice_is_stored_once_and_both_answers_are_the_same(world: World) -> None:
    client = client_for(world.counsellor)
    form = {"title": "Samtale", "text": "Vi snakket om praksis.", "submission": note_key(client, world)}
    url = reverse("note_create", args=[world.participant.pk])
    first = client.post(url, form)
    second = client.post(url, form)
    assert CaseNote.objects.count() == 1
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]


def test_each_render_of_the_form_has_its_own_key_and_two_notes_can_be_written(world: World) -> None:
    client = client_for(world.counsellor)
    url = reverse("note_create", args=[world.participant.pk])
    first_key, second_key = note_key(client, world), note_key(client, world)
    assert first_key != second_key
    client.post(url, {"title": "En", "text": "Første", "submission": first_key})
    client.post(url, {"title": "To", "text": "Andre", "submission": second_key})
    assert CaseNote.objects.count() == 2


def test_a_refused_form_gives_its_key_back_so_the_corrected_form_is_stored(world: World) -> None:
    client = client_for(world.counsellor)
    url = reverse("note_create", args=[world.participant.pk])
    key = note_key(client, world)
    assert client.post(url, {"title": "Samtale", "text": "", "submission": key}).status_code == 400
    assert client.post(url, {"title": "Samtale", "text": "Nå med tekst", "submission": key}).status_code == 302
    assert CaseNote.objects.count() == 1


def test_the_key_belongs_to_the_user_who_got_it(world: World) -> None:
    other = factories.participant(world.office, world.counsellor, with_login=True)
    key = key_on(client_for(world.participant_user).get(reverse("my_dialog")).content.decode())
    form = {"subject": "Spørsmål", "text": "Hei", "language": "nb", "submission": key}
    client_for(world.participant_user).post(reverse("my_thread_start"), form)
    client_for(other.user).post(reverse("my_thread_start"), form)
    assert Thread.objects.filter(participant=world.participant).count() == 1
    assert Thread.objects.filter(participant=other).count() == 1


def test_a_message_sent_twice_by_the_participant_opens_one_thread(world: World) -> None:
    client = client_for(world.participant_user)
    key = key_on(client.get(reverse("my_dialog")).content.decode())
    form = {"subject": "Spørsmål", "text": "Hei", "language": "nb", "submission": key}
    client.post(reverse("my_thread_start"), form)
    client.post(reverse("my_thread_start"), form)
    assert Thread.objects.count() == 1


@pytest.mark.parametrize(
    ("role", "page"),
    [
        ("counsellor", "participant_detail"),  # note, meeting, reminder, goal and case forms
        ("counsellor", "dialog_list"),
        ("participant", "my_dialog"),
        ("counsellor", "participant_create"),
    ],
)
def test_the_create_forms_carry_a_key(world: World, role: str, page: str) -> None:
    args = [] if page in {"my_dialog", "participant_create"} else [world.participant.pk]
    html = client_for(world.user(role)).get(reverse(page, args=args)).content.decode()
    assert key_on(html)


def test_i_am_interested_sent_twice_is_one_proposal(world: World) -> None:
    running_case(world.participant, world.counsellor)
    wanted = offer(provider(world.office, world.leader), world.leader)
    client = client_for(world.participant_user)
    key = key_on(client.get(reverse("offer_detail", args=[wanted.pk])).content.decode())
    client.post(reverse("offer_interest", args=[wanted.pk]), {"submission": key})
    client.post(reverse("offer_interest", args=[wanted.pk]), {"submission": key})
    assert Proposal.objects.count() == 1


def _stored(model: type[Model]) -> Callable[[], int]:
    return lambda: model.objects.count()


def _interim_notices() -> int:
    """An interim notice changes the case; each time it is sent leaves a change in the audit trail."""
    return AuditEvent.objects.filter(action="update", object_type="case").count()


# The forms a double submit used to store twice, with what each stores.
ONCE = {
    "eligibility_review": _stored(EligibilityReview),
    "interim_notice_create": _interim_notices,
    "appeal_create": _stored(Appeal),
    "aftercare_record": _stored(AftercareContact),
    "provider_change": _stored(ProviderChange),
    "overview_filter_save": _stored(SavedFilter),
    "activity_add": _stored(Activity),
}


@pytest.mark.parametrize("name", ONCE)
def test_a_form_sent_twice_stores_once_and_answers_the_same(world: World, name: str) -> None:
    endpoint = next(e for e in ENDPOINTS if e.name == name and e.method == "post")
    case = endpoint.setup(world) if endpoint.setup else _case_for(endpoint, world)
    client = client_for(world.counsellor)
    form = endpoint.data(world, case) | {"submission": new_key()}
    before = ONCE[name]()
    first = client.post(endpoint.url(world, case), form)
    second = client.post(endpoint.url(world, case), form)
    assert ONCE[name]() == before + 1
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
