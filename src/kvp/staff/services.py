"""Staff management, two people for every grant. A request changes nothing; an approval by someone else applies
it, a lost two-factor device's reset included. Passwords are never set by another person: a reset sends a one-time
link to the staff member's own address."""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from kvp.accounts.models import Office, User
from kvp.accounts.twofactor import two_factor_reset
from kvp.notices.channels import Notice, get_channel
from kvp.staff.access import may_decide
from kvp.staff.models import FLAG_FOR_KIND, GrantKind, GrantRequest, StaffEvent


@transaction.atomic
def grant_request(*, actor: User, subject: User, kind: str, give: bool, office: Office | None) -> GrantRequest:
    """An administrator asks for a grant to be given or taken away; nothing changes until someone else approves."""
    if not actor.is_administrator:
        raise ValidationError(_("Only an administrator can request a grant."))
    if kind == GrantKind.OFFICE and give and office is None:
        raise ValidationError(_("Choose the office."))
    if kind == GrantKind.TWO_FACTOR and not give:
        raise ValidationError(_("A lost two-factor device can only be replaced: choose “Give”."))
    grant = GrantRequest.objects.create(
        subject=subject,
        kind=kind,
        give=give,
        office=office if kind == GrantKind.OFFICE else None,
        requested_by=actor,
    )
    StaffEvent.objects.create(actor=actor, subject=subject, action=StaffEvent.Action.GRANT_REQUESTED, grant=grant)
    return grant


@transaction.atomic
def grant_decide(*, actor: User, grant: GrantRequest, approve: bool) -> None:
    """Approve (and apply) or refuse a pending request. Never by the person who asked, nor the one it is about."""
    grant = GrantRequest.objects.select_for_update().select_related("subject").get(pk=grant.pk)
    if not may_decide(actor, grant):
        raise ValidationError(_("You cannot decide this request."))
    if approve:
        _apply(grant)
    grant.status = GrantRequest.Status.APPROVED if approve else GrantRequest.Status.REFUSED
    grant.decided_by = actor
    grant.decided_at = timezone.now()
    grant.save(update_fields=["status", "decided_by", "decided_at"])
    action = StaffEvent.Action.GRANT_APPROVED if approve else StaffEvent.Action.GRANT_REFUSED
    StaffEvent.objects.create(actor=actor, subject=grant.subject, action=action, grant=grant)


def _apply(grant: GrantRequest) -> None:
    subject = User.objects.select_for_update().get(pk=grant.subject_id)
    if grant.kind == GrantKind.TWO_FACTOR:
        two_factor_reset(subject)
        return
    if grant.kind == GrantKind.OFFICE:
        subject.office = grant.office if grant.give else None
    else:
        setattr(subject, FLAG_FOR_KIND[GrantKind(grant.kind)], grant.give)
        if grant.kind == GrantKind.ADMINISTRATOR:
            subject.is_staff = grant.give  # the administration's pages
    if subject.is_case_staff and subject.office_id is None:
        raise ValidationError(_("Counsellors and office leaders must belong to an office."))
    subject.save()


@transaction.atomic
def reset_link_send(*, actor: User, subject: User) -> None:
    """Send the staff member a one-time link to choose a new password (Django's reset tokens: the link stops
    working once the password changes, and after PASSWORD_RESET_TIMEOUT)."""
    if not subject.email:
        raise ValidationError(_("The staff member has no e-mail address."))
    link = settings.KVP_SITE_URL.rstrip("/") + reverse(
        "password_choose",
        args=[urlsafe_base64_encode(force_bytes(subject.pk)), default_token_generator.make_token(subject)],
    )
    notice = Notice(
        recipient=f"user:{subject.pk}",
        about=f"password:{subject.pk}",
        address=subject.email,
        language=settings.LANGUAGE_CODE,
        subject=_("Choose a new password for KVP"),
        body=_("Open this link to choose a new password. It works once, for a limited time:\n\n%(link)s")
        % {"link": link},
    )
    get_channel().send(notice)
    StaffEvent.objects.create(actor=actor, subject=subject, action=StaffEvent.Action.RESET_LINK_SENT)


def password_chosen(subject: User) -> None:
    StaffEvent.objects.create(actor=subject, subject=subject, action=StaffEvent.Action.PASSWORD_CHOSEN)


@transaction.atomic
def lockout_lift(*, actor: User, subject: User) -> int:
    """Lift every login lockout for the staff member's username (from any address); returns how many."""
    lifted: int = axes_reset(username=subject.get_username())
    StaffEvent.objects.create(actor=actor, subject=subject, action=StaffEvent.Action.LOCKOUT_LIFTED)
    return lifted
