"""Interim notices (fvl. § 11 a) and appeals (fvl. §§ 28-33)."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from kvp.programme.models import Appeal, Case, Decision
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.conftest import World, client_for
from tests.i18n import nb


@pytest.fixture(autouse=True)
def _today() -> object:
    with time_machine.travel(datetime.datetime(2026, 11, 27, 10, 0, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def decision(world: World) -> Decision:
    return factories.decision(factories.case(world.participant, world.counsellor), world.counsellor, "grant")


NOTICE = {"interim-reason": "vi venter på arbeidsevnevurderingen", "interim-expected_by": "2026-12-15"}


def test_it_asks_for_an_interim_notice_a_month_after_the_application(world: World) -> None:
    case = factories.case(world.participant, world.counsellor, CaseStatus.APPLIED)  # applied 1.9.2026
    page = client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))
    assert "forvaltningsloven § 11 a" in page.content.decode()
    client_for(world.counsellor).post(reverse("interim_notice_create", args=[case.pk]), NOTICE)
    case.refresh_from_db()
    assert (case.interim_notice_sent_on, case.interim_expected_by) == (
        datetime.date(2026, 11, 27), datetime.date(2026, 12, 15),
    )  # fmt: skip
    page = client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))
    assert "forvaltningsloven § 11 a" not in page.content.decode()
    letter = client_for(world.participant_user).get(reverse("interim_notice_pdf", args=[case.pk]))
    assert letter.content.startswith(b"%PDF")


def test_it_refuses_an_expected_date_that_has_passed(world: World) -> None:
    case = factories.case(world.participant, world.counsellor, CaseStatus.APPLIED)
    response = client_for(world.counsellor).post(
        reverse("interim_notice_create", args=[case.pk]), NOTICE | {"interim-expected_by": "2026-11-01"}, follow=True
    )
    assert nb("The expected decision date must be after today.") in response.content.decode()
    assert Case.objects.get(pk=case.pk).interim_notice_sent_on is None


def test_it_registers_an_appeal_and_sends_it_on_to_the_county_governor(world: World, decision: Decision) -> None:
    client = client_for(world.counsellor)
    client.post(reverse("appeal_create", args=[decision.pk]), {"on": "2026-10-15"})
    appeal = Appeal.objects.get()
    assert appeal.status == Appeal.Status.RECEIVED
    client.post(reverse("appeal_forward", args=[appeal.pk]))
    appeal.refresh_from_db()
    assert (appeal.status, appeal.forwarded_on) == (Appeal.Status.FORWARDED, datetime.date(2026, 11, 27))


def test_it_flags_an_appeal_received_after_the_earliest_deadline(world: World, decision: Decision) -> None:
    # Decided 1.10.2026: three weeks later is 22.10.2026.
    client = client_for(world.counsellor)
    client.post(reverse("appeal_create", args=[decision.pk]), {"on": "2026-10-26"})
    page = client.get(reverse("decision_detail", args=[decision.pk])).content.decode()
    assert "22. oktober 2026" in page
    assert "forvaltningsloven § 31" in page


def test_it_refuses_an_appeal_dated_before_the_decision(world: World, decision: Decision) -> None:
    response = client_for(world.counsellor).post(
        reverse("appeal_create", args=[decision.pk]), {"on": "2026-09-20"}, follow=True
    )
    assert nb("The appeal date must be between the decision date and today.") in response.content.decode()
    assert not Appeal.objects.exists()
