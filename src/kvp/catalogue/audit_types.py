"""What the audit trail calls this app's objects (registered here, so adding one needs no audit migration)."""

from django.utils.translation import gettext_lazy as _

from kvp.audit.objects import object_type

PARTICIPATION = object_type("participation", _("Participation in a measure"))
RECOMMENDATIONS = object_type("recommendations", _("Recommended measures"))
INCIDENT = object_type("incident", _("Discrimination incident"))
