"""Pages built from selectors run a bounded number of SQL queries (a page with a few rows of everything)."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from kvp.catalogue.participations import participation_register
from kvp.programme.models import Appeal, Decision
from tests import factories
from tests.catalogue.builders import offer, provider
from tests.conftest import World, client_for
from tests.matching.builders import offers, run, wish
from tests.motivation.builders import answered
from tests.overview.builders import full_participant
from tests.plans.builders import access_for, plan_with_activity, running_case

Page = Callable[[World], tuple[Client, str, dict[str, str] | None]]


def _overview(world: World) -> tuple[Client, str, None]:
    for number in range(3):
        full_participant(world.office, world.counsellor, number, author=world.counsellor)
    return client_for(world.counsellor), reverse("overview"), None


def _overview_leader(world: World) -> tuple[Client, str, None]:
    _overview(world)
    return client_for(world.leader), reverse("overview"), None


def _participant_list(world: World) -> tuple[Client, str, None]:
    _overview(world)
    return client_for(world.leader), reverse("participant_list"), None


def _participant_page(world: World) -> tuple[Client, str, None]:
    person = full_participant(world.office, world.counsellor, 1, author=world.counsellor)
    answered(person, datetime.date.today() - datetime.timedelta(days=3))
    return client_for(world.counsellor), reverse("participant_detail", args=[person.pk]), None


def _my_page(world: World) -> tuple[Client, str, None]:
    person = full_participant(world.office, world.counsellor, 1, author=world.counsellor)
    return client_for(person.user), reverse("my_page"), None


def _plan(role: str) -> Page:
    def page(world: World) -> tuple[Client, str, None]:
        plan_with_activity(world.participant, world.counsellor)
        return client_for(world.user(role)), reverse("plan", args=[world.participant.pk]), None

    return page


def _worklist(world: World) -> tuple[Client, str, None]:
    _overview(world)
    return client_for(world.counsellor), reverse("worklist"), None


def _match_run(world: World) -> tuple[Client, str, None]:
    norwegian, _practice, _later = offers(world)
    wish(world, norwegian)
    return client_for(world.counsellor), reverse("match_run", args=[run(world).pk]), None


def _participations(world: World) -> tuple[Client, str, None]:
    running_case(world.participant, world.counsellor)
    access = access_for(world.counsellor, world.participant)
    for number in range(2):
        item = offer(provider(world.office, world.leader, name=f"Tilbyder {number}"), world.leader)
        participation_register(actor=world.counsellor, access=access, offer=item)
    return client_for(world.counsellor), reverse("participations", args=[world.participant.pk]), None


def _audit_search(world: World) -> tuple[Client, str, dict[str, str]]:
    _participant_page(world)
    return client_for(world.leader), reverse("audit_search"), {"action": ""}


def _access_log(world: World) -> tuple[Client, str, None]:
    client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))
    client_for(world.leader).get(reverse("participant_detail", args=[world.participant.pk]))
    return client_for(world.participant_user), reverse("my_access_log"), None


def _motivation(world: World) -> tuple[Client, str, None]:
    for days in (40, 10):
        answered(world.participant, datetime.date.today() - datetime.timedelta(days=days))
    return client_for(world.counsellor), reverse("motivation_history", args=[world.participant.pk]), None


def _decision(world: World) -> tuple[Client, str, None]:
    case = running_case(world.participant, world.counsellor)
    decision = factories.decision(case, world.counsellor, Decision.Kind.GRANT)
    for received in (datetime.date(2026, 10, 10), datetime.date(2026, 10, 12)):
        Appeal.objects.create(decision=decision, received_on=received, registered_by=world.counsellor)
    return client_for(world.counsellor), reverse("decision_detail", args=[decision.pk]), None


def _offer(world: World) -> tuple[Client, str, None]:
    return client_for(world.counsellor), reverse("offer_detail", args=[offers(world)[0].pk]), None


def _wishes(world: World) -> tuple[Client, str, None]:
    norwegian, practice, _later = offers(world)
    wish(world, norwegian, practice)
    return client_for(world.participant_user), reverse("wishes", args=[world.participant.pk]), None


# Queries each page runs (the same as before its rows came from selectors; the access log has since gained the
# grouped list appearances).
PAGES: dict[str, tuple[Page, int]] = {
    "overview": (_overview, 11),
    "overview_leader": (_overview_leader, 15),
    "participant_list": (_participant_list, 11),
    "participant_page": (_participant_page, 30),
    "my_page": (_my_page, 20),  # with what waits for the participant: one query per kind
    "plan_counsellor": (_plan("counsellor"), 17),
    "plan_participant": (_plan("participant"), 16),
    "worklist": (_worklist, 13),
    "match_run": (_match_run, 8),
    "participations": (_participations, 10),
    "audit_search": (_audit_search, 8),
    "access_log": (_access_log, 9),  # and the list appearances, grouped per staff member and day
    "motivation": (_motivation, 14),
    "decision": (_decision, 9),
    "offer": (_offer, 9),
    "wishes": (_wishes, 9),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_page_runs_a_bounded_number_of_queries(
    world: World, name: str, django_assert_max_num_queries: Callable[[int], object]
) -> None:
    build, most = PAGES[name]
    client, url, posted = build(world)
    fetch = (lambda: client.post(url, posted)) if posted is not None else (lambda: client.get(url))
    assert fetch().status_code == 200  # warm-up: first-request caches
    with django_assert_max_num_queries(most):  # type: ignore[attr-defined]
        assert fetch().status_code == 200
