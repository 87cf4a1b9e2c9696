"""The plan page's rows carry what each viewer may do, so the template repeats no permission rule."""

from __future__ import annotations

from kvp.plans.models import Activity, Origin
from kvp.plans.selectors import plan_shown_to
from tests.conftest import World
from tests.plans.builders import access_for, plan_with_activity


def test_each_viewer_gets_the_plan_with_what_they_may_do(world: World) -> None:
    # The participant adds the goal, the counsellor the activity.
    activity = plan_with_activity(world.participant, world.counsellor)
    counsellor = plan_shown_to(access=access_for(world.counsellor, world.participant))
    participant = plan_shown_to(access=access_for(world.participant_user, world.participant))
    leader = plan_shown_to(access=access_for(world.leader, world.participant))

    assert [row.can_edit for row in counsellor.goals] == [False]
    assert [row.can_edit for row in participant.goals] == [True]
    assert [row.can_edit for row in leader.goals] == [False]
    assert [(row.can_manage, row.can_reword) for row in counsellor.activities] == [(True, False)]
    assert [(row.can_manage, row.can_reword) for row in participant.activities] == [(False, False)]
    assert [(row.can_manage, row.can_reword) for row in leader.activities] == [(False, False)]
    assert (counsellor.can_add_activity, counsellor.can_propose, counsellor.can_confirm) == (True, False, True)
    assert (participant.can_add_activity, participant.can_propose, participant.can_confirm) == (False, True, True)
    assert (leader.writable, leader.can_add_activity, leader.can_propose, leader.can_confirm) == (False,) * 4

    Activity.objects.filter(pk=activity.pk).update(origin=Origin.PARTICIPANT)
    reworded = plan_shown_to(access=access_for(world.participant_user, world.participant))
    assert [(row.can_manage, row.can_reword) for row in reworded.activities] == [(False, True)]
    Activity.objects.filter(pk=activity.pk).update(status=Activity.Status.DONE)
    finished = plan_shown_to(access=access_for(world.counsellor, world.participant))
    assert [(row.can_manage, row.can_reword) for row in finished.activities] == [(False, False)]
