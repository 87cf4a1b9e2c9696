from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MotivationConfig(AppConfig):
    name = "kvp.motivation"
    verbose_name = _("Motivation check-ins")

    def ready(self) -> None:
        from kvp.motivation import audit_types  # noqa: F401  (registers the app's audit object types)
