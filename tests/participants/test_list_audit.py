from kvp.audit.models import AuditEvent
from kvp.participants.access import audit_list_read
from kvp.participants.audit_types import PARTICIPANT_LIST
from tests.conftest import World


def test_a_list_read_is_on_the_leader_basis_for_a_leader_and_the_assigned_basis_for_a_counsellor(
    world: World,
) -> None:
    audit_list_read(world.leader, [world.participant], what=PARTICIPANT_LIST)
    audit_list_read(world.counsellor, [world.participant], what=PARTICIPANT_LIST)

    events = AuditEvent.objects.about(world.participant.pk).filter(action=AuditEvent.Action.LIST)
    assert {(event.actor_id, event.basis, event.object_type) for event in events} == {
        (world.leader.pk, "leader", PARTICIPANT_LIST),
        (world.counsellor.pk, "assigned", PARTICIPANT_LIST),
    }
