"""What the audit trail calls this app's objects (registered here, so adding one needs no audit migration)."""

from django.utils.translation import gettext_lazy as _

from kvp.audit.objects import object_type

ACCESS_LOG = object_type("access_log", _("Access log"))
AUDIT_TRAIL = object_type("audit_trail", _("Audit trail"))
