from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "kvp.plans"
    verbose_name = _("Plans")

    def ready(self) -> None:
        from kvp.plans import audit_types  # noqa: F401  (registers the app's audit object types)
