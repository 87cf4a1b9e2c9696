"""What the audit trail calls this app's objects (registered here, so adding one needs no audit migration)."""

from django.utils.translation import gettext_lazy as _

from kvp.audit.objects import object_type

MAPPING = object_type("mapping", _("Mapping"))
PLAN = object_type("plan", _("Plan"))
PROPOSAL = object_type("proposal", _("Proposal"))
