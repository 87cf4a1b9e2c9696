"""What the audit trail calls this app's objects (registered here, so adding one needs no audit migration)."""

from django.utils.translation import gettext_lazy as _

from kvp.audit.objects import object_type

CASE = object_type("case", _("Case"))
AFTERCARE = object_type("aftercare", _("Follow-up after the programme"))
KOSTRA = object_type("kostra", _("KOSTRA return"))
