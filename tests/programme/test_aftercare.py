import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.programme.aftercare import aftercare_record, followups_shown_to, schedule_aftercare
from kvp.programme.audit_types import AFTERCARE
from kvp.programme.models import AftercareContact, AftercareFollowUp, Case
from kvp.programme.selectors import aftercare_rows
from kvp.rules.aftercare import Benefit, Channel, Situation
from kvp.rules.case_status import CaseStatus, EndReason
from tests import factories
from tests.conftest import World, client_for
from tests.plans.builders import access_for
from tests.programme.aftercare_builders import ended_case, first_follow_up

d = datetime.date


def test_ending_a_case_schedules_follow_ups_at_3_6_and_12_months(world: World) -> None:
    case = factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    response = client_for(world.counsellor).post(
        reverse("case_transition", args=[case.pk]),
        {"target": "ended", "effective_on": "2026-11-20", "end_reason": "completed_education", "version": 1},
    )
    assert response.status_code == 302
    due = list(AftercareFollowUp.objects.filter(case=case).values_list("months", "due_on"))
    assert due == [(3, d(2027, 2, 20)), (6, d(2027, 5, 20)), (12, d(2027, 11, 20))]


def test_no_follow_up_for_someone_who_moved(world: World) -> None:
    ended_case(world.participant, world.counsellor, reason=EndReason.MOVED)
    assert not AftercareFollowUp.objects.exists()


def test_the_daily_job_creates_missing_follow_ups_once(world: World) -> None:
    case = factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    Case.objects.filter(pk=case.pk).update(
        status=CaseStatus.ENDED, ended_on=d(2026, 8, 14), end_reason="completed_work"
    )
    other = factories.participant(world.office, world.counsellor)
    old = factories.case(other, world.counsellor, CaseStatus.ACTIVE)  # ended too long ago: left alone
    Case.objects.filter(pk=old.pk).update(
        status=CaseStatus.ENDED, ended_on=d(2025, 11, 26), end_reason="completed_work"
    )
    AftercareFollowUp.objects.create(case=case, months=3, due_on=d(2026, 11, 14))
    assert schedule_aftercare(d(2026, 11, 27)) == 2
    assert schedule_aftercare(d(2026, 11, 27)) == 0
    assert AftercareFollowUp.objects.filter(case=case).count() == 3
    assert not AftercareFollowUp.objects.filter(case=old).exists()


def test_the_daily_job_refuses_a_non_date_and_stores_nothing(world: World) -> None:
    ended = factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    Case.objects.filter(pk=ended.pk).update(
        status=CaseStatus.ENDED, ended_on=d(2026, 8, 14), end_reason="completed_work"
    )
    with pytest.raises(TypeError, match="today must be a date"):
        schedule_aftercare("2026-11-27")  # type: ignore[arg-type]
    assert not AftercareFollowUp.objects.exists()


def test_the_months_are_a_rule_parameter(world: World) -> None:
    factories.parameter_value("aftercare.third_months", "24", world.administrator)
    case = ended_case(world.participant, world.counsellor)
    assert sorted(case.aftercare_followups.values_list("months", flat=True)) == [3, 6, 24]


def test_a_due_follow_up_is_in_the_counsellors_tasks_and_on_the_participant_page(world: World) -> None:
    follow_up = first_follow_up(world.participant, world.counsellor)  # due 14.11.2026
    assert list(followups_shown_to(world.counsellor, d(2026, 10, 31))) == [follow_up]  # two weeks before
    assert list(followups_shown_to(world.counsellor, d(2026, 10, 30))) == []
    assert list(followups_shown_to(world.colleague, d(2026, 11, 27))) == []
    url = reverse("aftercare_record", args=[world.participant.pk, follow_up.pk])
    page = client_for(world.counsellor).get(reverse("worklist"))
    assert page.status_code == 200
    assert url in page.content.decode()
    assert (
        AuditEvent.objects.about(world.participant.pk)
        .filter(object_type=AFTERCARE, action=AuditEvent.Action.LIST)
        .exists()
    )
    detail = client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))
    assert url in detail.content.decode()


def test_the_participant_pages_rows_say_who_may_record_and_what_is_overdue(world: World) -> None:
    follow_up = first_follow_up(world.participant, world.counsellor)  # due 14.11.2026

    def shown(user: User, today: datetime.date) -> list[tuple[int, bool, bool]]:
        rows = aftercare_rows(
            participant=world.participant, can_write=access_for(user, world.participant).can_write, today=today
        )
        return [(row.follow_up.months, row.overdue, row.can_record) for row in rows]

    assert shown(world.counsellor, d(2026, 11, 14))[0] == (3, False, True)
    assert shown(world.counsellor, d(2026, 11, 15))[0] == (3, True, True)
    assert shown(world.leader, d(2026, 11, 15))[0] == (3, True, False)
    AftercareFollowUp.objects.filter(pk=follow_up.pk).update(status=AftercareFollowUp.Status.DONE)
    assert shown(world.counsellor, d(2026, 11, 15))[0] == (3, False, False)


