"""The decision and benefit pages start with what they mean for the participant, in words to them."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from kvp.common.formatting import day, kroner, masked_national_id, moment
from kvp.programme.models import Child, Decision
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.conftest import World, client_for


@pytest.fixture(autouse=True)
def _today() -> object:
    with time_machine.travel(datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC), tick=False):
        yield


def test_money_and_dates_follow_the_readers_language() -> None:
    with translation.override("nb"):
        assert (kroner(1234500), kroner(107191), kroner(-3800)) == (
            "12\u00a0345\u00a0kr",
            "1\u00a0071,91\u00a0kr",
            "\u221238\u00a0kr",
        )
        assert day(datetime.date(2026, 3, 2)) == "2. mars 2026"
        assert moment(datetime.datetime(2026, 3, 2, 13, 30, tzinfo=datetime.UTC)) == "2. mars 2026 14:30"
    with translation.override("en"):
        assert kroner(1234500) == "12,345\u00a0kr"
        assert day(datetime.date(2026, 3, 2)) == "March 2, 2026"


def test_a_page_masks_the_personal_number() -> None:
    assert masked_national_id("17059012345") == "170590 *****"


def approved_grant(world: World) -> Decision:
    case = factories.case(world.participant, world.counsellor, CaseStatus.ASSESSED)
    return factories.decision(case, world.counsellor, Decision.Kind.GRANT)


def test_the_participants_decision_page_starts_with_what_it_means_and_how_to_complain(world: World) -> None:
    decision = approved_grant(world)
    page = client_for(world.participant_user).get(reverse("decision_detail", args=[decision.pk])).content.decode()
    main = page.split("<main", 1)[1]
    meaning = main.index("Du får kvalifiseringsprogrammet fra 5. oktober 2026 til 4. oktober 2028.")
    complain = main.index(f"Send klagen til {world.office.name}.")
    legal = main.index('class="kvp-panel kvp-legal"')
    assert meaning < complain < legal
    assert "Send den før 22. oktober 2026" in main  # three weeks after the decision of 1.10.2026
    assert re.search(r'class="kvp-panel kvp-legal" aria-labelledby="legal-heading" lang="nb"', main)
    number = world.participant.national_id
    assert number not in main
    assert masked_national_id(number) in main


def test_staff_see_the_letter_as_sent_with_the_whole_number(world: World) -> None:
    decision = approved_grant(world)
    page = client_for(world.counsellor).get(reverse("decision_detail", args=[decision.pk])).content.decode()
    assert world.participant.national_id in page
    assert "Vedtaket ditt: hva det betyr for deg" not in page


def test_the_benefit_page_says_what_this_period_brings_and_why_with_the_calculation_folded(world: World) -> None:
    factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)  # from 1.6.2026
    Child.objects.create(participant=world.participant, birth_date=datetime.date(2019, 3, 1))
    page = client_for(world.participant_user).get(reverse("my_payments")).content.decode()
    total = kroner(22 * (107191 + 3800))
    with translation.override("nb"):
        assert f"Fra 1. juni 2026 til 30. juni 2026 får du {total} før skatt." in page
    assert (
        "Du får 1\u00a0071,91\u00a0kr for hver dag fra mandag til fredag. I denne perioden er det 22 slike dager."
        in page
    )
    assert "Du får 38\u00a0kr ekstra hver dag for barnet ditt." in page
    assert page.index("Hvorfor du får dette") < page.index("<details><summary") < page.index("<table")
    staff = client_for(world.counsellor).get(reverse("payments", args=[world.participant.cases.get().pk]))
    assert "<details open>" in staff.content.decode()
