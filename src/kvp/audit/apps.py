from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "kvp.audit"
    verbose_name = _("Audit trail")

    def ready(self) -> None:
        from kvp.audit import audit_types  # noqa: F401  (registers the app's audit object types)
