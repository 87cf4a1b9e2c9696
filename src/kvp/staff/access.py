"""Who may manage whom. Administrators request grants and send reset links for any staff member; an office leader
sees their own office's staff, approves grants for it, sends reset links and lifts lockouts. Nobody decides a
request they made, or one about themselves. Participants' logins are managed with their case, never here."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from kvp.accounts.decorators import is_leader
from kvp.accounts.models import User
from kvp.staff.models import GrantKind, GrantRequest


def may_manage_staff(user: User) -> bool:
    return user.is_administrator or is_leader(user)


def staff_visible_to(user: User) -> QuerySet[User]:
    staff = User.objects.filter(participant__isnull=True).select_related("office")
    if user.is_administrator:
        return staff
    if is_leader(user):
        return staff.filter(office=user.office)
    return staff.none()


def get_staff_member_for_user(user: User, pk: int) -> User:
    """The staff member `pk` if `user` manages them; 404 otherwise, so the id tells nothing."""
    if not may_manage_staff(user):
        raise PermissionDenied
    member = staff_visible_to(user).filter(pk=pk).first()
    if member is None:
        raise Http404
    return member


def office_concerned(grant: GrantRequest) -> int | None:
    """The office whose leader may approve: the office given, or the staff member's own office."""
    return grant.office_id if grant.kind == GrantKind.OFFICE and grant.give else grant.subject.office_id


def may_decide(user: User, grant: GrantRequest) -> bool:
    if grant.status != GrantRequest.Status.PENDING or user.pk in {grant.requested_by_id, grant.subject_id}:
        return False
    if user.is_administrator:
        return True
    return grant.kind != GrantKind.ADMINISTRATOR and is_leader(user) and user.office_id == office_concerned(grant)


def get_grant_request_for_user(user: User, pk: int) -> GrantRequest:
    """A pending request `user` may approve or refuse; 404 otherwise."""
    if not may_manage_staff(user):
        raise PermissionDenied
    grant = GrantRequest.objects.select_related("subject", "office").filter(pk=pk).first()
    if grant is None or not may_decide(user, grant):
        raise Http404
    return grant


def may_lift_lockout(user: User, member: User) -> bool:
    return is_leader(user) and member.office_id == user.office_id
