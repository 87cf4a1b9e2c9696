"""What the audit trail calls this app's objects (registered here, so adding one needs no audit migration)."""

from django.utils.translation import gettext_lazy as _

from kvp.audit.objects import object_type

PARTICIPANT = object_type("participant", _("Personal details"))
PARTICIPANT_LIST = object_type("participant_list", _("Participant list"))
COUNSELLOR = object_type("counsellor", _("Responsible counsellor"))
OWN_PAGE = object_type("own_page", _("My page"))
TRANSFER_REQUEST = object_type("transfer_request", _("Request to take over the follow-up"))
