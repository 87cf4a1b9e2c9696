"""Two people for every grant: an administrator asks, the office leader or another administrator approves."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kvp.accounts.models import User
from kvp.audit.models import AppendOnlyError
from kvp.staff.models import GrantRequest, StaffEvent
from tests import factories
from tests.conftest import World, client_for


def ask(world: World, subject: User, kind: str, give: str = "1", office: str = "") -> GrantRequest:
    url = reverse("staff_grant_request", args=[subject.pk])
    response = client_for(world.administrator).post(url, {"kind": kind, "give": give, "office": office})
    assert response.status_code == 302, response.content[:500]
    return GrantRequest.objects.latest("pk")


def decide(user: User, grant: GrantRequest, decision: str = "approve") -> int:
    url = reverse("staff_grant_decide", args=[grant.pk])
    return client_for(user).post(url, {"decision": decision}).status_code


@pytest.fixture
def second_admin(world: World) -> User:
    return factories.staff("bo_admin", None, is_administrator=True, is_staff=True)


def test_a_request_changes_nothing_until_someone_else_approves(world: World) -> None:
    grant = ask(world, world.counsellor, "shielded")
    assert not User.objects.get(pk=world.counsellor.pk).may_view_shielded
    assert decide(world.administrator, grant) == 404  # the requester cannot approve their own request
    assert not User.objects.get(pk=world.counsellor.pk).may_view_shielded
    assert decide(world.leader, grant) == 302
    assert User.objects.get(pk=world.counsellor.pk).may_view_shielded
    actions = list(StaffEvent.objects.order_by("pk").values_list("action", "actor", "subject"))
    assert actions == [
        ("grant_requested", world.administrator.pk, world.counsellor.pk),
        ("grant_approved", world.leader.pk, world.counsellor.pk),
    ]


def test_the_administrator_cannot_give_itself_a_role_alone(world: World, second_admin: User) -> None:
    grant = ask(world, world.administrator, "office", office=str(world.office.pk))
    assert decide(world.administrator, grant) == 404
    assert User.objects.get(pk=world.administrator.pk).office_id is None
    assert decide(second_admin, grant) == 302
    assert User.objects.get(pk=world.administrator.pk).office_id == world.office.pk


def test_a_staff_member_cannot_approve_a_grant_to_themselves(world: World) -> None:
    grant = ask(world, world.leader, "shielded")
    assert decide(world.leader, grant) == 404
    assert not User.objects.get(pk=world.leader.pk).may_view_shielded


def test_a_leader_decides_only_for_their_own_office_and_never_the_administrator_role(world: World) -> None:
    other_leader = factories.staff("ulf_leder", world.other_office, is_leader=True)
    grant = ask(world, world.counsellor, "leader")
    assert decide(other_leader, grant) == 404
    admin_grant = ask(world, world.counsellor, "administrator")
    assert decide(world.leader, admin_grant) == 404
    assert decide(world.counsellor, grant) == 403  # neither leader nor administrator, and the subject
    assert decide(world.colleague, grant) == 403
    assert decide(world.leader, grant) == 302
    assert User.objects.get(pk=world.counsellor.pk).is_leader


def test_a_refused_request_changes_nothing_and_is_logged(world: World) -> None:
    grant = ask(world, world.colleague, "approver")
    assert decide(world.leader, grant, "refuse") == 302
    assert not User.objects.get(pk=world.colleague.pk).may_approve_decisions
    assert GrantRequest.objects.get(pk=grant.pk).status == "refused"
    assert StaffEvent.objects.filter(action="grant_refused", actor=world.leader).exists()
    assert decide(world.leader, grant) == 404  # decided once


def test_only_an_administrator_asks_for_a_grant(world: World) -> None:
    url = reverse("staff_grant_request", args=[world.counsellor.pk])
    response = client_for(world.leader).post(url, {"kind": "shielded", "give": "1"})
    assert response.status_code == 403
    assert not GrantRequest.objects.exists()


def test_taking_the_office_from_a_counsellor_is_refused_with_a_reason(world: World, second_admin: User) -> None:
    grant = ask(world, world.colleague, "office", give="0")
    client = client_for(world.leader)
    response = client.post(reverse("staff_grant_decide", args=[grant.pk]), {"decision": "approve"}, follow=True)
    assert User.objects.get(pk=world.colleague.pk).office_id == world.office.pk
    assert GrantRequest.objects.get(pk=grant.pk).status == "pending"
    assert "kontor" in response.content.decode()


def test_the_staff_log_cannot_be_changed_or_deleted(world: World) -> None:
    ask(world, world.counsellor, "shielded")
    event = StaffEvent.objects.get()
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_a_leader_sees_only_their_own_office_on_the_staff_page(world: World) -> None:
    content = client_for(world.leader).get(reverse("staff_list")).content.decode()
    assert "kari_nordmann" in content
    assert "per_berg" not in content
    assert "deltaker-" not in content  # participants' logins are not staff
    everyone = client_for(world.administrator).get(reverse("staff_list")).content.decode()
    assert "per_berg" in everyone
    assert "deltaker-" not in everyone
