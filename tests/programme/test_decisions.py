"""The § 29 review, decisions with maker-checker, and decision letters."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from kvp.participants.models import Participant
from kvp.programme.benefits import benefit_for_period
from kvp.programme.letters import build_letter
from kvp.programme.models import Case, Decision, EligibilityReview
from kvp.rules.benefit import Span
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.conftest import World, client_for
from tests.i18n import nb

REVIEW = {
    "work_ability": "significantly_reduced",
    "work_ability_assessed_on": "2026-09-15",
    "close_follow_up": "yes",
    "lawful_residence": "yes",
    "programme_fit": "yes",
    "note": "Amina har 6 års erfaring fra eldreomsorg og ønsker fagbrev.",
}
GRANT = {"kind": "grant", "language": "nb", "starts_on": "2026-10-05", "ends_on": "2028-10-04",
         "reasons": "Du fyller vilkårene i § 29.", "reserve_deduction": "on"}  # fmt: skip
REFUSAL = {"kind": "refusal", "language": "nn", "reasons": "Du har full arbeidsavklaringspengar."}


@pytest.fixture(autouse=True)
def _today() -> object:
    with time_machine.travel(datetime.datetime(2026, 10, 1, 10, 0, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def case(world: World) -> Case:
    return factories.case(world.participant, world.counsellor, CaseStatus.APPLIED)


def review(world: World, case: Case, **changes: str) -> int:
    url = reverse("eligibility_review", args=[case.pk])
    return client_for(world.counsellor).post(url, REVIEW | changes).status_code


def decide(world: World, case: Case, data: dict[str, str]) -> Decision:
    client_for(world.counsellor).post(reverse("decision_create", args=[case.pk]), data)
    return Decision.objects.get(case=case)


def test_it_records_the_review_and_marks_the_case_assessed(world: World, case: Case) -> None:
    assert review(world, case) == 302
    saved = EligibilityReview.objects.get(case=case)
    assert saved.result["summary"] == "appears_met"
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSESSED
    page = client_for(world.counsellor).get(reverse("eligibility_review", args=[case.pk])).content.decode()
    assert nb("The conditions appear to be met. The counsellor's judgement is still required.") in page
    assert "sotjl. § 29" in page


def test_it_shows_a_condition_that_is_not_met(world: World, case: Case) -> None:
    review(world, case, work_ability="not_significantly_reduced")
    page = client_for(world.counsellor).get(reverse("eligibility_review", args=[case.pk])).content.decode()
    assert nb("The work ability assessment did not find significantly reduced work ability.") in page
    assert nb("At least one condition is not met.") in page


def test_it_refuses_an_assessment_dated_in_the_future_and_saves_nothing(world: World, case: Case) -> None:
    assert review(world, case, work_ability_assessed_on="2026-10-02") == 400
    assert not EligibilityReview.objects.exists()
    case.refresh_from_db()
    assert case.status == CaseStatus.APPLIED


def test_it_grants_at_once_and_writes_the_letter(world: World, case: Case) -> None:
    review(world, case)
    decision = decide(world, case, GRANT)
    assert decision.status == Decision.Status.APPROVED
    case.refresh_from_db()
    assert (case.status, case.decided_on, case.ends_on) == (
        CaseStatus.GRANTED, datetime.date(2026, 10, 1), datetime.date(2028, 10, 4),
    )  # fmt: skip
    page = client_for(world.counsellor).get(reverse("decision_detail", args=[decision.pk])).content.decode()
    assert "Du får kvalifiseringsprogram fra 05.10.2026 til 04.10.2028." in page
    assert "innen tre uker" in page
    assert "Statsforvalteren" in page
    pdf = client_for(world.counsellor).get(reverse("decision_letter_pdf", args=[decision.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_it_refuses_a_grant_longer_than_two_years(world: World, case: Case) -> None:
    review(world, case)
    response = client_for(world.counsellor).post(
        reverse("decision_create", args=[case.pk]), GRANT | {"ends_on": "2028-10-05"}
    )
    assert response.status_code == 400
    message = "The programme can last at most %(years)s years from its start; extend it later if needed."
    assert nb(message) % {"years": 2} in response.content.decode()
    assert not Decision.objects.exists()


def test_it_refuses_a_decision_before_the_review(world: World, case: Case) -> None:
    response = client_for(world.counsellor).post(reverse("decision_create", args=[case.pk]), GRANT)
    assert nb("Review the conditions before you decide.") in response.content.decode()
    assert not Decision.objects.exists()


def test_it_holds_a_refusal_until_a_second_approver_approves_it(world: World, case: Case) -> None:
    review(world, case)
    decision = decide(world, case, REFUSAL)
    assert decision.status == Decision.Status.AWAITING_APPROVAL
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSESSED

    client_for(world.leader).post(reverse("decision_approve", args=[decision.pk]))
    decision.refresh_from_db()
    assert (decision.status, decision.approved_by) == (Decision.Status.APPROVED, world.leader)
    case.refresh_from_db()
    assert case.status == CaseStatus.REFUSED
    page = client_for(world.leader).get(reverse("decision_detail", args=[decision.pk])).content.decode()
    assert "Du får ikkje kvalifiseringsprogram" in page  # nynorsk, as chosen
    assert "Godkjent av: Lise Leder" in page


def test_it_does_not_let_the_maker_approve_their_own_refusal(world: World, case: Case) -> None:
    world.counsellor.may_approve_decisions = True
    world.counsellor.save()
    review(world, case)
    decision = decide(world, case, REFUSAL)
    response = client_for(world.counsellor).post(reverse("decision_approve", args=[decision.pk]), follow=True)
    assert nb("The second approver must be someone other than the one who made the decision.") in (
        response.content.decode()
    )
    decision.refresh_from_db()
    assert decision.status == Decision.Status.AWAITING_APPROVAL


def test_it_shows_the_participant_only_decided_letters(world: World, case: Case) -> None:
    review(world, case)
    decision = decide(world, case, REFUSAL)
    own = client_for(world.participant_user)
    assert own.get(reverse("decision_detail", args=[decision.pk])).status_code == 403
    client_for(world.leader).post(reverse("decision_approve", args=[decision.pk]))
    assert own.get(reverse("decision_letter_pdf", args=[decision.pk])).content.startswith(b"%PDF")
    assert reverse("decision_detail", args=[decision.pk]) in own.get(reverse("my_page")).content.decode()


STOP = {"kind": "stop", "language": "nb", "ends_on": "2026-09-30", "end_reason": "non_attendance",
        "reasons": "Du har ikke møtt siden 1. august. Vi varslet deg 1. september, og du svarte ikke."}  # fmt: skip


def test_it_stops_a_programme_only_with_an_approved_stop_decision(world: World) -> None:
    running = factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)  # 1.6.2026 - 31.5.2028
    url = reverse("case_transition", args=[running.pk])
    data = {"target": "ended", "effective_on": "2026-09-30", "end_reason": "non_attendance", "version": 1}
    response = client_for(world.counsellor).post(url, data)
    assert nb("Stopping a programme is a decision that needs a second approver: make a stop decision on the case.") in (
        response.content.decode()
    )
    decision = decide(world, running, STOP)
    assert decision.status == Decision.Status.AWAITING_APPROVAL
    client_for(world.leader).post(reverse("decision_approve", args=[decision.pk]))
    running.refresh_from_db()
    assert (running.status, running.end_reason, running.ended_on) == (
        CaseStatus.ENDED, "non_attendance", datetime.date(2026, 9, 30),
    )  # fmt: skip
    page = client_for(world.leader).get(reverse("decision_detail", args=[decision.pk])).content.decode()
    assert "Vedtak om stans av kvalifiseringsprogram" in page
    assert "stanses fra 30.09.2026" in page


def test_it_refuses_a_stop_date_outside_the_programme(world: World) -> None:
    running = factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    response = client_for(world.counsellor).post(
        reverse("decision_create", args=[running.pk]), STOP | {"ends_on": "2026-05-01"}
    )
    assert response.status_code == 400
    assert nb("The stop date must be within the programme period.") in response.content.decode()
    assert not Decision.objects.exists()


def born_2004(world: World) -> Participant:
    young = factories.participant(world.office, world.counsellor, first_name="Sara")
    young.national_id = factories.synthetic_id(datetime.date(2004, 3, 1))
    young.save(update_fields=["national_id"])
    return young


def test_a_grant_gives_the_full_rate_before_25_with_a_reason_the_letter_states(world: World) -> None:
    case = factories.case(born_2004(world), world.counsellor, CaseStatus.APPLIED)
    review(world, case)
    url = reverse("decision_create", args=[case.pk])
    response = client_for(world.counsellor).post(url, GRANT | {"full_rate_under_25": "on"})
    assert response.status_code == 400
    assert nb("Say why the participant gets the full rate before age 25.") in response.content.decode()
    reason = "du bor i egen leilighet og betaler husleie selv"
    decision = decide(world, case, GRANT | {"full_rate_under_25": "on", "full_rate_reason": reason})
    assert (decision.full_rate_under_25, decision.full_rate_reason) == (True, reason)
    page = client_for(world.counsellor).get(reverse("decision_detail", args=[decision.pk])).content.decode()
    with translation.override("nb"):
        letter = build_letter(decision.snapshot)
    stated = [body for _heading, body in letter.sections if reason in body]
    assert stated
    assert stated[0] in page
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.ACTIVE, starts_on=datetime.date(2026, 10, 5))
    case.refresh_from_db()
    week = benefit_for_period(case, Span(datetime.date(2026, 10, 5), datetime.date(2026, 10, 9)))
    assert week.total_ore == 5 * 107191  # 2.041 G / 260 in 2026: the full rate, not two thirds


def test_a_grant_without_the_exception_pays_two_thirds_before_25(world: World) -> None:
    case = factories.case(born_2004(world), world.counsellor, CaseStatus.APPLIED)
    review(world, case)
    decide(world, case, GRANT | {"full_rate_reason": "ignored without the box"})
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.ACTIVE, starts_on=datetime.date(2026, 10, 5))
    case.refresh_from_db()
    assert Decision.objects.get(case=case).full_rate_reason == ""
    week = benefit_for_period(case, Span(datetime.date(2026, 10, 5), datetime.date(2026, 10, 9)))
    assert week.total_ore == 5 * 71461


def test_the_grant_letter_states_the_amount_and_cites_no_unconfirmed_section(world: World, case: Case) -> None:
    review(world, case)
    decision = decide(world, case, GRANT)
    # Born 1985: the full rate, 2.041 G from 1 May 2026 (136,549 kr) = 278,696.51 kr a year, /260 a day.
    assert decision.snapshot["yearly_amount_display"] == "278\u00a0696,51\u00a0kr"
    assert decision.snapshot["daily_amount_display"] == "1\u00a0071,91\u00a0kr"
    for language in ("nb", "nn"):
        letter = build_letter(decision.snapshot | {"language": language})
        text = " ".join(body for _heading, body in letter.sections)
        assert "278\u00a0696,51\u00a0kr" in text
        assert "1\u00a0071,91\u00a0kr" in text
        assert "§ 33" not in text
    page = client_for(world.participant_user).get(reverse("decision_detail", args=[decision.pk])).content.decode()
    assert "278\u00a0696,51\u00a0kr" in page


def test_a_grant_ends_at_the_latest_the_day_before_the_participant_turns_67(world: World) -> None:
    older = factories.participant(world.office, world.counsellor, first_name="Olav")
    older.national_id = factories.synthetic_id(datetime.date(1960, 2, 29))  # turns 67 on 1 March 2027
    older.save(update_fields=["national_id"])
    case = factories.case(older, world.counsellor, CaseStatus.APPLIED)
    review(world, case)
    url = reverse("decision_create", args=[case.pk])
    response = client_for(world.counsellor).post(url, GRANT | {"ends_on": "2027-03-01"})
    assert response.status_code == 400
    message = nb("The programme can last at most until %(date)s, the day before the participant turns %(age)s.")
    assert message % {"date": "28.02.2027", "age": 67} in response.content.decode()
    assert decide(world, case, GRANT | {"ends_on": "2027-02-28"}).ends_on == datetime.date(2027, 2, 28)