def codes(error: ValidationError) -> set[str | None]:
    if hasattr(error, "error_dict"):
        return {item.code for items in error.error_dict.values() for item in items}
    return {error.code}


def post(world: World, follow_up: AftercareFollowUp, **data: str | int) -> tuple[int, str]:
    values = {"contacted_on": "2026-11-16", "channel": "phone", "situation": "work_full_time", "version": 1}
    response = client_for(world.counsellor).post(
        reverse("aftercare_record", args=[world.participant.pk, follow_up.pk]), values | data
    )
    return response.status_code, response.content.decode()


def test_the_counsellor_records_the_situation_and_it_is_logged(world: World) -> None:
    follow_up = first_follow_up(world.participant, world.counsellor)
    status, _ = post(world, follow_up, situation="other_benefit", benefit="aap")
    assert status == 302
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.situation, follow_up.attempts) == ("done", "other_benefit", 1)
    assert AftercareContact.objects.get().benefit == "aap"
    assert AuditEvent.objects.filter(
        object_type=AFTERCARE, action=AuditEvent.Action.CREATE, object_id=str(follow_up.pk)
    ).exists()
    assert list(followups_shown_to(world.counsellor, d(2026, 11, 27))) == []


def test_someone_not_reached_is_tried_again_a_week_later(world: World) -> None:
    follow_up = first_follow_up(world.participant, world.counsellor)
    assert post(world, follow_up, situation="not_reached", channel="phone")[0] == 302
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.retry_on, follow_up.attempts) == ("open", d(2026, 11, 23), 1)
    assert list(followups_shown_to(world.counsellor, d(2026, 11, 22))) == []
    assert list(followups_shown_to(world.counsellor, d(2026, 11, 23))) == [follow_up]
    assert post(world, follow_up, situation="education", contacted_on="2026-11-24", version=2)[0] == 302
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.situation, follow_up.attempts) == ("done", "education", 2)


def test_after_three_tries_without_reaching_the_person_the_follow_up_is_closed(world: World) -> None:
    follow_up = first_follow_up(world.participant, world.counsellor)
    for attempt, day in enumerate(("2026-11-16", "2026-11-20", "2026-11-24"), start=1):
        assert post(world, follow_up, situation="not_reached", contacted_on=day, version=attempt)[0] == 302
        follow_up.refresh_from_db()
        assert follow_up.attempts == attempt
    assert (follow_up.status, follow_up.situation, follow_up.retry_on) == ("done", "not_reached", None)
    assert list(followups_shown_to(world.counsellor, d(2026, 12, 7))) == []


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"contacted_on": "2099-01-01"}, "future"),
        ({"contacted_on": "2026-08-13"}, "before_end"),
        ({"situation": "other_benefit"}, "benefit_missing"),
        ({"benefit": "dagpenger"}, "benefit_unexpected"),
        ({"version": 7}, "stale"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(world: World, data: dict[str, str], code: str) -> None:
    follow_up = first_follow_up(world.participant, world.counsellor)
    access = access_for(world.counsellor, world.participant)
    values = {
        "contacted_on": d(2026, 11, 16), "channel": Channel.PHONE, "situation": Situation.WORK_FULL_TIME,
        "benefit": None, "note": "", "expected_version": 1,
    }  # fmt: skip
    converted = {
        "contacted_on": lambda v: datetime.date.fromisoformat(v),
        "situation": Situation,
        "benefit": Benefit,
        "version": int,
    }
    for key, value in data.items():
        values["expected_version" if key == "version" else key] = converted[key](value)
    with pytest.raises(ValidationError) as error:
        aftercare_record(actor=world.counsellor, access=access, follow_up=follow_up, **values)  # type: ignore[arg-type]
    assert code in codes(error.value)
    assert not AftercareContact.objects.exists()
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.attempts, follow_up.version) == ("open", 0, 1)
    status, _ = post(world, follow_up, **data)
    assert status == 400
    assert not AftercareContact.objects.exists()


def test_a_recorded_follow_up_cannot_be_recorded_again(world: World) -> None:
    follow_up = first_follow_up(world.participant, world.counsellor)
    post(world, follow_up)
    assert post(world, follow_up, situation="education", version=2)[0] == 302
    assert AftercareContact.objects.count() == 1


def test_the_leader_reads_but_cannot_record(world: World) -> None:
    follow_up = first_follow_up(world.participant, world.counsellor)
    url = reverse("aftercare_record", args=[world.participant.pk, follow_up.pk])
    page = client_for(world.leader).get(url)
    assert page.status_code == 200
    assert 'name="situation"' not in page.content.decode()
    assert client_for(world.leader).post(url, {"situation": "education"}).status_code == 403


def test_a_follow_up_of_another_participant_is_not_found(world: World) -> None:
    other = factories.participant(world.office, world.counsellor)
    follow_up = first_follow_up(other, world.counsellor)
    url = reverse("aftercare_record", args=[world.participant.pk, follow_up.pk])
    assert client_for(world.counsellor).get(url).status_code == 404
