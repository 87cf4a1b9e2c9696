"""The notice that a shielded person was registered for a colleague with the shielded-persons grant to follow up.
It holds no personal data: the counsellor it is passed to gets a link to log in and see who; where nobody at the
office has the grant, the office's leaders are asked to arrange it."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.notices.channels import Notice
from kvp.participants.models import Participant


def _link(name: str, *args: object) -> str:
    return str(settings.KVP_SITE_URL).rstrip("/") + reverse(name, args=args)


def shielded_registration_notices(participant: Participant) -> list[Notice]:
    with translation.override(settings.LANGUAGE_CODE):
        return _notices(participant)


def _notices(participant: Participant) -> list[Notice]:
    if participant.counsellor is not None:
        recipients = [participant.counsellor]
        subject = _("A new person to follow up in KVP")
        body = _("A person has been registered for you to follow up. Log in to see who:") + "\n"
        body += _link("participant_detail", participant.pk)
    else:
        recipients = list(User.objects.filter(office_id=participant.office_id, is_leader=True, is_active=True))
        subject = _("A counsellor with the grant for shielded persons is needed in KVP")
        body = _(
            "A person registered at your office can be followed up only by a counsellor with the grant for "
            "shielded persons, and nobody at the office has it. Ask for the grant for a counsellor:"
        )
        body += "\n" + _link("staff_list")
    return [
        Notice(
            recipient=f"user:{recipient.pk}",
            about=f"participant:{participant.pk}",
            address=recipient.email,
            language=settings.LANGUAGE_CODE,
            subject=subject,
            body=body,
        )
        for recipient in recipients
    ]
