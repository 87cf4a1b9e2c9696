"""Goals, activities, proposals and agreement (sotjl. §§ 28, 30, 42; E1)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from kvp.plans.models import Activity, Origin, Plan, PlanVersion, Proposal
from kvp.plans.services import (
    activity_add,
    activity_set_status,
    activity_update,
    goal_add,
    plan_confirm,
    proposal_answer,
    proposal_submit,
)
from kvp.programme.models import Case
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.conftest import World
from tests.plans.builders import access_for, activity_fields, plan_with_activity, plan_with_goal, running_case


def _participant(world: World) -> dict[str, Any]:
    return {"actor": world.participant_user, "access": access_for(world.participant_user, world.participant)}


def _counsellor(world: World) -> dict[str, Any]:
    return {"actor": world.counsellor, "access": access_for(world.counsellor, world.participant)}


def _plan(case: Case) -> Plan:
    return Plan.objects.get(case=case)


def _agreed(world: World) -> Activity:
    activity = plan_with_activity(world.participant, world.counsellor)
    plan = activity.plan
    plan_confirm(**_participant(world), case=plan.case, seen_version=plan.version)
    plan_confirm(**_counsellor(world), case=plan.case, seen_version=plan.version)
    assert _plan(plan.case).is_agreed
    return activity


def test_a_goal_is_stored_as_written_and_the_change_is_a_version(world: World) -> None:
    case = running_case(world.participant, world.counsellor)
    goal = goal_add(**_participant(world), case=case, seen_version=0, text="Jeg vil bli kokk igjen.", language="so")
    assert (goal.text, goal.language, goal.origin) == ("Jeg vil bli kokk igjen.", "so", Origin.PARTICIPANT)
    version = PlanVersion.objects.get(plan__case=case)
    assert (version.number, version.changed_by, version.changes[0]["what"]) == (1, world.participant_user, "goal_added")
    assert version.snapshot["goals"][0]["text"] == "Jeg vil bli kokk igjen."


def test_two_people_editing_the_same_plan_do_not_overwrite_each_other(world: World) -> None:
    case, _goal = plan_with_goal(world.participant, world.counsellor)
    seen = _plan(case).version
    activity_add(**_counsellor(world), case=case, seen_version=seen, **activity_fields())
    with pytest.raises(ValidationError) as error:
        goal_add(**_participant(world), case=case, seen_version=seen, text="Et nytt mål", language="nb")
    assert error.value.code == "stale"
    assert _plan(case).goals.count() == 1


def test_the_participant_proposes_and_does_not_add_activities_directly(world: World) -> None:
    case = running_case(world.participant, world.counsellor)
    with pytest.raises(ValidationError) as error:
        activity_add(**_participant(world), case=case, seen_version=0, **activity_fields())
    assert error.value.code == "read_only"
    assert not Activity.objects.exists()


def test_an_ended_programme_has_a_closed_plan(world: World) -> None:
    case = running_case(world.participant, world.counsellor)
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.ENDED, end_reason="completed")
    case.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        goal_add(**_participant(world), case=case, seen_version=0, text="Mål", language="nb")
    assert error.value.code == "closed"


def test_an_activity_must_end_after_it_starts_and_within_sixty_hours(world: World) -> None:
    case, _goal = plan_with_goal(world.participant, world.counsellor)
    for wrong in ({"ends_on": datetime.date(2026, 5, 1)}, {"hours_per_week": 61}):
        with pytest.raises(ValidationError):
            activity_add(**_counsellor(world), case=case, seen_version=1, **activity_fields(**wrong))
    assert not Activity.objects.exists()


def test_moving_an_agreed_activitys_dates_keeps_the_agreement(world: World) -> None:
    activity = _agreed(world)
    plan = _plan(activity.plan.case)
    activity_update(
        **_counsellor(world), activity=activity, seen_version=plan.version, ends_on=datetime.date(2026, 12, 18)
    )
    plan.refresh_from_db()
    assert plan.is_agreed
    assert plan.agreed_version == plan.version


def test_changing_an_agreed_activitys_content_asks_for_a_new_agreement(world: World) -> None:
    activity = _agreed(world)
    plan = _plan(activity.plan.case)
    agreed_before = plan.agreed_version
    activity_update(**_counsellor(world), activity=activity, seen_version=plan.version, hours_per_week=20)
    plan.refresh_from_db()
    assert not plan.is_agreed
    assert plan.agreed_version == agreed_before
    assert plan.versions.get(number=plan.version).changes[0]["fields"] == ["hours_per_week"]


def test_the_participant_cannot_edit_an_agreed_activity_and_nobody_edits_a_finished_one(world: World) -> None:
    activity = _agreed(world)
    plan = _plan(activity.plan.case)
    Activity.objects.filter(pk=activity.pk).update(origin=Origin.PARTICIPANT)
    with pytest.raises(ValidationError) as error:
        activity_update(**_participant(world), activity=activity, seen_version=plan.version, title="Nytt navn")
    assert error.value.code == "agreed"
    activity_set_status(**_counsellor(world), activity=activity, seen_version=plan.version, status="done")
    plan.refresh_from_db()
    assert plan.is_agreed  # following up an activity's status keeps the agreement
    with pytest.raises(ValidationError) as error:
        activity_update(**_counsellor(world), activity=activity, seen_version=plan.version, title="Nytt navn")
    assert error.value.code == "frozen"
    assert Activity.objects.get(pk=activity.pk).title == "Arbeidstrening på lager"


def test_a_plan_is_agreed_when_both_confirm_the_same_version(world: World) -> None:
    activity = plan_with_activity(world.participant, world.counsellor)
    case = activity.plan.case
    plan_confirm(**_participant(world), case=case, seen_version=_plan(case).version)
    goal_add(**_counsellor(world), case=case, seen_version=_plan(case).version, text="Førerkort", language="nb")
    plan_confirm(**_counsellor(world), case=case, seen_version=_plan(case).version)
    assert not _plan(case).is_agreed  # the participant confirmed an earlier version
    plan_confirm(**_participant(world), case=case, seen_version=_plan(case).version)
    assert _plan(case).is_agreed


def test_an_empty_plan_cannot_be_agreed(world: World) -> None:
    case, _goal = plan_with_goal(world.participant, world.counsellor)
    with pytest.raises(ValidationError):
        plan_confirm(**_participant(world), case=case, seen_version=1)
    assert _plan(case).versions.get().participant_confirmed_at is None


def _propose(world: World, case: Case, **extra: Any) -> Proposal:
    return proposal_submit(
        **_participant(world),
        case=case,
        measure_type="vocational_norwegian",
        text="Jeg vil lære norsk på jobb.",
        language="nb",
        today=datetime.date(2026, 11, 2),
        **extra,
    )


def test_a_proposal_must_be_answered_within_the_configured_time(world: World) -> None:
    case = running_case(world.participant, world.counsellor)
    assert _propose(world, case).answer_due == datetime.date(2026, 11, 16)
    factories.parameter_value("plan.proposal_answer_days", "7", world.administrator)
    assert _propose(world, case).answer_due == datetime.date(2026, 11, 9)
    with pytest.raises(ValidationError) as error:
        proposal_submit(**_counsellor(world), case=case, measure_type="other", text="x", language="nb")
    assert error.value.code == "not_participant"


def test_declining_needs_a_reason_the_participant_can_read(world: World) -> None:
    proposal = _propose(world, running_case(world.participant, world.counsellor))
    with pytest.raises(ValidationError) as error:
        proposal_answer(**_counsellor(world), proposal=proposal, seen_version=1, answer="declined", reason=" ")
    assert "reason" in error.value.message_dict
    assert Proposal.objects.get(pk=proposal.pk).status == Proposal.Status.OPEN
    proposal_answer(
        **_counsellor(world),
        proposal=proposal,
        seen_version=1,
        answer="declined",
        reason="Kurset starter først i mars; vi setter deg på ventelisten.",
    )
    proposal.refresh_from_db()
    assert (proposal.status, proposal.answered_by) == (Proposal.Status.DECLINED, world.counsellor)
    with pytest.raises(ValidationError) as error:
        proposal_answer(**_counsellor(world), proposal=proposal, seen_version=2, answer="accepted", reason="")
    assert error.value.code == "answered"


def test_accepting_puts_the_participants_activity_in_the_plan(world: World) -> None:
    case = running_case(world.participant, world.counsellor)
    proposal = _propose(world, case)
    proposal_answer(
        **_counsellor(world),
        proposal=proposal,
        seen_version=1,
        answer="accepted",
        reason="",
        activity_fields=activity_fields(
            measure_type="vocational_norwegian", title="Yrkesnorsk", formal_qualification="Norskprøven B1"
        ),
    )
    proposal.refresh_from_db()
    activity = proposal.resulting_activity
    assert activity is not None
    assert (activity.origin, activity.title, activity.formal_qualification) == (
        Origin.PARTICIPANT,
        "Yrkesnorsk",
        "Norskprøven B1",
    )


def test_accepting_with_changes_needs_the_reason_and_a_change_proposal_changes_the_activity(world: World) -> None:
    activity = plan_with_activity(world.participant, world.counsellor)
    proposal = _propose(world, activity.plan.case, activity=activity)
    assert proposal.kind == Proposal.Kind.CHANGE
    with pytest.raises(ValidationError):
        proposal_answer(
            **_counsellor(world),
            proposal=proposal,
            seen_version=1,
            answer="accepted_with_changes",
            reason="",
            activity_fields={"hours_per_week": 20},
        )
    proposal_answer(
        **_counsellor(world),
        proposal=proposal,
        seen_version=1,
        answer="accepted_with_changes",
        reason="20 timer nå, 30 fra januar.",
        activity_fields={"hours_per_week": 20},
    )
    assert Activity.objects.get(pk=activity.pk).hours_per_week == 20


def test_a_second_answer_from_an_old_page_is_refused(world: World) -> None:
    proposal = _propose(world, running_case(world.participant, world.counsellor))
    with pytest.raises(ValidationError) as error:
        proposal_answer(**_counsellor(world), proposal=proposal, seen_version=0, answer="declined", reason="Nei")
    assert error.value.code == "stale"
